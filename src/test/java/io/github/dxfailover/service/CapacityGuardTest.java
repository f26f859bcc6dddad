package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.directconnect.model.Connection;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsResponse;
import software.amazon.awssdk.services.directconnect.model.DescribeLagsRequest;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The capacity guard of docs/behaviour.md §15 with mocked clients: which calls each outcome makes, and what it says. */
class CapacityGuardTest extends MockedAws {

    /** A 10 Gbit/s primary (A) carrying 3 Gbit/s, and B on a 1 Gbit/s backup; C is down. */
    private void primaryAndBackup() {
        directConnectReturns(dxVif(VIF_A, "available", "up"), dxVif(VIF_B, "available", "up"),
                dxVif(VIF_C, "down", "down"));
        when(dx.describeConnections(any(DescribeConnectionsRequest.class))).thenReturn(DescribeConnectionsResponse
                .builder().connections(connection(VIF_A, "10Gbps"), connection(VIF_B, "1Gbps")).build());
        loads(Map.of(VIF_A, 3e9, VIF_B, 0.0));
    }

    private static Connection connection(String vif, String bandwidth) {
        return Connection.builder().connectionId(io.github.dxfailover.Fixtures.connectionOf(vif)).bandwidth(bandwidth)
                .connectionState("available").build();
    }

