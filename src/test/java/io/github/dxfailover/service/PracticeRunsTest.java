package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.input.RequestParser;
import io.github.dxfailover.result.PracticeReport;
import io.github.dxfailover.result.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryResponse;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestResponse;
import software.amazon.awssdk.services.directconnect.model.Tag;
import software.amazon.awssdk.services.directconnect.model.TagResourceRequest;
import software.amazon.awssdk.services.directconnect.model.TagResourceResponse;
import software.amazon.awssdk.services.directconnect.model.UntagResourceRequest;
import software.amazon.awssdk.services.directconnect.model.UntagResourceResponse;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.directconnect.model.VirtualInterfaceTestHistory;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;

/** Practice runs (docs/behaviour.md §16) with mocked clients: the calls each path makes and must not make. */
class PracticeRunsTest extends MockedAws {
    private static final String OUTCOME = "apps-5xx";
    private static final String BLOCKING = "change-freeze";
    /** What the mocked ListVirtualInterfaceTestHistory's nextToken starts with; the index of the next test follows. */
    private static final String PAGE_TOKEN = "after-";

    /** Direct Connect as a stateful mock: VIF states, their tags, and the test history. */
    private final Map<String, String> states = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final List<VirtualInterfaceTestHistory> history = new ArrayList<>();
    /** How many of a VIF's tests one ListVirtualInterfaceTestHistory page holds; the rest come with nextToken. */
    private int historyPageSize = Integer.MAX_VALUE;
    private final Map<String, String> alarmStates = new HashMap<>(Map.of(OUTCOME, "OK", BLOCKING, "OK"));

    private static FailoverConfig practising(String... overrides) {
        Map<String, String> env = env();
        env.put("PRACTICE_OUTCOME_ALARMS", OUTCOME);
        env.put("PRACTICE_BLOCKING_ALARMS", BLOCKING);
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return config(env);
    }

