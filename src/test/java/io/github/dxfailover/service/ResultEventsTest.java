package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.EventBus;
import io.github.dxfailover.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Events of docs/behaviour.md §20 on in-memory ports: one per notified invocation, after its message, with the result
 * and the deployment's name as the detail and the managed VIFs' ARNs; none for what is not notified; a failed put
 * changes nothing but the result's errors.
 */
@SuppressWarnings("unchecked")
class ResultEventsTest {
    private static final String ACCOUNT = "123456789012";
    private final InMemoryAws aws = new InMemoryAws();

    private static FailoverConfig config(String... overrides) {
        Map<String, String> env = Fixtures.env();
        env.put("EVENT_BUS", "dx-events");
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return Fixtures.config(env);
    }

    private static String arn(String vif) {
        return "arn:aws:directconnect:eu-west-1:" + ACCOUNT + ":dxvif/" + vif;
    }

    private Map<String, Object> detail(int i) {
        return Fixtures.read(aws.events.get(i).getKey());
    }

    @Test
    void aFailoverPutsOneEventAfterItsMessageWithTheResultAndTheVifsArn() {
        aws.healthy(VIF_A, VIF_B, VIF_C);

        Result r = aws.service(config()).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                "dx-failover-core", Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.errors()).isEmpty();
        assertThat(aws.calls("Publish", "PutEvents", "CreateCase", "StartBgpFailoverTest"))
                .containsExactly("StartBgpFailoverTest " + VIF_A, "CreateCase", "Publish " + VIF_A, "PutEvents");
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue()).containsExactly(arn(VIF_A)));
        Map<String, Object> detail = detail(0);
        Map<String, Object> expected = new java.util.LinkedHashMap<>(Fixtures.read(r.toJson()));
        expected.put("deployment", "dx-failover-core");
        assertThat(detail).isEqualTo(expected);
        assertThat(detail).containsEntry("outcome", "FAILED_OVER").containsEntry("virtualInterfaceId", VIF_A)
                .containsEntry("testId", r.testId()).containsEntry("caseId", r.caseId()).containsEntry("dryRun", false)
                .containsKey("vifs");
    }

    @Test
    void noEventForIgnoredStatusAQuietPassOrACommandRejectedForItsOwnValues() {
        aws.healthy(VIF_A, VIF_B, VIF_C);
        FailoverService service = aws.service(config());

        assertThat(service.handle(new Request.Evaluate(alarm(VIF_A + " loss", "OK"), null), Deadline.none()).outcome())
                .isEqualTo(Outcome.IGNORED);
        assertThat(service.handle(new Request.Status(), Deadline.none()).outcome()).isEqualTo(Outcome.STATUS);
        assertThat(service.handle(new Request.Reconcile(), Deadline.none()).outcome()).isEqualTo(Outcome.RECONCILED);
        assertThat(service.handle(new Request.Invalid("unknown action 'failovr'", false, false), Deadline.none())
                .outcome()).isEqualTo(Outcome.REJECTED);

        assertThat(aws.published).isEmpty();
        assertThat(aws.calls("PutEvents")).isEmpty();
    }

    @Test
    void aVifNotManagedIsNeverNamedInResourcesAndAnAlarmNamingNoVifHasNone() {
        aws.healthy(VIF_A, VIF_B, VIF_C, OTHER_VIF);
        FailoverService service = aws.service(config());

        Result notManaged = service.handle(new Request.Evaluate(alarm(OTHER_VIF + " loss", "ALARM"), null),
                Deadline.none());
        Result noVif = service.handle(new Request.Invalid("alarm 'loss' names no VIF", true, false), Deadline.none());

        assertThat(notManaged.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(noVif.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(aws.events).hasSize(2).allSatisfy(e -> assertThat(e.getValue()).isEmpty());
        assertThat(detail(0)).containsEntry("outcome", "NOT_MANAGED").containsEntry("virtualInterfaceId", OTHER_VIF);
        assertThat(detail(1)).containsEntry("outcome", "REJECTED").containsEntry("deployment",
                FailoverService.DEFAULT_NAME);
    }

    @Test
    void aReconcilePassThatActsNamesTheVifsItActedOn() {
        aws.healthy(VIF_A, VIF_B, VIF_C).alarmInAlarm(VIF_B + " loss", 5);

        Result r = aws.service(config()).handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.reconciled().actions()).singleElement().extracting(a -> a.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue()).containsExactly(arn(VIF_B)));
        assertThat(detail(0)).containsKey("actions").containsEntry("outcome", r.outcome().name());
    }

    @Test
    void aFailedPutLeavesTheFailoverDoneAndSaysSoInErrors() {
        aws.healthy(VIF_A, VIF_B, VIF_C).failing(Call.PUT_EVENTS);

        Result r = aws.service(config()).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.testId()).isNotNull();
        assertThat(aws.calls("StartBgpFailoverTest", "Publish", "PutEvents")).containsExactly(
                "StartBgpFailoverTest " + VIF_A, "Publish " + VIF_A, "PutEvents");
        assertThat(r.errors()).singleElement().asString().startsWith("event not put on the EventBridge bus (PutEvents: ")
                .endsWith("); the outcome stands");
    }

    @Test
    void withoutEventBusNoEventIsPut() {
        aws.healthy(VIF_A, VIF_B, VIF_C);
        Map<String, String> env = Fixtures.env();
        Result r = aws.service(Fixtures.config(env)).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(aws.calls("PutEvents")).isEmpty();
    }

    /** A detail over EventBridge's 256 KB entry limit leaves out 'vifs' and says so (§20). */
    @Test
    void aDetailOverTheLimitLeavesOutTheVifsAndSaysSo() {
        List<Map.Entry<String, List<String>>> put = new ArrayList<>();
        EventBus bus = (detail, resources) -> put.add(Map.entry(detail, resources));
        List<String> ids = IntStream.range(0, 4000).mapToObj(i -> String.format("dxvif-%08d", i)).toList();
        FailoverConfig group = config("VIFLIST", String.join(",", ids));
        VifStates many = VifStates.select(group.managed(), ids.stream().map(id -> new VifState(id, "available",
                List.of(new io.github.dxfailover.decision.BgpPeer("ipv4", "169.254.0.1", 65000L, "up")), null,
                Map.of(), ACCOUNT)).toList());
        Result big = Result.of(Outcome.MINIMUM_REACHED, ids.get(0), "minimum", many);
        assertThat(big.toJson().length()).isGreaterThan(Announcer.MAX_ENTRY_BYTES);

        Result r = new Announcer(bus, aws).announce(big, "dx");

        assertThat(put).singleElement().satisfies(e -> {
            Map<String, Object> detail = Fixtures.read(e.getKey());
            assertThat(detail).doesNotContainKeys("vifs", "vifsRead").containsEntry("outcome", "MINIMUM_REACHED");
            assertThat((List<?>) detail.get("errors")).singleElement().asString()
                    .startsWith("the EventBridge event leaves out 'vifs': with them it was ");
            assertThat(Announcer.entryBytes(e.getKey(), e.getValue())).isLessThanOrEqualTo(Announcer.MAX_ENTRY_BYTES);
        });
        assertThat(r.errors()).singleElement().asString().endsWith("over the 262144 an entry may hold");
        assertThat(r.vifs().byId()).hasSize(4000);
    }

    /** An alarm on a practice run's VIF while it settles is IGNORED, but the invocation judged the run and told it. */
    @Test
    void anIgnoredAlarmWhoseInvocationJudgedAPracticeRunIsAnnouncedWithTheRun() {
        aws.healthy(VIF_A, VIF_B, VIF_C).tagged(VIF_A, io.github.dxfailover.decision.PracticeRecord.RUNNING, "t-p");
        aws.history.computeIfAbsent(VIF_A, v -> new ArrayList<>()).add(new io.github.dxfailover.decision
                .TestHistoryEntry("t-p", "COMPLETED", InMemoryAws.NOW.minusSeconds(40 * 60),
                InMemoryAws.NOW.minusSeconds(10 * 60)));

        Result r = aws.service(config("PRACTICE_OUTCOME_ALARMS", "apps-5xx"))
                .handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(n.outcome())
                .isEqualTo(Outcome.PRACTICE_INCONCLUSIVE));
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue()).containsExactly(arn(VIF_A)));
        assertThat(detail(0)).containsEntry("outcome", "IGNORED");
        assertThat((Map<String, Object>) detail(0).get("practice")).containsEntry("outcome", "PRACTICE_INCONCLUSIVE")
                .containsEntry("testId", "t-p");
    }

    /** A start that fails is told, then the invocation throws for Lambda's retry (§8): its event says ERROR first. */
    @Test
    void anInvocationThatToldAFailedStartAndThrowsStillPutsItsEvent() {
        aws.healthy(VIF_A, VIF_B, VIF_C).failing(Call.START_BGP_FAILOVER_TEST);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> aws.service(config()).handle(
                new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null), Deadline.none()))
                .isInstanceOf(RetryableFailure.class);

        assertThat(aws.calls("Publish", "PutEvents")).containsExactly("Publish " + VIF_A, "PutEvents");
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue()).containsExactly(arn(VIF_A)));
        assertThat(detail(0)).containsEntry("outcome", "ERROR").containsEntry("virtualInterfaceId", VIF_A)
                .containsKey("vifs");
        assertThat((String) detail(0).get("message")).isEqualTo("starting the BGP failover test on " + VIF_A
                + " failed: InternalError: injected");
    }

    /** A pass that only tells a window an earlier invocation recorded but could not tell (§8) says so in its event. */
    @Test
    void aPassThatTellsAnUntoldWindowCarriesItInItsEvent() {
        java.time.Instant start = InMemoryAws.NOW.plus(java.time.Duration.ofHours(20));
        aws.healthy(VIF_A, VIF_B, VIF_C).tagged(VIF_A, io.github.dxfailover.decision.MaintenanceWindow.TAG,
                start + "/" + start.plus(java.time.Duration.ofHours(2)) + " down " + VIF_A + " evt-0 untold");

        Result r = aws.service(config("MAX_UTILIZATION", "0")).handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.RECONCILED);
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(n.outcome())
                .isEqualTo(Outcome.MAINTENANCE_NOTED));
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue()).containsExactly(arn(VIF_A)));
        assertThat((Map<String, Object>) detail(0).get("maintenance")).containsEntry("eventId", "evt-0");
    }

    /** DRY_RUN's practice run is notified with what it would have done: announced as such (§16, §20). */
    @Test
    void aDryRunPracticeRunIsAnnounced() {
        aws.healthy(VIF_A, VIF_B, VIF_C);
        aws.alarmStates.put("apps-5xx", "OK");

        Result r = aws.service(config("DRY_RUN", "true", "PRACTICE_OUTCOME_ALARMS", "apps-5xx", "MAX_UTILIZATION", "0"))
                .handle(new Request.Practice(null, null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(aws.calls("StartBgpFailoverTest", "TagResource")).isEmpty();
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue()).containsExactly(arn(VIF_A)));
        assertThat(detail(0)).containsEntry("outcome", "DRY_RUN").containsEntry("dryRun", true);
    }

    /** Another group's VIF is NOT_MANAGED and silent (§18): no message, no event; an alarm naming no VIF has one. */
    @Test
    void anotherGroupsVifPutsNoEventAndAnAlarmNamingNoVifPutsOneWithoutResources() {
        aws.healthy(VIF_A, VIF_B, VIF_C, OTHER_VIF);
        for (String vif : List.of(VIF_A, VIF_B, VIF_C)) {
            aws.tagged(vif, "dx-failover:group", "core");
        }
        aws.tagged(OTHER_VIF, "dx-failover:group", "edge");
        Map<String, String> env = Fixtures.env();
        env.remove("VIFLIST");
        env.put("VIFGROUP", "core");
        env.put("EVENT_BUS", "dx-events");
        FailoverService service = aws.service(Fixtures.config(env));

        Result other = service.handle(new Request.Evaluate(alarm(OTHER_VIF + " loss", "ALARM"), null), Deadline.none());
        Result noVif = service.handle(io.github.dxfailover.input.RequestParser.parse(
                Fixtures.eventBridgeAlarm("packet loss to the data centre", "ALARM")), Deadline.none());

        assertThat(other.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(noVif.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(n.outcome()).isEqualTo(Outcome.REJECTED));
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue()).isEmpty());
        assertThat(detail(0)).containsEntry("outcome", "REJECTED");
    }

    /** §8 with §20: a start needs time left for its case, its message and now its event too. */
    @Test
    void aStartKeepsTimeForItsEvent() {
        aws.healthy(VIF_A, VIF_B, VIF_C).alarmInAlarm(VIF_B + " loss", 5);
        Deadline fortySeconds = Deadline.in(40_000, aws.clock);

        Result withEvents = aws.service(config()).handle(new Request.Reconcile(), fortySeconds);
        assertThat(aws.calls("StartBgpFailoverTest")).as("40 s < Start, CreateCase, Publish, PutEvents").isEmpty();
        assertThat(withEvents.message()).contains("1 left for the next pass (the function's time ran short)");

        Result without = aws.service(Fixtures.config(Fixtures.env())).handle(new Request.Reconcile(), fortySeconds);
        assertThat(without.reconciled().actions()).singleElement().extracting(a -> a.outcome())
                .isEqualTo(Outcome.FAILED_OVER);
        assertThat(Apply.BUDGET_WITH_EVENT).isEqualTo(Apply.BUDGET.plus(io.github.dxfailover.aws.AwsClients.CALL_TIMEOUT));
    }

    /** A detail too large even without 'vifs' is not put; the result says why and the outcome stands. */
    @Test
    void aDetailTooLargeEvenWithoutTheVifsIsNotPut() {
        List<Map.Entry<String, List<String>>> put = new ArrayList<>();
        EventBus bus = (detail, resources) -> put.add(Map.entry(detail, resources));
        Map<String, io.github.dxfailover.result.PracticeReport.Traffic> evidence = new java.util.LinkedHashMap<>();
        IntStream.range(0, 6000).forEach(i -> evidence.put(String.format("dxvif-%08d", i),
                new io.github.dxfailover.result.PracticeReport.Traffic(1e9, 0.0)));
        Result big = Result.of(Outcome.PRACTICE_SUCCEEDED, VIF_A, "succeeded", VifStates.notRead())
                .withPractice(new io.github.dxfailover.result.PracticeReport(VIF_A, "t-1", Outcome.PRACTICE_SUCCEEDED,
                        null, InMemoryAws.NOW, List.of(), evidence));

        Result r = new Announcer(bus, aws).announce(big, "dx");

        assertThat(put).isEmpty();
        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_SUCCEEDED);
        assertThat(r.errors()).hasSize(2).last().asString().startsWith("event not put on the EventBridge bus: it is ")
                .endsWith(" bytes even without 'vifs', over the 262144 an entry may hold");
    }

    /** EventBridge counts an entry's source, detail type, detail and resources in UTF-8; 262,144 bytes fit, one more not. */
    @Test
    void anEntryIsMeasuredAsEventBridgeMeasuresIt() {
        assertThat(Announcer.entryBytes("{\"m\":\"é\"}", List.of("abc", "de")))
                .isEqualTo("dx-failover".length() + "DX Failover Result".length() + 10 + 3 + 2);
        String filler = "x".repeat(Announcer.MAX_ENTRY_BYTES - 11 - 18 - 3);
        assertThat(Announcer.fits(filler, List.of("abc"))).isTrue();
        assertThat(Announcer.fits(filler + "x", List.of("abc"))).isFalse();
    }

    /** A listed VIF Direct Connect did not return has no owner account to name: decided about, but no resource. */
    @Test
    void aVifDirectConnectDidNotReturnIsNotNamedInResources() {
        aws.healthy(VIF_B, VIF_C);

        Result r = aws.service(config()).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.ALREADY_UNAVAILABLE);
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue()).isEmpty());
    }

    /** An alarm that gave a VIF back first names both: the alarmed VIF and the one given back (§19, §20). */
    @Test
    void anAlarmThatGaveAVifBackNamesItToo() {
        aws.underTest(VIF_A, "test-a", 30, 150).down(VIF_B).healthy(VIF_C);

        Result r = aws.service(config("MINVIFS", "2")).handle(
                new Request.Evaluate(alarm(VIF_C + " loss", "ALARM"), null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(aws.events).singleElement().satisfies(e -> assertThat(e.getValue())
                .containsExactly(arn(VIF_C), arn(VIF_A)));
        assertThat(detail(0)).containsKey("givenBack");
    }

    /** A failure before anything was told (no time left to start, §8) puts no event: nothing was notified. */
    @Test
    void aFailureThatToldNothingPutsNoEvent() {
        aws.healthy(VIF_A, VIF_B, VIF_C);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> aws.service(config()).handle(
                new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null), Deadline.in(1_000, aws.clock)))
                .isInstanceOf(RetryableFailure.class);

        assertThat(aws.published).isEmpty();
        assertThat(aws.calls("StartBgpFailoverTest", "PutEvents")).isEmpty();
    }
}
