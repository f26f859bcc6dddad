package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.TOPIC;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.aws.SnsSubjectTest;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.input.Request;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.BGPPeer;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryResponse;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestResponse;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.directconnect.model.VirtualInterfaceTestHistory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;
import software.amazon.awssdk.services.support.model.CreateCaseResponse;

/** Mocked Direct Connect, SNS and Support clients for the service tests, and what they assert on. */
public abstract class MockedAws {
    public static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    public static final Instant TEST_END = NOW.plusSeconds(180 * 60);

    final DirectConnectClient dx = mock(DirectConnectClient.class);
    final SnsClient sns = mock(SnsClient.class);
    final SupportClient support = mock(SupportClient.class);
    final CloudWatchClient cloudWatch = Fixtures.noAlarms();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    MockedAws() {
        Fixtures.withConnections(dx, VIF_A, VIF_B, VIF_C, OTHER_VIF);
        // The region a VIF's ARN is built in, as a real client knows it (tagging, docs/behaviour.md §16).
        when(dx.serviceClientConfiguration()).thenReturn(software.amazon.awssdk.services.directconnect
                .DirectConnectServiceClientConfiguration.builder()
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1).build());
        // No failover test in any VIF's history unless a test says otherwise (status reads it for every VIF).
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class)))
                .thenReturn(ListVirtualInterfaceTestHistoryResponse.builder().build());
    }

    FailoverService service(FailoverConfig config) {
        when(sns.publish(any(PublishRequest.class))).thenReturn(PublishResponse.builder().messageId("m-1").build());
        when(support.createCase(any(CreateCaseRequest.class)))
                .thenReturn(CreateCaseResponse.builder().caseId("case-12345").build());
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenAnswer(call -> {
            StartBgpFailoverTestRequest r = call.getArgument(0);
            return StartBgpFailoverTestResponse.builder().virtualInterfaceTest(test(r.virtualInterfaceId(), "test-1",
                    NOW.plusSeconds(r.testDurationInMinutes() * 60L))).build();
        });
        return Wiring.service(config, new io.github.dxfailover.aws.AwsClients(dx, sns, support, cloudWatch,
                io.github.dxfailover.Fixtures.noEvents()), clock);
    }

    FailoverService service() {
        return service(config());
    }

    public static VirtualInterfaceTestHistory test(String vifId, String testId, Instant end) {
        return VirtualInterfaceTestHistory.builder().testId(testId).virtualInterfaceId(vifId).status("IN_PROGRESS")
                .startTime(NOW).endTime(end).build();
    }

    public static VirtualInterface dxVif(String id, String state, String... bgp) {
        return VirtualInterface.builder().virtualInterfaceId(id).virtualInterfaceState(state)
                .connectionId(Fixtures.connectionOf(id))
                .bgpPeers(Arrays.stream(bgp).map(s -> BGPPeer.builder().bgpStatus(s).bgpPeerId("peer-" + s).build())
                        .toList())
                .build();
    }

    void directConnectReturns(VirtualInterface... vifs) {
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class)))
                .thenReturn(DescribeVirtualInterfacesResponse.builder().virtualInterfaces(vifs).build());
    }

    void allHealthy() {
        directConnectReturns(dxVif(VIF_A, "available", "up"), dxVif(VIF_B, "available", "up", "down"),
                dxVif(VIF_C, "available", "up"), dxVif(OTHER_VIF, "available", "up"));
    }

    PublishRequest published() {
        ArgumentCaptor<PublishRequest> captor = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns).publish(captor.capture());
        PublishRequest p = captor.getValue();
        assertThat(p.topicArn()).isEqualTo(TOPIC);
        SnsSubjectTest.assertPhoneForm(p.subject(), p.message(), p.messageAttributes().get("outcome").stringValue());
        return p;
    }

    public static Request alarmFor(String name) {
        return new Request.Evaluate(alarm(name, "ALARM"), null);
    }

    /** No test started or stopped, no tag written or removed, no case opened. */
    void verifyNoChange() {
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(dx, never()).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        verify(dx, never()).tagResource(any(software.amazon.awssdk.services.directconnect.model.TagResourceRequest.class));
        verify(dx, never()).untagResource(
                any(software.amazon.awssdk.services.directconnect.model.UntagResourceRequest.class));
        verify(support, never()).createCase(any(CreateCaseRequest.class));
    }

}
