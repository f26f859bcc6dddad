package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.TOPIC;
import static io.github.dxfailover.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.result.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.Tag;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;

/**
 * The calls a large region costs (docs/behaviour.md §18), with mocked SDK clients that page as AWS does: the VIFs in
 * one pass of DescribeVirtualInterfaces, 100 a page; the traffic in GetMetricData calls of at most 500 queries, with
 * VIFGROUP and with VIFLIST alike.
 */
class ScaleTest extends MockedAws {
    private static final int REGION = 300;
    private static final List<String> VIFS = IntStream.range(0, REGION).mapToObj(i -> "dxvif-sc%06d".formatted(i))
            .toList();
    private final List<DescribeVirtualInterfacesRequest> describes = new ArrayList<>();
    private final List<GetMetricDataRequest> metricReads = new ArrayList<>();

    /** The region's VIFs, every one healthy on its own 10 Gbit/s connection; the first {@code tagged} in group core. */
    private void region(int tagged) {
        List<VirtualInterface> all = new ArrayList<>();
        for (int i = 0; i < REGION; i++) {
            VirtualInterface.Builder v = dxVif(VIFS.get(i), "available", "up").toBuilder().ownerAccount("123456789012");
            if (i < tagged) {
                v.tags(Tag.builder().key(ManagedVifs.GROUP_TAG).value("core").build());
            }
            all.add(v.build());
        }
        // AWS's paging: maxResults items (at most 100) from the token on, and a token while more remain.
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class))).thenAnswer(call -> {
            DescribeVirtualInterfacesRequest r = call.getArgument(0);
            describes.add(r);
            int from = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
            int to = Math.min(from + Math.min(r.maxResults() == null ? REGION : r.maxResults(), 100), REGION);
            return DescribeVirtualInterfacesResponse.builder().virtualInterfaces(all.subList(from, to))
                    .nextToken(to < REGION ? String.valueOf(to) : null).build();
        });
        Fixtures.withConnections(dx, VIFS.toArray(String[]::new));
        // Every VIF asked for carries 1 Gbit/s; each call is kept.
        when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> {
            GetMetricDataRequest r = call.getArgument(0);
            metricReads.add(r);
            return GetMetricDataResponse.builder().metricDataResults(r.metricDataQueries().stream()
                    .map(q -> MetricDataResult.builder().id(q.id()).timestamps(r.endTime().minusSeconds(300))
                            .values(Fixtures.LOAD_BPS).build()).toList()).build();
        });
    }

    private static FailoverConfig group(int minVifs) {
        return config(new HashMap<>(Map.of("VIFGROUP", "core", "MINVIFS", String.valueOf(minVifs), "SNSARN", TOPIC)));
    }

    /** Three pages of 100, each asked for with maxResults 100 and the token the page before gave. */
    private void assertOnePassOfThreePages() {
        assertThat(describes).hasSize(3).allSatisfy(r -> {
            assertThat(r.maxResults()).isEqualTo(100);
            assertThat(r.virtualInterfaceId()).isNull();
        });
        assertThat(describes).extracting(DescribeVirtualInterfacesRequest::nextToken).containsExactly(null, "100", "200");
    }

    @Test
    void anAlarmInAGroupOf300ReadsThreePagesAndTheTrafficInTwoCallsOfAtMost500Queries() {
        region(REGION);
        Result r = service(group(1)).handle(alarmFor(VIFS.get(7) + " loss"), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.vifs().byId()).hasSize(REGION);
        assertOnePassOfThreePages();
        // 300 healthy VIFs, two queries each: 500 and 100, every VIF's pair in one call, no query twice.
        assertThat(metricReads).extracting(m -> m.metricDataQueries().size()).containsExactly(500, 100);
        List<String> ids = metricReads.stream().flatMap(m -> m.metricDataQueries().stream()).map(q -> q.id()).toList();
        assertThat(ids).hasSize(600).doesNotHaveDuplicates();
        // 300 Gbit/s on 2,990 Gbit/s that would remain: 10 %, so the capacity was known and allowed it.
        assertThat(r.capacity().capacity().projectedPercent()).isCloseTo(100.0 * 300 / 2990, org.assertj.core.data.Offset.offset(0.01));
        verify(dx, times(1)).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
    }

    @Test
    void aReconcilePassOver300TaggedVifsStopsExactlyAtTheMinimum() {
        region(REGION);
        List<MetricAlarm> alarms = new ArrayList<>();
        for (int i = 0; i < REGION; i++) {
            alarms.add(MetricAlarm.builder().alarmName(VIFS.get(i) + " loss").stateValue(StateValue.ALARM)
                    .alarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + VIFS.get(i) + " loss")
                    .stateTransitionedTimestamp(NOW.minusSeconds(3000L - i)).actionsEnabled(true).build());
        }
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class)))
                .thenReturn(DescribeAlarmsResponse.builder().metricAlarms(alarms).build());

        Result r = service(group(250)).handle(new Request.Reconcile(), Deadline.none());

        List<ReconcileAction> actions = r.reconciled().actions();
        assertThat(actions).hasSize(REGION);
        // Oldest alarm first: the first 50 VIFs go, the other 250 stay for the minimum.
        assertThat(actions.subList(0, 50)).extracting(ReconcileAction::vifId).containsExactlyElementsOf(VIFS.subList(0, 50));
        assertThat(actions.subList(0, 50)).extracting(ReconcileAction::outcome).containsOnly(Outcome.FAILED_OVER);
        assertThat(actions.subList(50, REGION)).extracting(ReconcileAction::outcome).containsOnly(Outcome.MINIMUM_REACHED);
        verify(dx, times(50)).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(support, times(50)).createCase(any(CreateCaseRequest.class));
        verify(sns, times(50)).publish(any(PublishRequest.class));
        assertOnePassOfThreePages();
        // The capacity figures are read once for the whole pass.
        assertThat(metricReads).extracting(m -> m.metricDataQueries().size()).containsExactly(500, 100);
    }

    @Test
    void withVifListEveryGetMetricDataCallStaysWithin500QueriesToo() {
        region(0);
        Map<String, String> env = new HashMap<>(Fixtures.env());
        env.put("VIFLIST", String.join(",", VIFS));
        Result r = service(config(env)).handle(alarmFor(VIFS.get(0) + " loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertOnePassOfThreePages();
        assertThat(metricReads).extracting(m -> m.metricDataQueries().size()).containsExactly(500, 100);

        // Sixteen listed VIFs (the most a VIFLIST stack takes) in a region of 300: still one pass over the region, one call for their traffic.
        describes.clear();
        metricReads.clear();
        env.put("VIFLIST", String.join(",", VIFS.subList(0, 16)));
        service(config(env)).handle(alarmFor(VIFS.get(0) + " loss"), Deadline.none());
        assertOnePassOfThreePages();
        assertThat(metricReads).extracting(m -> m.metricDataQueries().size()).containsExactly(32);
    }

    @Test
    void aGroupOf300ManagesOnlyItsTaggedVifs() {
        region(120);
        Result r = service(group(1)).handle(new Request.Status(), Deadline.none());
        assertThat(r.vifs().ids()).containsExactlyElementsOf(VIFS.subList(0, 120));
        ArgumentCaptor<ListVirtualInterfaceTestHistoryRequest> history =
                ArgumentCaptor.forClass(ListVirtualInterfaceTestHistoryRequest.class);
        verify(dx, times(120)).listVirtualInterfaceTestHistory(history.capture());
        assertThat(history.getAllValues()).extracting(h -> h.virtualInterfaceId()).doesNotHaveDuplicates()
                .allMatch(VIFS.subList(0, 120)::contains);
    }
}