    private void loads(Map<String, Double> byVif) {
        when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> {
            GetMetricDataRequest r = call.getArgument(0);
            return GetMetricDataResponse.builder().metricDataResults(r.metricDataQueries().stream()
                    .filter(q -> byVif.containsKey(vifOf(q)))
                    .map(q -> MetricDataResult.builder().id(q.id()).timestamps(NOW.minusSeconds(600))
                            .values(byVif.get(vifOf(q))).build()).toList())
                    .build();
        });
    }

    private static String vifOf(MetricDataQuery q) {
        return q.metricStat().metric().dimensions().stream().filter(d -> d.name().equals("VirtualInterfaceId"))
                .findFirst().orElseThrow().value();
    }

    private void verifyNoCapacityReads() {
        verify(dx, never()).describeConnections(any(DescribeConnectionsRequest.class));
        verify(dx, never()).describeLags(any(DescribeLagsRequest.class));
        verify(cloudWatch, never()).getMetricData(any(GetMetricDataRequest.class));
    }

    @Test
    void aVifTheOthersCannotCarryStaysInServiceAndTheNotificationGivesTheFigures() {
        primaryAndBackup();
        Result r = service().handle(alarmFor(VIF_A + " packet loss"), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.CAPACITY_REACHED);
        assertThat(r.message()).isEqualTo("2 healthy VIF(s), MINVIFS is 1: taking " + VIF_A + " out would leave the "
                + "other VIFs 3.0 Gbit/s on 1.0 Gbit/s: 300 % (MAX_UTILIZATION 80 %), more than they can carry");
        assertThat(r.toMap().get("capacity")).isEqualTo(Map.of("limitPercent", 80, "projectedPercent", 300.0,
                "loadBps", 3_000_000_000L, "remainingCapacityBps", 1_000_000_000L));
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("CAPACITY_REACHED");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("Nothing was changed: " + VIF_A + " stays in service because the other VIFs "
                + "could not carry its traffic (3.0 Gbit/s on 1.0 Gbit/s: 300 % (MAX_UTILIZATION 80 %))");
        // The three reads, once each: DescribeConnections, DescribeLags, one GetMetricData for both healthy VIFs.
        verify(dx, times(1)).describeConnections(any(DescribeConnectionsRequest.class));
        verify(dx, times(1)).describeLags(any(DescribeLagsRequest.class));
        ArgumentCaptor<GetMetricDataRequest> metrics = ArgumentCaptor.forClass(GetMetricDataRequest.class);
        verify(cloudWatch, times(1)).getMetricData(metrics.capture());
        GetMetricDataRequest q = metrics.getValue();
        assertThat(q.metricDataQueries()).hasSize(4).allSatisfy(m -> {
            assertThat(m.metricStat().metric().namespace()).isEqualTo("AWS/DX");
            assertThat(m.metricStat().metric().metricName()).isIn("VirtualInterfaceBpsEgress", "VirtualInterfaceBpsIngress");
            assertThat(m.metricStat().metric().dimensions()).extracting(d -> d.name())
                    .containsExactly("ConnectionId", "VirtualInterfaceId");
            assertThat(m.metricStat().stat()).isEqualTo("Average");
            assertThat(m.metricStat().period()).isEqualTo(300);
        });
        assertThat(java.time.Duration.between(q.startTime(), q.endTime())).hasMinutes(30);
        assertThat(q.endTime()).isEqualTo(NOW);
    }

    @Test
    void theBackupOutIsCarriedByThePrimary() {
        primaryAndBackup();
        Result r = service().handle(alarmFor(VIF_B + " packet loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.message()).endsWith("; the other VIFs would carry 3.0 Gbit/s on 10.0 Gbit/s: 30.0 % "
                + "(MAX_UTILIZATION 80 %)");
        assertThat(r.toMap().get("capacity")).isEqualTo(Map.of("limitPercent", 80, "projectedPercent", 30.0,
                "loadBps", 3_000_000_000L, "remainingCapacityBps", 10_000_000_000L));
        verify(dx).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
    }

    @Test
    void outcomesBeforeTheCapacityStepReadNothingForIt() {
        primaryAndBackup();
        service().handle(new Request.Evaluate(alarm(VIF_A + " loss", "OK"), null), Deadline.none());            // IGNORED
        service().handle(alarmFor(OTHER_VIF + " loss"), Deadline.none());                                        // NOT_MANAGED
        service().handle(alarmFor(VIF_C + " loss"), Deadline.none());                                            // ALREADY_UNAVAILABLE
        Result minimum = service(config(envWith("MINVIFS", "2"))).handle(alarmFor(VIF_A + " loss"), Deadline.none());
        assertThat(minimum.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(minimum.toMap()).doesNotContainKey("capacity");
        verifyNoCapacityReads();
    }

    @Test
    void withMaxUtilizationZeroThereIsNoCapacityStep() {
        primaryAndBackup();
        Result r = service(config(envWith("MAX_UTILIZATION", "0"))).handle(alarmFor(VIF_A + " packet loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.toMap()).doesNotContainKey("capacity");
        verifyNoCapacityReads();
    }

    @Test
    void aFailedTrafficReadFailsTheInvocationBeforeAnyStart() {
        primaryAndBackup();
        when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenThrow(SdkClientException.create("timeout"));
        assertThatThrownBy(() -> service().handle(alarmFor(VIF_B + " packet loss"), Deadline.none()))
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("reading the VIFs' traffic from CloudWatch failed (nothing was changed): timeout");
        verifyNoChange();
        verify(sns, never()).publish(any(PublishRequest.class));
    }

    @Test
    void anUnknownCapacityDoesNotBlockAndSaysWhy() {
        primaryAndBackup();
        loads(Map.of(VIF_A, 3e9)); // no datapoint for B
        Result r = service().handle(alarmFor(VIF_A + " packet loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        String why = "no traffic datapoints for " + VIF_B + " in the last 30 minutes (AWS/DX "
                + "VirtualInterfaceBpsEgress/Ingress)";
        assertThat(r.message()).endsWith("; capacity not checked: " + why);
        assertThat(r.toMap().get("capacity")).isEqualTo(Map.of("limitPercent", 80, "unknown", why));
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published().message())).contains("capacity not checked: " + why);
    }

    @Test
    void reconcileReadsOnceHoldsWhatTheOthersCannotCarryAndSaysNothingOfIt() {
        // Three 10 Gbit/s VIFs at 4 Gbit/s each: the second start would leave 12 Gbit/s on 10 Gbit/s.
        directConnectReturns(dxVif(VIF_A, "available", "up"), dxVif(VIF_B, "available", "up"),
                dxVif(VIF_C, "available", "up"));
        loads(Map.of(VIF_A, 4e9, VIF_B, 4e9, VIF_C, 4e9));
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenReturn(DescribeAlarmsResponse.builder()
                .metricAlarms(firing(VIF_A + " loss", 20), firing(VIF_B + " loss", 10)).build());
        Result r = service().handle(new Request.Reconcile(), Deadline.none());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) r.toMap().get("actions");
        assertThat(actions).extracting(a -> a.get("outcome")).containsExactly("FAILED_OVER", "CAPACITY_REACHED");
        assertThat(actions.get(1).get("capacity")).isEqualTo(Map.of("limitPercent", 80, "projectedPercent", 120.0,
                "loadBps", 12_000_000_000L, "remainingCapacityBps", 10_000_000_000L));
        assertThat(r.message()).contains("0 held in service by the minimum, 1 by the capacity");
        verify(dx, times(1)).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(cloudWatch, times(1)).getMetricData(any(GetMetricDataRequest.class));
        verify(dx, times(1)).describeConnections(any(DescribeConnectionsRequest.class));
        verify(sns, times(1)).publish(any(PublishRequest.class)); // the start only: CAPACITY_REACHED is silent
    }

    @Test
    void statusShowsWhatEachVifsRemovalWouldLeaveAndAnUnknownCapacityIsAReason() {
        primaryAndBackup();
        when(sns.getTopicAttributes(any(software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest.class)))
                .thenReturn(software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse.builder().build());
        Result r = service(config(envWith("SUPPORT_CASE", "false"))).handle(new Request.Status(), Deadline.none());
        // Read with the line breaks of the phone-sized message as spaces.
        assertThat(r.message().replaceAll("\\s+", " ")).contains(VIF_A + " available, healthy; BGP peer 1 up taken out, "
                + "the rest would carry 3.0 Gbit/s on 1.0 Gbit/s: 300 % (MAX_UTILIZATION 80 %), over the limit: the "
                + "capacity guard would keep it in service")
                .contains(VIF_B + " available, healthy; BGP peer 1 up taken out, the rest would carry "
                        + "3.0 Gbit/s on 10.0 Gbit/s: 30.0 % (MAX_UTILIZATION 80 %)");
        assertThat(r.preflight().reasons()).singleElement().asString().startsWith(VIF_C + " carries no traffic");

        loads(Map.of(VIF_A, 3e9));
        Result unknown = service(config(envWith("SUPPORT_CASE", "false"))).handle(new Request.Status(), Deadline.none());
        assertThat(unknown.preflight().reasons()).contains("capacity unknown (no traffic datapoints for " + VIF_B
                + " in the last 30 minutes (AWS/DX VirtualInterfaceBpsEgress/Ingress)): the capacity guard could not "
                + "work; fix the missing figure or set MAX_UTILIZATION=0");
        verifyNoChange();
    }

    private static MetricAlarm firing(String name, int minutesAgo) {
        return MetricAlarm.builder().alarmName(name).alarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name)
                .stateValue(StateValue.ALARM).actionsEnabled(true)
                .stateUpdatedTimestamp(NOW.minusSeconds(60L * minutesAgo)).build();
    }
}
