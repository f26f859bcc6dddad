package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.dxfailover.DxFailoverHandler;
import io.github.dxfailover.Fixtures;
import io.github.dxfailover.Telemetry;
import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.aws.SnsSubjectTest;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.result.Result;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.DirectConnectException;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestResponse;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestResponse;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;

/** The reconcile pass with mocked clients: the calls made and not made per case (docs/behaviour.md §13). */
class ReconcilePassTest extends MockedAws {
    private final Set<String> underTest = new HashSet<>();

    static MetricAlarm metricAlarm(String name, int minutesAgo) {
        return MetricAlarm.builder().alarmName(name).alarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name)
                .stateValue(StateValue.ALARM).stateReason("Threshold Crossed").actionsEnabled(true)
                .stateUpdatedTimestamp(NOW.minusSeconds(60L * minutesAgo)).build();
    }

    private void alarmsInAlarm(MetricAlarm... alarms) {
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class)))
                .thenReturn(DescribeAlarmsResponse.builder().metricAlarms(alarms).build());
    }

    /** A Direct Connect that remembers which tests were started: the next read shows those VIFs testing. */
    private void statefulDirectConnect() {
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class))).thenAnswer(call ->
                DescribeVirtualInterfacesResponse.builder().virtualInterfaces(List.of(VIF_A, VIF_B, VIF_C).stream()
                        .map(id -> underTest.contains(id) ? dxVif(id, "testing", "down") : dxVif(id, "available", "up"))
                        .toList()).build());
    }

    private FailoverService statefulService(FailoverConfig config) {
        statefulDirectConnect();
        FailoverService service = service(config);
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenAnswer(call -> {
            StartBgpFailoverTestRequest r = call.getArgument(0);
            underTest.add(r.virtualInterfaceId());
            return StartBgpFailoverTestResponse.builder().virtualInterfaceTest(test(r.virtualInterfaceId(),
                    "test-" + r.virtualInterfaceId(), NOW.plusSeconds(r.testDurationInMinutes() * 60L))).build();
        });
        return service;
    }

    private List<PublishRequest> allPublished() {
        ArgumentCaptor<PublishRequest> captor = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns, org.mockito.Mockito.atLeast(0)).publish(captor.capture());
        return captor.getAllValues();
    }

    @Test
    void startsTestsOldestFirstUntilTheMinimumAndNotifiesOnlyTheStarts() {
        alarmsInAlarm(metricAlarm(VIF_C + " loss", 5), metricAlarm(VIF_A + " loss", 30), metricAlarm(VIF_B + " loss", 10));
        Result r = statefulService(config()).handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.RECONCILED);
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::vifId, ReconcileAction::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(VIF_A, Outcome.FAILED_OVER),
                        org.assertj.core.groups.Tuple.tuple(VIF_B, Outcome.FAILED_OVER),
                        org.assertj.core.groups.Tuple.tuple(VIF_C, Outcome.MINIMUM_REACHED));
        assertThat(r.reconciled().actions().get(0).testId()).isEqualTo("test-" + VIF_A);
        assertThat(r.reconciled().actions().get(0).caseId()).isEqualTo("case-12345");
        assertThat(r.toMap()).containsKeys("actions", "skipped");

        ArgumentCaptor<DescribeAlarmsRequest> describe = ArgumentCaptor.forClass(DescribeAlarmsRequest.class);
        verify(cloudWatch).describeAlarms(describe.capture());
        assertThat(describe.getValue().stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(describe.getValue().alarmTypes()).containsExactlyInAnyOrder(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM);
        ArgumentCaptor<StartBgpFailoverTestRequest> starts = ArgumentCaptor.forClass(StartBgpFailoverTestRequest.class);
        verify(dx, times(2)).startBgpFailoverTest(starts.capture());
        assertThat(starts.getAllValues()).extracting(StartBgpFailoverTestRequest::virtualInterfaceId)
                .containsExactly(VIF_A, VIF_B);
        verify(dx, times(1)).describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class));
        verify(support, times(2)).createCase(any(CreateCaseRequest.class));

        List<PublishRequest> messages = allPublished();
        assertThat(messages).hasSize(2).allSatisfy(p -> {
            assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("FAILED_OVER");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("Found by: the reconcile pass").contains("In ALARM since");
            SnsSubjectTest.assertAcceptableSubject(p.subject());
        });
        assertThat(messages.get(0).message()).contains("Alarm: " + VIF_A + " loss").contains("(30 min)");
        // The second start's notification shows the first VIF already testing.
        assertThat(messages.get(1).message()).contains(VIF_A + "  testing, BGP down");
    }

    @Test
    void minimumHoldingEveryVifStartsNothingAndSendsNothing() {
        alarmsInAlarm(metricAlarm(VIF_A + " loss", 30));
        // Four listed, the fourth missing from Direct Connect: three healthy, MINVIFS 3.
        Map<String, String> env = envWith("MINVIFS", "3");
        env.put("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C + "," + OTHER_VIF);
        Result r = statefulService(config(env)).handle(new Request.Reconcile(), Deadline.none());
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::outcome).containsExactly(Outcome.MINIMUM_REACHED);
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    @Test
    void dryRunStartsNothingOpensNothingAndSendsNothing() {
        alarmsInAlarm(metricAlarm(VIF_A + " loss", 30), metricAlarm(VIF_B + " loss", 10));
        Result r = statefulService(config(envWith("DRY_RUN", "true"))).handle(new Request.Reconcile(), Deadline.none());
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::outcome)
                .containsExactly(Outcome.DRY_RUN, Outcome.DRY_RUN);
        assertThat(r.dryRun()).isTrue();
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    @Test
    void aFailedStartMidPassIsNotifiedAndThrowsWithTheEarlierStartStanding() {
        alarmsInAlarm(metricAlarm(VIF_A + " loss", 30), metricAlarm(VIF_B + " loss", 10));
        FailoverService service = statefulService(config());
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenAnswer(call -> {
            StartBgpFailoverTestRequest r = call.getArgument(0);
            if (r.virtualInterfaceId().equals(VIF_B)) {
                throw DirectConnectException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("DirectConnectClientException").errorMessage("Too many tests").build()).build();
            }
            underTest.add(r.virtualInterfaceId());
            return StartBgpFailoverTestResponse.builder().virtualInterfaceTest(test(r.virtualInterfaceId(), "t-a",
                    NOW.plusSeconds(3600))).build();
        });

        assertThatThrownBy(() -> service.handle(new Request.Reconcile(), Deadline.none())).isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("starting the BGP failover test on " + VIF_B);

        assertThat(underTest).containsExactly(VIF_A);
        verify(support, times(1)).createCase(any(CreateCaseRequest.class));
        assertThat(allPublished()).extracting(p -> p.messageAttributes().get("outcome").stringValue())
                .containsExactly("FAILED_OVER", "ERROR");
    }

    @Test
    void aFailedDescribeAlarmsThrowsBeforeDirectConnectIsTouched() {
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class)))
                .thenThrow(SdkClientException.create("connect timed out"));
        assertThatThrownBy(() -> service().handle(new Request.Reconcile(), Deadline.none())).isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("reading the alarms in ALARM").hasMessageContaining("nothing was changed");
        verifyNoInteractions(dx, support, sns);
    }

    @Test
    void aSecondPassRightAfterTheFirstStartsNothing() {
        alarmsInAlarm(metricAlarm(VIF_A + " loss", 30));
        FailoverService service = statefulService(config());
        service.handle(new Request.Reconcile(), Deadline.none());
        Result second = service.handle(new Request.Reconcile(), Deadline.none());

        assertThat(second.reconciled().actions()).extracting(ReconcileAction::outcome)
                .containsExactly(Outcome.ALREADY_UNAVAILABLE);
        verify(dx, times(1)).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(support, times(1)).createCase(any(CreateCaseRequest.class));
        verify(sns, times(1)).publish(any(PublishRequest.class));
    }

    @Test
    void followsNextTokenAndReadsCompositeAndMetricMathAlarms() {
        MetricAlarm mathAlarm = MetricAlarm.builder().alarmName("loss to 10.0.0.1 (expression)")
                .alarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:math").actionsEnabled(true)
                .stateUpdatedTimestamp(NOW.minusSeconds(600))
                .metrics(MetricDataQuery.builder().id("e1").expression("m1*100").build(),
                        MetricDataQuery.builder().id("m1").metricStat(MetricStat.builder().stat("Average").period(60)
                                .metric(Metric.builder().namespace("DX/Probe").metricName("Loss").dimensions(
                                        Dimension.builder().name("VirtualInterfaceId").value(VIF_C).build()).build())
                                .build()).build())
                .build();
        CompositeAlarm composite = CompositeAlarm.builder().alarmName(VIF_B + " loss AND latency")
                .alarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:composite").actionsEnabled(true)
                .stateUpdatedTimestamp(NOW.minusSeconds(1200)).alarmRule("ALARM(a) AND ALARM(b)").build();
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenAnswer(call -> {
            DescribeAlarmsRequest req = call.getArgument(0);
            return req.nextToken() == null
                    ? DescribeAlarmsResponse.builder().metricAlarms(mathAlarm).nextToken("page-2").build()
                    : DescribeAlarmsResponse.builder().compositeAlarms(composite).build();
        });
        Result r = statefulService(config(envWith("MINVIFS", "1"))).handle(new Request.Reconcile(), Deadline.none());

        verify(cloudWatch, times(2)).describeAlarms(any(DescribeAlarmsRequest.class));
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::vifId, ReconcileAction::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(VIF_B, Outcome.FAILED_OVER),
                        org.assertj.core.groups.Tuple.tuple(VIF_C, Outcome.FAILED_OVER));
    }

    @Test
    void mutedAndUnlistedAlarmsAreCountedNotActedOn() {
        alarmsInAlarm(metricAlarm(VIF_A + " loss", 30).toBuilder().actionsEnabled(false).build(),
                metricAlarm(OTHER_VIF + " loss", 30));
        Result r = statefulService(config()).handle(new Request.Reconcile(), Deadline.none());
        assertThat(r.reconciled().actions()).isEmpty();
        assertThat(r.toMap().get("skipped")).isEqualTo(Map.of("muted", 1, "unlisted", 1, "namingNoVif", 0, "settling", 0));
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    @Test
    void statusListsEachVifsAlarmsInAlarm() {
        alarmsInAlarm(metricAlarm(VIF_A + " loss", 30), metricAlarm(VIF_A + " latency", 5).toBuilder()
                .actionsEnabled(false).build());
        // Without the capacity guard, whose figures each line would show too.
        Result r = statefulService(config(envWith("MAX_UTILIZATION", "0"))).handle(new Request.Status(), Deadline.none());
        assertThat(r.message()).contains("\n  " + VIF_A + " available, healthy; BGP peer 1 up\n      alarms in ALARM: "
                + VIF_A + " loss, " + VIF_A + " latency (actions disabled)\n  " + VIF_B + " available, healthy; BGP peer 1 up\n");
        verifyNoChange();
    }

    @Test
    void restoreNotificationSaysReconcileWouldUndoItAndHowToKeepTheVif() {
        underTest.add(VIF_A);
        FailoverService service = statefulService(config());
        when(dx.stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class))).thenReturn(StopBgpFailoverTestResponse
                .builder().virtualInterfaceTest(test(VIF_A, "test-1", NOW)).build());
        service.handle(new Request.Restore(VIF_A), Deadline.none());
        PublishRequest p = published();
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("the next reconcile pass takes " + VIF_A + " out of service again")
                .contains("aws cloudwatch disable-alarm-actions --alarm-names");
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
    }

    @Test
    void theTimeKeptForOneStartIsItsThreeCallsAtTheirTimeoutAndAMargin() {
        assertThat(Apply.BUDGET).isEqualTo(AwsClients.CALL_TIMEOUT.multipliedBy(3).plusSeconds(5));
    }

    @Test
    void aPassDoesNotStartATestItCouldNotFinishBeforeTheFunctionTimesOut() {
        alarmsInAlarm(metricAlarm(VIF_A + " loss", 30));
        FailoverService service = statefulService(config());
        // 20 s left: less than Start + CreateCase + Publish could take at their timeouts.
        Result r = service.handle(new Request.Reconcile(), new Deadline(NOW.plusSeconds(20)));
        assertThat(r.reconciled().actions()).isEmpty();
        assertThat(r.message()).contains("1 left for the next pass");
        verifyNoChange();
        verifyNoInteractions(sns);

        Result inTime = service.handle(new Request.Reconcile(), new Deadline(NOW.plusSeconds(55)));
        assertThat(inTime.reconciled().actions()).extracting(ReconcileAction::outcome).containsExactly(Outcome.FAILED_OVER);
    }

    @Test
    void theStartsOfAPassThatThenFailsStillCountAsFailedOverInTheMetrics() {
        alarmsInAlarm(metricAlarm(VIF_A + " loss", 30), metricAlarm(VIF_B + " loss", 10));
        statefulService(config());
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenAnswer(call -> {
            StartBgpFailoverTestRequest r = call.getArgument(0);
            if (r.virtualInterfaceId().equals(VIF_B)) {
                throw SdkClientException.create("connect timed out");
            }
            underTest.add(r.virtualInterfaceId());
            return StartBgpFailoverTestResponse.builder().virtualInterfaceTest(test(r.virtualInterfaceId(), "t-a",
                    NOW.plusSeconds(3600))).build();
        });
        java.io.ByteArrayOutputStream metrics = new java.io.ByteArrayOutputStream();
        DxFailoverHandler handler = new DxFailoverHandler(Fixtures.env(), new AwsClients(dx, sns, support, cloudWatch, Fixtures.noEvents()),
                clock, new Telemetry(new java.io.PrintStream(metrics, true), clock));

        assertThatThrownBy(() -> handler.handle(Map.of("action", "reconcile"), null))
                .isInstanceOf(RetryableFailure.class);

        assertThat(metrics.toString()).contains("\"ERROR\":1").contains("\"FAILED_OVER\":1");
    }

    @Test
    void aUtilizationAlarmOnAwsDxChangesNothingAndSendsNothing() {
        // As AWS's Direct Connect monitoring guidance suggests: VirtualInterfaceBpsEgress with both dimensions.
        MetricAlarm utilization = metricAlarm("DX link 1 utilization high", 30).toBuilder()
                .namespace("AWS/DX").metricName("VirtualInterfaceBpsEgress")
                .dimensions(Dimension.builder().name("ConnectionId").value("dxcon-ffff0000").build(),
                        Dimension.builder().name("VirtualInterfaceId").value(VIF_A).build()).build();
        MetricAlarm inMetricMath = metricAlarm("DX link 2 load", 20).toBuilder()
                .metrics(MetricDataQuery.builder().id("e1").expression("(m1+m2)/1e9").build(),
                        awsDxQuery("m1", "VirtualInterfaceBpsEgress", VIF_B),
                        awsDxQuery("m2", "VirtualInterfaceBpsIngress", VIF_B)).build();
        alarmsInAlarm(utilization, inMetricMath);
        Result r = statefulService(config()).handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.reconciled().actions()).isEmpty();
        assertThat(r.toMap().get("skipped")).isEqualTo(Map.of("muted", 0, "unlisted", 0, "namingNoVif", 2, "settling", 0));
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    private static MetricDataQuery awsDxQuery(String id, String metric, String vifId) {
        return MetricDataQuery.builder().id(id).metricStat(MetricStat.builder().stat("Average").period(300)
                .metric(Metric.builder().namespace("AWS/DX").metricName(metric).dimensions(
                        Dimension.builder().name("ConnectionId").value("dxcon-ffff0000").build(),
                        Dimension.builder().name("VirtualInterfaceId").value(vifId).build()).build())
                .build()).build();
    }
}