    @BeforeEach
    void statefulDirectConnectAndAlarms() {
        List.of(VIF_A, VIF_B, VIF_C).forEach(v -> {
            states.put(v, "available");
            tags.put(v, new LinkedHashMap<>());
        });
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class))).thenAnswer(call ->
                DescribeVirtualInterfacesResponse.builder().virtualInterfaces(states.keySet().stream().map(v -> {
                    String state = states.get(v);
                    VirtualInterface base = dxVif(v, state, "testing".equals(state) ? "down" : "up");
                    return base.toBuilder().ownerAccount("123456789012").tags(tags.get(v).entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
                }).toList()).build());
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class))).thenAnswer(call -> {
            ListVirtualInterfaceTestHistoryRequest r = call.getArgument(0);
            List<VirtualInterfaceTestHistory> all = history.stream()
                    .filter(t -> t.virtualInterfaceId().equals(r.virtualInterfaceId())).toList();
            int from = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken().substring(PAGE_TOKEN.length()));
            int to = Math.min(from + historyPageSize, all.size());
            return ListVirtualInterfaceTestHistoryResponse.builder().virtualInterfaceTestHistory(all.subList(from, to))
                    .nextToken(to < all.size() ? PAGE_TOKEN + to : null).build();
        });
        when(dx.tagResource(any(TagResourceRequest.class))).thenAnswer(call -> {
            TagResourceRequest r = call.getArgument(0);
            r.tags().forEach(t -> tags.get(vifOf(r.resourceArn())).put(t.key(), t.value()));
            return TagResourceResponse.builder().build();
        });
        when(dx.untagResource(any(UntagResourceRequest.class))).thenAnswer(call -> {
            UntagResourceRequest r = call.getArgument(0);
            r.tagKeys().forEach(k -> tags.get(vifOf(r.resourceArn())).remove(k));
            return UntagResourceResponse.builder().build();
        });
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenAnswer(call -> {
            DescribeAlarmsRequest r = call.getArgument(0);
            if (r.hasAlarmNames()) {
                return DescribeAlarmsResponse.builder().metricAlarms(r.alarmNames().stream()
                        .filter(alarmStates::containsKey).map(n -> MetricAlarm.builder().alarmName(n)
                                .stateValue(alarmStates.get(n)).actionsEnabled(true).build()).toList()).build();
            }
            return DescribeAlarmsResponse.builder().metricAlarms(alarmStates.entrySet().stream()
                    .filter(e -> e.getValue().equals("ALARM")).map(e -> MetricAlarm.builder().alarmName(e.getKey())
                            .alarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + e.getKey())
                            .stateValue("ALARM").actionsEnabled(true).stateUpdatedTimestamp(NOW).build()).toList())
                    .compositeAlarms(List.<CompositeAlarm>of()).build();
        });
    }

    private static String vifOf(String arn) {
        assertThat(arn).isEqualTo("arn:aws:directconnect:eu-west-1:123456789012:dxvif/" + arn.substring(arn.indexOf("dxvif-")));
        return arn.substring(arn.indexOf("dxvif-"));
    }

    private FailoverService practiceService(FailoverConfig config) {
        FailoverService s = service(config);
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenAnswer(call -> {
            StartBgpFailoverTestRequest r = call.getArgument(0);
            states.put(r.virtualInterfaceId(), "testing");
            VirtualInterfaceTestHistory t = test(r.virtualInterfaceId(), "t-" + (history.size() + 1),
                    NOW.plusSeconds(60L * r.testDurationInMinutes()));
            history.add(0, t);
            return software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestResponse.builder()
                    .virtualInterfaceTest(t).build();
        });
        when(dx.stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class))).thenAnswer(call -> {
            String vif = ((StopBgpFailoverTestRequest) call.getArgument(0)).virtualInterfaceId();
            states.put(vif, "available");
            return StopBgpFailoverTestResponse.builder().virtualInterfaceTest(test(vif, "t-1", NOW)).build();
        });
        return s;
    }

    /** A practice run on A started 10 minutes ago, its tag on, its test running. */
    private void aRunIsOnA() {
        states.put(VIF_A, "testing");
        tags.get(VIF_A).put("dx-failover:practice", "t-run");
        history.add(VirtualInterfaceTestHistory.builder().testId("t-run").virtualInterfaceId(VIF_A).status("IN_PROGRESS")
                .startTime(NOW.minusSeconds(600)).endTime(NOW.plusSeconds(1200)).build());
    }

    /** A practice run never opens a support case; only the real failover of one test does. */
    private boolean aCaseIsExpected;

    @org.junit.jupiter.api.AfterEach
    void neverASupportCase() {
        if (!aCaseIsExpected) {
            verify(support, never()).createCase(any(CreateCaseRequest.class));
        }
    }

    private List<PublishRequest> published(int times) {
        ArgumentCaptor<PublishRequest> p = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns, times(times)).publish(p.capture());
        return p.getAllValues();
    }

    @Test
    void aPracticeRunStartsOnTheVifTestedLongestAgoAndIsRecordedOnIt() {
        history.add(test(VIF_A, "old-a", NOW.minusSeconds(86_400)));
        Result r = practiceService(practising()).handle(RequestParser.parse(Map.of("action", "practice")), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_STARTED);
        assertThat(r.vifId()).isEqualTo(VIF_B); // never tested, before A; B before C by ID
        ArgumentCaptor<StartBgpFailoverTestRequest> start = ArgumentCaptor.forClass(StartBgpFailoverTestRequest.class);
        verify(dx).startBgpFailoverTest(start.capture());
        assertThat(start.getValue().testDurationInMinutes()).isEqualTo(30);
        assertThat(tags.get(VIF_B)).containsEntry("dx-failover:practice", "t-2");
        assertThat(r.toMap().get("practice")).isEqualTo(Map.of("virtualInterfaceId", VIF_B, "testId", "t-2",
                "outcome", "PRACTICE_STARTED", "endsAt", NOW.plusSeconds(1800).toString()));
        PublishRequest p = published(1).get(0);
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("PRACTICE_STARTED");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("watching " + OUTCOME).contains("\"action\": \"restore\"");
        verify(support, never()).createCase(any(CreateCaseRequest.class));
    }

    @Test
    void eachBlockerKeepsTheRunFromStartingAndIsNamed() {
        alarmStates.put(OUTCOME, "INSUFFICIENT_DATA");
        alarmStates.put(BLOCKING, "ALARM");
        states.put(VIF_C, "down");
        Result r = practiceService(practising("PRACTICE_BLOCKED_DATES", "2026-11-26",
                "PRACTICE_BLOCKING_ALARMS", BLOCKING + ",no-such-alarm"))
                .handle(new Request.Practice(VIF_A, null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_BLOCKED);
        assertThat(r.practice().reasons()).containsExactly(
                "outcome alarm '" + OUTCOME + "' is INSUFFICIENT_DATA, not OK",
                "blocking alarm '" + BLOCKING + "' is in ALARM",
                "alarm 'no-such-alarm' does not exist: a misspelt watch alarm would never end a run",
                "today (2026-11-26, UTC) is in PRACTICE_BLOCKED_DATES",
                VIF_C + " carries no traffic (down, BGP up)");
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(dx, never()).tagResource(any(TagResourceRequest.class));
        assertThat(published(1).get(0).message()).contains("PRACTICE_BLOCKED: no practice run on " + VIF_A);
    }

    /** docs/behaviour.md §16: the whole run, its settling included, within the weekly windows; NOW is a Thursday. */
    @Test
    void aBlockedWindowTheRunWouldOverlapKeepsItFromStartingAndSaysWhenItCould() {
        Result r = practiceService(practising("PRACTICE_BLOCKED_WINDOWS", "thu:04:40-thu:05:00"))
                .handle(new Request.Practice(VIF_A, null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_BLOCKED);
        assertThat(r.practice().reasons()).containsExactly("the run (its test and 15 minutes of settling) would overlap "
                + "blocked window Thu:04:40-Thu:05:00 (PRACTICE_BLOCKED_WINDOWS, UTC); it could start at "
                + "2026-11-26T05:00:00Z instead");
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        assertThat(published(1).get(0).message()).contains("blocked window Thu:04:40-Thu:05:00");
    }

    @Test
    void anAllowedWindowTheRunWouldLeaveOrIsNotInKeepsItFromStarting() {
        Result leaves = practiceService(practising("PRACTICE_ALLOWED_WINDOWS", "Thu:03:00-Thu:04:44"))
                .handle(new Request.Practice(VIF_A, null), Deadline.none());
        assertThat(leaves.practice().reasons()).containsExactly("the run (its test and 15 minutes of settling) would "
                + "outlast allowed window Thu:03:00-Thu:04:44 (PRACTICE_ALLOWED_WINDOWS, UTC); it could start at "
                + "2026-12-03T03:00:00Z instead");
        Result outside = practiceService(practising("PRACTICE_ALLOWED_WINDOWS", "Tue:09:00-Tue:17:00,Sat:01:00-Sat:03:00"))
                .handle(new Request.Practice(VIF_A, null), Deadline.none());
        assertThat(outside.practice().reasons()).containsExactly("now is in no window of PRACTICE_ALLOWED_WINDOWS (UTC); "
                + "it could start at 2026-11-28T01:00:00Z instead, in allowed window Sat:01:00-Sat:03:00");
        Result inside = practiceService(practising("PRACTICE_ALLOWED_WINDOWS", "Thu:03:00-Thu:04:45"))
                .handle(new Request.Practice(VIF_A, null), Deadline.none());
        assertThat(inside.outcome()).isEqualTo(Outcome.PRACTICE_STARTED);
    }

    @Test
    void statusListsTheWindowsAndWhenTheCalendarNextAllowsARun() {
        Map<String, Object> r = practiceService(practising("PRACTICE_BLOCKED_WINDOWS", "Thu:04:00-Thu:06:00,Fri:00:00-Fri:01:00"))
                .handle(new Request.Status(), Deadline.none()).toMap();
        assertThat(r).containsEntry("practiceBlockedWindows", List.of("Thu:04:00-Thu:06:00", "Fri:00:00-Fri:01:00"))
                .containsEntry("nextPracticeStart", "2026-11-26T06:00:00Z").doesNotContainKey("practiceAllowedWindows");
        assertThat((List<?>) r.get("practiceBlockers")).singleElement().asString().contains("blocked window Thu:04:00");
        assertThat(io.github.dxfailover.Fixtures.unwrapped((String) r.get("message")))
                .contains("practice windows (UTC): blocked Thu:04:00-Thu:06:00, Fri:00:00-Fri:01:00; by the calendar a "
                        + "run could start from 2026-11-26T06:00:00Z");
    }

    @Test
    void withoutOutcomeAlarmsOrOverCapacityNoRunStarts() {
        Result none = practiceService(config(env())).handle(new Request.Practice(null, null), Deadline.none());
        assertThat(none.practice().reasons()).singleElement().asString().startsWith("no outcome alarm is configured");
        when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> GetMetricDataResponse
                .builder().metricDataResults(((GetMetricDataRequest) call.getArgument(0)).metricDataQueries().stream()
                        .map(q -> MetricDataResult.builder().id(q.id()).timestamps(NOW).values(9e9).build()).toList())
                .build());
        Result over = practiceService(practising()).handle(new Request.Practice(VIF_A, null), Deadline.none());
        assertThat(over.practice().reasons()).containsExactly("the other VIFs could not carry " + VIF_A + "'s traffic");
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(dx, never()).tagResource(any(TagResourceRequest.class));
    }

    @Test
    void underDryRunNothingStartsAndNothingIsTagged() {
        Result r = practiceService(practising("DRY_RUN", "true")).handle(new Request.Practice(VIF_A, 20), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.message()).isEqualTo("would start a 20-minute practice run on " + VIF_A + " (DRY_RUN)");
        verifyNoChange();
        verify(dx, never()).tagResource(any(TagResourceRequest.class));
        assertThat(published(1).get(0).message()).contains("would have started the practice run");
    }

    @Test
    void aRecordThatCannotBeWrittenStopsTheTestAtOnceAndFailsTheInvocation() {
        when(dx.tagResource(any(TagResourceRequest.class))).thenThrow(SdkClientException.create("connection reset"));
        FailoverService service = practiceService(practising());
        assertThatThrownBy(() -> service.handle(new Request.Practice(VIF_A, null), Deadline.none()))
                .isInstanceOf(RetryableFailure.class).hasMessageContaining("stopped at once");
        verify(dx).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(dx).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        assertThat(states.get(VIF_A)).isEqualTo("available");
        assertThat(published(1).get(0).message()).contains("its record could not be written");
    }

    @Test
    void anOutcomeAlarmEndsTheRunAsFailedWithOneNotification() {
        aRunIsOnA();
        alarmStates.put(OUTCOME, "ALARM");
        FailoverService service = practiceService(practising());
        Result r = service.handle(RequestParser.parse(Fixtures.eventBridgeAlarm(OUTCOME, "ALARM")), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_FAILED);
        assertThat(r.message()).isEqualTo("practice run on " + VIF_A + " ended after 10 min: outcome alarm '" + OUTCOME
                + "' went to ALARM; its BGP sessions come back up now");
        verify(dx).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        assertThat(tags.get(VIF_A)).doesNotContainKey("dx-failover:practice")
                .containsEntry("dx-failover:last-practice", NOW + " PRACTICE_FAILED t-run");
        assertThat(published(1).get(0).messageAttributes().get("outcome").stringValue()).isEqualTo("PRACTICE_FAILED");

        // The same alarm again, or the next pass: no run is on any more, nothing more is sent.
        Result again = service.handle(RequestParser.parse(Fixtures.eventBridgeAlarm(OUTCOME, "ALARM")), Deadline.none());
        assertThat(again.outcome()).isEqualTo(Outcome.IGNORED);
        published(1);
        verify(support, never()).createCase(any(CreateCaseRequest.class));
    }

    @Test
    void anAlarmOnAnotherVifEndsTheRunFirstThenIsDecidedWithThePractisedVifNotHealthy() {
        aCaseIsExpected = true; // the usual decision that follows is a real failover
        aRunIsOnA();
        FailoverService service = practiceService(practising());
        Result r = service.handle(alarmFor(VIF_B + " packet loss"), Deadline.none());

        verify(dx).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_INTERRUPTED);
        // A counted out: B and C healthy, MINVIFS 1 → B is taken out.
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.vifId()).isEqualTo(VIF_B);
        List<PublishRequest> sent = published(2);
        assertThat(sent).extracting(p -> p.messageAttributes().get("outcome").stringValue())
                .containsExactly("PRACTICE_INTERRUPTED", "FAILED_OVER");
    }

    @Test
    void anAlarmOnThePractisedVifIsTheRunsDoing() {
        aRunIsOnA();
        Result r = practiceService(practising()).handle(alarmFor(VIF_A + " packet loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.IGNORED);
        verifyNoChange();
        verify(sns, never()).publish(any(PublishRequest.class));
    }

    @Test
    void anEndedRunIsJudgedOnceFromTheTraffic() {
        tags.get(VIF_A).put("dx-failover:practice", "t-run");
        Instant start = NOW.minusSeconds(3600);
        history.add(completed(VIF_A, "t-run", start));
        when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> {
            GetMetricDataRequest q = call.getArgument(0);
            assertThat(q.startTime()).isEqualTo(start.minusSeconds(1800));
            assertThat(q.endTime()).isEqualTo(start.plusSeconds(1800));
            return GetMetricDataResponse.builder().metricDataResults(q.metricDataQueries().stream().map(m -> {
                String vif = m.metricStat().metric().dimensions().get(1).value();
                double before = vif.equals(VIF_A) ? 2.1e9 : 0.5e9;
                double during = vif.equals(VIF_A) ? 0 : 1.55e9;
                return MetricDataResult.builder().id(m.id()).timestamps(start.minusSeconds(600), start.plusSeconds(600))
                        .values(before, during).build();
            }).toList()).build();
        });
        FailoverService service = practiceService(practising());
        Result r = service.handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.RECONCILED);
        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_SUCCEEDED);
        assertThat(r.message()).contains("practice run on " + VIF_A + " succeeded: " + VIF_A + " carried 2.1 Gbit/s "
                + "before and 0 bit/s during; the other VIFs rose from 1.0 Gbit/s to 3.1 Gbit/s");
        assertThat(tags.get(VIF_A)).containsEntry("dx-failover:last-practice",
                start.plusSeconds(1800) + " PRACTICE_SUCCEEDED t-run").doesNotContainKey("dx-failover:practice");
        assertThat(r.practice().evidence()).containsEntry(VIF_A, new PracticeReport.Traffic(2.1e9, 0.0))
                .containsEntry(VIF_B, new PracticeReport.Traffic(0.5e9, 1.55e9)).hasSize(3);
        verify(dx, never()).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        published(1);

        service.handle(new Request.Reconcile(), Deadline.none());
        published(1); // judged once: the second pass finds no practice tag
        verify(cloudWatch, times(1)).getMetricData(any(GetMetricDataRequest.class));
    }

    @Test
    void aRestoreOfThePractisedVifIsAnInterruptionByAnOperator() {
        aRunIsOnA();
        Result r = practiceService(practising()).handle(new Request.Restore(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_INTERRUPTED);
        assertThat(r.message()).contains("ended by an operator");
        verify(dx).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        assertThat(tags.get(VIF_A)).containsEntry("dx-failover:last-practice", NOW + " PRACTICE_INTERRUPTED t-run");
        published(1);
    }

    @Test
    void aReconcilePassWithoutAPracticeTagMakesNoCallBeyondTodays() {
        practiceService(practising()).handle(new Request.Reconcile(), Deadline.none());
        verify(dx, never()).listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class));
        verify(dx, never()).tagResource(any(TagResourceRequest.class));
        verify(dx, never()).untagResource(any(UntagResourceRequest.class));
        verify(cloudWatch, never()).getMetricData(any(GetMetricDataRequest.class));
        verify(cloudWatch, times(1)).describeAlarms(any(DescribeAlarmsRequest.class));
        verify(sns, never()).publish(any(PublishRequest.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusSaysWhichVifsAreProvenAndWhatBlocksARunWithoutMakingItNotReady() {
        tags.get(VIF_A).put("dx-failover:last-practice", NOW.minusSeconds(86_400) + " PRACTICE_SUCCEEDED t-a");
        tags.get(VIF_B).put("dx-failover:last-practice", NOW.minusSeconds(40L * 86_400) + " PRACTICE_SUCCEEDED t-b");
        history.add(test(VIF_A, "t-a", NOW.minusSeconds(86_000)));
        FailoverService service = practiceService(practising("SUPPORT_CASE", "false"));

        Result well = service.handle(new Request.Status(), Deadline.none());
        assertThat(well.preflight().ready()).isTrue();
        assertThat(well.toMap()).containsEntry("notProven", List.of(VIF_B, VIF_C)) // B's success is 40 days old
                .containsEntry("practiceBlockers", List.of());
        assertThat(io.github.dxfailover.Fixtures.unwrapped(well.message())).contains("\nPractice runs: none running; ").contains("\n  " + VIF_A + " last test ")
                .contains("; PRACTICE_SUCCEEDED " + NOW.minusSeconds(86_400) + "\n")
                .contains("\n  " + VIF_C + " never tested; never practised")
                .contains("not proven (no PRACTICE_SUCCEEDED in the last 35 days): " + VIF_B + ", " + VIF_C)
                .contains("a practice run could start now (next: " + VIF_B + ")");

        alarmStates.put(OUTCOME, "ALARM");
        Result blocked = service.handle(new Request.Status(), Deadline.none());
        assertThat(blocked.preflight().ready()).isTrue();
        assertThat((List<String>) blocked.toMap().get("practiceBlockers"))
                .containsExactly("outcome alarm '" + OUTCOME + "' is ALARM, not OK");
        verifyNoChange();
        verify(dx, never()).tagResource(any(TagResourceRequest.class));
    }

    /** A test of the VIF that ran 30 minutes from {@code start} and completed. */
    private static VirtualInterfaceTestHistory completed(String vif, String testId, Instant start) {
        return VirtualInterfaceTestHistory.builder().testId(testId).virtualInterfaceId(vif).status("COMPLETED")
                .startTime(start).endTime(start.plusSeconds(1800)).build();
    }

    /** Each ListVirtualInterfaceTestHistory request made, as "VIF" or "VIF after token". */
    private List<String> historyRequests() {
        ArgumentCaptor<ListVirtualInterfaceTestHistoryRequest> list =
                ArgumentCaptor.forClass(ListVirtualInterfaceTestHistoryRequest.class);
        verify(dx, atLeastOnce()).listVirtualInterfaceTestHistory(list.capture());
        return list.getAllValues().stream()
                .map(q -> q.virtualInterfaceId() + (q.nextToken() == null ? "" : " " + q.nextToken())).toList();
    }

    @Test
    void theVifTestedLongestAgoIsFoundOnEveryPageOfItsHistory() {
        historyPageSize = 1;
        // A's first page holds a test 10 days old, its second the one of an hour ago: A was tested most recently.
        history.add(completed(VIF_A, "a-old", NOW.minusSeconds(10 * 86_400)));
        history.add(completed(VIF_A, "a-recent", NOW.minusSeconds(3600)));
        history.add(completed(VIF_B, "b", NOW.minusSeconds(5 * 86_400)));
        history.add(completed(VIF_C, "c", NOW.minusSeconds(2 * 86_400)));
        Result r = practiceService(practising()).handle(new Request.Practice(null, null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_STARTED);
        assertThat(r.vifId()).isEqualTo(VIF_B); // 5 days ago, before C (2 days) and A (1 hour)
        assertThat(historyRequests()).containsExactly(VIF_A, VIF_A + " " + PAGE_TOKEN + 1, VIF_B, VIF_C);
        ArgumentCaptor<StartBgpFailoverTestRequest> start = ArgumentCaptor.forClass(StartBgpFailoverTestRequest.class);
        verify(dx).startBgpFailoverTest(start.capture());
        assertThat(start.getValue().virtualInterfaceId()).isEqualTo(VIF_B);
        assertThat(tags.get(VIF_A)).doesNotContainKey("dx-failover:practice");
    }

    @Test
    void theRunIsTheTestItsTagNamesOnWhicheverPageOfTheHistory() {
        historyPageSize = 1;
        aRunIsOnA();
        // An older test of A, completed, comes first (the first page): not the practice run, on the second.
        history.add(0, completed(VIF_A, "t-older", NOW.minusSeconds(86_400)));
        alarmStates.put(OUTCOME, "ALARM");
        Result r = practiceService(practising()).handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_FAILED); // not judged INCONCLUSIVE
        assertThat(r.practice().testId()).isEqualTo("t-run");
        assertThat(r.message()).contains("practice run on " + VIF_A + " ended after 10 min: outcome alarm '" + OUTCOME
                + "' went to ALARM");
        assertThat(historyRequests()).containsExactly(VIF_A, VIF_A + " " + PAGE_TOKEN + 1);
        // Stopped first, then the record: never the tag removed from a test that goes on.
        InOrder order = inOrder(dx);
        order.verify(dx).stopBgpFailoverTest(StopBgpFailoverTestRequest.builder().virtualInterfaceId(VIF_A).build());
        order.verify(dx).untagResource(any(UntagResourceRequest.class));
        assertThat(states.get(VIF_A)).isEqualTo("available");
        assertThat(tags.get(VIF_A)).doesNotContainKey("dx-failover:practice")
                .containsEntry("dx-failover:last-practice", NOW + " PRACTICE_FAILED t-run");
        verify(cloudWatch, never()).getMetricData(any(GetMetricDataRequest.class)); // a running run is not judged
        assertThat(published(1).get(0).messageAttributes().get("outcome").stringValue()).isEqualTo("PRACTICE_FAILED");
    }

    @Test
    void aRecentFailedRunProvesNothingAndStatusNamesACapacityBlocker() {
        tags.get(VIF_A).put("dx-failover:last-practice", NOW.minusSeconds(3600) + " PRACTICE_FAILED t-a");
        when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> GetMetricDataResponse
                .builder().metricDataResults(((GetMetricDataRequest) call.getArgument(0)).metricDataQueries().stream()
                        .map(q -> MetricDataResult.builder().id(q.id()).timestamps(NOW).values(9e9).build()).toList())
                .build());
        Result r = practiceService(practising("SUPPORT_CASE", "false")).handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().notProven()).containsExactly(VIF_A, VIF_B, VIF_C);
        assertThat(r.preflight().practiceBlockers()).containsExactly("the other VIFs could not carry " + VIF_A
                + "'s traffic");
        verifyNoChange();
    }
}
