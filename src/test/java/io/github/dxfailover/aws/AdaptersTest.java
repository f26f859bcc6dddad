package io.github.dxfailover.aws;

import io.github.dxfailover.aws.AwsErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.decision.VifState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.DirectConnectServiceClientConfiguration;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryResponse;
import software.amazon.awssdk.services.directconnect.model.TagResourceRequest;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.directconnect.model.VirtualInterfaceTestHistory;

/** The adapters' own rules, with mocked clients: chunks and pages, traffic points, ARNs, failures. */
class AdaptersTest {
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private final CloudWatchClient cw = mock(CloudWatchClient.class);
    private final CloudWatch cloudWatch = new CloudWatch(cw, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void alarmStatesAreReadByNameAHundredNamesACall() {
        when(cw.describeAlarms(any(DescribeAlarmsRequest.class))).thenAnswer(call -> {
            DescribeAlarmsRequest r = call.getArgument(0);
            return DescribeAlarmsResponse.builder().metricAlarms(r.alarmNames().stream()
                    .map(n -> MetricAlarm.builder().alarmName(n).stateValue("OK").build()).toList()).build();
        });
        List<String> names = IntStream.range(0, 101).mapToObj(i -> "alarm " + i).toList();
        Map<String, String> states = cloudWatch.statesOf(names);
        assertThat(states).hasSize(101).containsEntry("alarm 100", "OK");
        ArgumentCaptor<DescribeAlarmsRequest> calls = ArgumentCaptor.forClass(DescribeAlarmsRequest.class);
        verify(cw, times(2)).describeAlarms(calls.capture());
        assertThat(calls.getAllValues()).extracting(r -> r.alarmNames().size()).containsExactly(100, 1);
        assertThat(cloudWatch.statesOf(List.of())).isEmpty();
        verify(cw, times(2)).describeAlarms(any(DescribeAlarmsRequest.class)); // no names: no call
    }

    @Test
    void onlyAVirtualInterfaceIdDimensionCanNameAVif() {
        when(cw.describeAlarms(any(DescribeAlarmsRequest.class))).thenReturn(DescribeAlarmsResponse.builder()
                .metricAlarms(MetricAlarm.builder().alarmName("loss").namespace("DX/Probe").stateValue("ALARM")
                        .dimensions(Dimension.builder().name("Target").value("dxvif-aaaa1111").build()).build())
                .build());
        assertThat(cloudWatch.readFiring()).singleElement()
                .satisfies(f -> assertThat(f.alarm().vifDimensions()).isEmpty());
    }

    @Test
    void trafficKeepsEachPeriodsHigherDirectionAndNoVifMeansNoCall() {
        Instant t1 = NOW.minusSeconds(600);
        Instant t2 = NOW.minusSeconds(300);
        when(cw.getMetricData(any(GetMetricDataRequest.class))).thenReturn(GetMetricDataResponse.builder()
                .metricDataResults(
                        MetricDataResult.builder().id("v0m0").timestamps(t1, t2).values(5.0, 7.0, 99.0).build(),
                        MetricDataResult.builder().id("v0m1").timestamps(t1).values(6.0).build(),
                        MetricDataResult.builder().id("v1m0").build())
                .build());
        List<VifState> vifs = List.of(VifState.of("dxvif-aaaa1111", "available", "up"),
                VifState.of("dxvif-bbbb2222", "available", "up"));
        assertThat(cloudWatch.readTraffic(vifs, NOW.minusSeconds(1800), NOW))
                .isEqualTo(Map.of("dxvif-aaaa1111", Map.of(t1, 6.0, t2, 7.0)));
        assertThat(cloudWatch.readPeakLoads(vifs, NOW.minusSeconds(1800), NOW)).isEqualTo(Map.of("dxvif-aaaa1111", 7.0));
        assertThat(cloudWatch.readTraffic(List.of(), NOW.minusSeconds(1800), NOW)).isEmpty();
        verify(cw, times(2)).getMetricData(any(GetMetricDataRequest.class));
    }

    /**
     * GetMetricData takes at most 500 queries a call (docs/behaviour.md §18): 250 VIFs fit one call, 251 take two, and
     * each VIF's two directions stay in one call, every page of each followed.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} VIFs")
    @org.junit.jupiter.params.provider.CsvSource({"1, 2", "250, 500", "251, '500,2'", "600, '500,500,200'"})
    void trafficIsReadInCallsOfAtMost500Queries(int count, String perCall) {
        List<GetMetricDataRequest> calls = new java.util.ArrayList<>();
        when(cw.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> {
            GetMetricDataRequest r = call.getArgument(0);
            calls.add(r);
            // Each call's answer comes in two pages: its first query's result, then the others'.
            List<MetricDataResult> results = r.metricDataQueries().stream().map(q -> MetricDataResult.builder()
                    .id(q.id()).timestamps(NOW.minusSeconds(300)).values(1.0).build()).toList();
            return r.nextToken() == null
                    ? GetMetricDataResponse.builder().metricDataResults(results.subList(0, 1)).nextToken("rest").build()
                    : GetMetricDataResponse.builder().metricDataResults(results.subList(1, results.size())).build();
        });
        List<VifState> vifs = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> VifState.of("dxvif-sc%06d".formatted(i), "available", "up")).toList();

        Map<String, Double> peaks = cloudWatch.readPeakLoads(vifs, NOW.minusSeconds(1800), NOW);

        assertThat(peaks).hasSize(count);
        List<GetMetricDataRequest> firstPages = calls.stream().filter(r -> r.nextToken() == null).toList();
        assertThat(firstPages).extracting(r -> String.valueOf(r.metricDataQueries().size()))
                .containsExactly(perCall.split(","));
        assertThat(calls).hasSize(2 * firstPages.size()).allSatisfy(r ->
                assertThat(r.metricDataQueries()).hasSizeLessThanOrEqualTo(500));
        for (GetMetricDataRequest r : firstPages) {
            // Both directions of a VIF (v<i>m0, v<i>m1) in the same call.
            assertThat(r.metricDataQueries().stream().map(q -> q.id().replaceAll("m\\d$", "")).distinct().count())
                    .isEqualTo(r.metricDataQueries().size() / 2);
        }
    }

    @Test
    void aVifsArnIsInItsPartitionRegionAndOwnerAccount() {
        for (var region : List.of(Region.EU_WEST_1, Region.CN_NORTH_1)) {
            DirectConnectClient client = mock(DirectConnectClient.class);
            when(client.serviceClientConfiguration()).thenReturn(DirectConnectServiceClientConfiguration.builder()
                    .region(region).build());
            when(client.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class))).thenReturn(
                    DescribeVirtualInterfacesResponse.builder().virtualInterfaces(VirtualInterface.builder()
                            .virtualInterfaceId("dxvif-aaaa1111").ownerAccount("123456789012").build()).build());
            var vif = new DirectConnect(client, Clock.systemUTC()).readAll().get(0);
            // Another adapter, as after a new container: the ARN comes from the VIF as read, not from a cache.
            new DirectConnect(client, Clock.systemUTC()).tag(vif, "dx-failover:practice", "t-1");
            ArgumentCaptor<TagResourceRequest> tag = ArgumentCaptor.forClass(TagResourceRequest.class);
            verify(client).tagResource(tag.capture());
            assertThat(tag.getValue().resourceArn()).isEqualTo((region == Region.CN_NORTH_1 ? "arn:aws-cn" : "arn:aws")
                    + ":directconnect:" + region.id() + ":123456789012:dxvif/dxvif-aaaa1111");
        }
    }

    @Test
    void aVifsTestHistoryIsReadOverEveryPageAndAFailedPageNamesTheVif() {
        DirectConnectClient client = mock(DirectConnectClient.class);
        VirtualInterfaceTestHistory old = VirtualInterfaceTestHistory.builder().testId("t-old").status("COMPLETED")
                .startTime(NOW.minusSeconds(86_400)).endTime(NOW.minusSeconds(84_600)).build();
        VirtualInterfaceTestHistory running = VirtualInterfaceTestHistory.builder().testId("t-run")
                .status("IN_PROGRESS").startTime(NOW.minusSeconds(600)).endTime(NOW.plusSeconds(1200)).build();
        ListVirtualInterfaceTestHistoryResponse first = ListVirtualInterfaceTestHistoryResponse.builder()
                .virtualInterfaceTestHistory(old).nextToken("page-2").build();
        when(client.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class)))
                .thenReturn(first, ListVirtualInterfaceTestHistoryResponse.builder().virtualInterfaceTestHistory(running)
                        .build())
                .thenReturn(first).thenThrow(SdkClientException.create("reset"));
        DirectConnect dx = new DirectConnect(client, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(dx.history("dxvif-aaaa1111")).extracting(TestHistoryEntry::testId).containsExactly("t-old", "t-run");
        ArgumentCaptor<ListVirtualInterfaceTestHistoryRequest> asked =
                ArgumentCaptor.forClass(ListVirtualInterfaceTestHistoryRequest.class);
        verify(client, times(2)).listVirtualInterfaceTestHistory(asked.capture());
        assertThat(asked.getAllValues()).extracting(ListVirtualInterfaceTestHistoryRequest::virtualInterfaceId,
                ListVirtualInterfaceTestHistoryRequest::nextToken)
                .containsExactly(tuple("dxvif-aaaa1111", null), tuple("dxvif-aaaa1111", "page-2"));

        assertThatThrownBy(() -> dx.history("dxvif-aaaa1111")).isInstanceOf(AwsCallFailed.class)
                .hasMessage("ListVirtualInterfaceTestHistory on dxvif-aaaa1111 failed: reset");
    }

    @Test
    void aFailedCallSaysWhichCallOnWhichVif() {
        assertThat(AwsErrors.failed(Call.START_BGP_FAILOVER_TEST, "dxvif-a", SdkClientException.create("reset")))
                .hasMessage("StartBgpFailoverTest on dxvif-a failed: reset");
        assertThat(AwsErrors.failed(Call.DESCRIBE_LAGS, null, SdkClientException.create("reset")))
                .hasMessage("DescribeLags failed: reset");
        verify(cw, never()).describeAlarms(any(DescribeAlarmsRequest.class));
    }

    /** docs/behaviour.md §20: one entry on the named bus; an entry the bus refuses is a failed call, as PutEvents says. */
    @Test
    void anEventIsOneEntryOnTheBusAndARefusedEntryIsAFailedCall() {
        var client = mock(software.amazon.awssdk.services.eventbridge.EventBridgeClient.class);
        var put = ArgumentCaptor.forClass(software.amazon.awssdk.services.eventbridge.model.PutEventsRequest.class);
        when(client.putEvents(put.capture())).thenReturn(
                software.amazon.awssdk.services.eventbridge.model.PutEventsResponse.builder().failedEntryCount(0).build(),
                software.amazon.awssdk.services.eventbridge.model.PutEventsResponse.builder().failedEntryCount(1)
                        .entries(e -> e.errorCode("InternalFailure").errorMessage("try again")).build());
        EventBridgeBus bus = new EventBridgeBus(client, "arn:aws:events:eu-west-1:123456789012:event-bus/dx");

        bus.put("{\"outcome\":\"FAILED_OVER\"}", List.of("arn:aws:directconnect:eu-west-1:123456789012:dxvif/dxvif-a"));

        assertThat(put.getValue().entries()).singleElement().satisfies(e -> {
            assertThat(e.eventBusName()).isEqualTo("arn:aws:events:eu-west-1:123456789012:event-bus/dx");
            assertThat(e.source()).isEqualTo("dx-failover");
            assertThat(e.detailType()).isEqualTo("DX Failover Result");
            assertThat(e.detail()).isEqualTo("{\"outcome\":\"FAILED_OVER\"}");
            assertThat(e.resources()).containsExactly("arn:aws:directconnect:eu-west-1:123456789012:dxvif/dxvif-a");
        });
        assertThatThrownBy(() -> bus.put("{}", List.of())).isInstanceOf(AwsCallFailed.class)
                .hasMessage("PutEvents failed: the bus refused the entry (InternalFailure: try again)")
                .satisfies(e -> assertThat(((AwsCallFailed) e).code()).isEqualTo("InternalFailure"));
        when(client.putEvents(any(software.amazon.awssdk.services.eventbridge.model.PutEventsRequest.class)))
                .thenThrow(SdkClientException.create("connection reset"));
        assertThatThrownBy(() -> bus.put("{}", List.of())).isInstanceOf(AwsCallFailed.class)
                .hasMessage("PutEvents failed: connection reset");
    }
}
