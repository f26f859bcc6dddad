package io.github.dxfailover;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.service.MockedAws;
import io.github.dxfailover.service.RetryableFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.support.SupportClient;

/** The handler: configuration errors (docs/behaviour.md §5), the result object (docs/behaviour.md §10), and the metric line (docs/behaviour.md §11). */
class DxFailoverHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
    private final DirectConnectClient dx = Fixtures.withConnections(mock(DirectConnectClient.class),
            Fixtures.VIF_A, Fixtures.VIF_B, Fixtures.VIF_C);
    private final SnsClient sns = mock(SnsClient.class);
    private final SupportClient support = mock(SupportClient.class);
    private final AwsClients clients = new AwsClients(dx, sns, support, Fixtures.noAlarms());

    DxFailoverHandlerTest() {
        when(sns.publish(any(PublishRequest.class))).thenReturn(PublishResponse.builder().messageId("m").build());
    }

    @Test
    void configErrorAnswersEveryInvocationAndNotifiesOnce() {
        Map<String, String> env = envWith("MINVIFS", "0");
        env.put("FAILOVER", "9999");
        DxFailoverHandler handler = new DxFailoverHandler(env, clients, CLOCK);

        Map<String, Object> first = handler.handleRequest(Fixtures.eventBridgeAlarm(VIF_A, "ALARM"), null);
        Map<String, Object> second = handler.handleRequest(Map.of("action", "status"), null);

        for (Map<String, Object> result : java.util.List.of(first, second)) {
            assertThat(result.get("outcome")).isEqualTo("CONFIG_ERROR");
            assertThat(result.get("errors")).asList().hasSize(2)
                    .anySatisfy(e -> assertThat(e).asString().startsWith("MINVIFS='0'"))
                    .anySatisfy(e -> assertThat(e).asString().startsWith("FAILOVER='9999'"));
        }
        ArgumentCaptor<PublishRequest> published = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns, times(1)).publish(published.capture());
        assertThat(published.getValue().subject()).isEqualTo("DX failover: CONFIG_ERROR in aws-dx-failover");
        assertThat(published.getValue().message()).contains("MINVIFS='0'").contains("FAILOVER='9999'");
        assertThat(published.getValue().messageAttributes().get("outcome").stringValue()).isEqualTo("CONFIG_ERROR");
        verifyNoInteractions(dx, support);
    }

    @Test
    void configErrorWithoutAValidTopicIsNotNotified() {
        DxFailoverHandler handler = new DxFailoverHandler(envWith("SNSARN", "my-topic"), clients, CLOCK);
        Map<String, Object> result = handler.handleRequest(Fixtures.eventBridgeAlarm(VIF_A, "ALARM"), null);
        assertThat(result.get("outcome")).isEqualTo("CONFIG_ERROR");
        assertThat(result.get("errors")).asList().singleElement().asString().startsWith("SNSARN='my-topic'");
        verifyNoInteractions(dx, sns, support);
    }

    @Test
    void resultHasTheFieldsOfTheContract() {
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class))).thenReturn(
                DescribeVirtualInterfacesResponse.builder().virtualInterfaces(
                        MockedAws.dxVif(VIF_A, "available", "up"),
                        MockedAws.dxVif(VIF_B, "down", "down")).build());
        DxFailoverHandler handler = new DxFailoverHandler(Fixtures.env(), clients, CLOCK);
        Map<String, Object> result = handler.handleRequest(Fixtures.eventBridgeAlarm(VIF_A + " loss", "ALARM"), null);
        assertThat(result).containsOnlyKeys("outcome", "virtualInterfaceId", "message", "vifs", "vifsRead", "testId",
                "testEndsAt", "caseId", "dryRun", "errors");
        assertThat(result.get("vifsRead")).isEqualTo("before acting"); // docs/behaviour.md §10: the result says when vifs were read
        assertThat(result.get("outcome")).isEqualTo("MINIMUM_REACHED");
        assertThat(result.get("virtualInterfaceId")).isEqualTo(VIF_A);
        assertThat(result.get("dryRun")).isEqualTo(false);
        assertThat(result.get("vifs")).isEqualTo(Map.of(
                VIF_A, Map.of("state", "available", "bgp", "up", "peers", List.of(peer("up"))),
                VIF_B, Map.of("state", "down", "bgp", "down", "peers", List.of(peer("down"))),
                VIF_C, Map.of("state", "missing", "bgp", "unknown", "peers", List.of())));
    }

    /** A peer as the result shows it; the mocked Direct Connect gives only its status. */
    private static Map<String, Object> peer(String status) {
        Map<String, Object> peer = new java.util.LinkedHashMap<>();
        peer.put("addressFamily", null);
        peer.put("peerAddress", null);
        peer.put("asn", null);
        peer.put("status", status);
        return peer;
    }

    @Test
    void failureToReadTheVifsThrowsSoLambdaRetries() {
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class)))
                .thenThrow(SdkClientException.create("Unable to execute HTTP request"));
        DxFailoverHandler handler = new DxFailoverHandler(Fixtures.env(), clients, CLOCK);
        assertThatThrownBy(() -> handler.handleRequest(Fixtures.eventBridgeAlarm(VIF_A, "ALARM"), null))
                .isInstanceOf(RetryableFailure.class);
        verifyNoInteractions(sns, support);
    }
}
