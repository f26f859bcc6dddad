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
import io.github.dxfailover.local.LambdaJavaRuntimeJson;
import io.github.dxfailover.service.MockedAws;
import io.github.dxfailover.service.RetryableFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * The handler: configuration errors (docs/behaviour.md §5), the payload it reads itself (§2), the result object
 * (§10), and failures that Lambda retries (§8).
 */
class DxFailoverHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
    private final DirectConnectClient dx = Fixtures.withConnections(mock(DirectConnectClient.class),
            Fixtures.VIF_A, Fixtures.VIF_B, Fixtures.VIF_C);
    private final SnsClient sns = mock(SnsClient.class);
    private final SupportClient support = mock(SupportClient.class);
    private final CloudWatchClient cloudWatch = Fixtures.noAlarms();
    private final AwsClients clients = new AwsClients(dx, sns, support, cloudWatch, Fixtures.noEvents());

    DxFailoverHandlerTest() {
        when(sns.publish(any(PublishRequest.class))).thenReturn(PublishResponse.builder().messageId("m").build());
    }

    @Test
    void configErrorAnswersEveryInvocationAndNotifiesOnce() {
        Map<String, String> env = envWith("MINVIFS", "0");
        env.put("FAILOVER", "9999");
        DxFailoverHandler handler = new DxFailoverHandler(env, clients, CLOCK);

        Map<String, Object> first = handler.handle(Fixtures.eventBridgeAlarm(VIF_A, "ALARM"), null);
        Map<String, Object> second = handler.handle(Map.of("action", "status"), null);

        for (Map<String, Object> result : java.util.List.of(first, second)) {
            assertThat(result.get("outcome")).isEqualTo("CONFIG_ERROR");
            assertThat(result.get("errors")).asList().hasSize(2)
                    .anySatisfy(e -> assertThat(e).asString().startsWith("MINVIFS='0'"))
                    .anySatisfy(e -> assertThat(e).asString().startsWith("FAILOVER='9999'"));
        }
        ArgumentCaptor<PublishRequest> published = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns, times(1)).publish(published.capture());
        assertThat(published.getValue().subject()).isEqualTo("CONFIG_ERROR in aws-dx-failover (DX failover)");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published.getValue().message())).contains("MINVIFS='0'").contains("FAILOVER='9999'");
        assertThat(published.getValue().messageAttributes().get("outcome").stringValue()).isEqualTo("CONFIG_ERROR");
        verifyNoInteractions(dx, support);
    }

    @Test
    void configErrorWithoutAValidTopicIsNotNotified() {
        DxFailoverHandler handler = new DxFailoverHandler(envWith("SNSARN", "my-topic"), clients, CLOCK);
        Map<String, Object> result = handler.handle(Fixtures.eventBridgeAlarm(VIF_A, "ALARM"), null);
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
        Map<String, Object> result = handler.handle(Fixtures.eventBridgeAlarm(VIF_A + " loss", "ALARM"), null);
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

    /** docs/behaviour.md §8: only bad input is an answer; a failed read is thrown through the stream, so Lambda retries. */
    @Test
    void failureToReadTheVifsThrowsSoLambdaRetries() {
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class)))
                .thenThrow(SdkClientException.create("Unable to execute HTTP request"));
        DxFailoverHandler handler = new DxFailoverHandler(Fixtures.env(), clients, CLOCK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] payload = Fixtures.json(Fixtures.eventBridgeAlarm(VIF_A, "ALARM")).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(payload), out, null))
                .isInstanceOf(RetryableFailure.class);
        assertThatThrownBy(() -> handler.handle(Fixtures.eventBridgeAlarm(VIF_A, "ALARM"), null))
                .isInstanceOf(RetryableFailure.class);
        assertThat(out.size()).isZero();
        verifyNoInteractions(sns, support);
    }
    /** Two alarm events in one array, as a batch would send them: neither is acted on. */
    static String twoAlarmEvents() {
        return "[" + Fixtures.json(Fixtures.eventBridgeAlarm(VIF_A + " loss", "ALARM")) + ", "
                + Fixtures.json(Fixtures.eventBridgeAlarm(VIF_B + " loss", "ALARM")) + "]";
    }

    static Stream<Arguments> payloadsThatAreNotAnObject() {
        return Stream.of(
                Arguments.of(twoAlarmEvents(), "expected a JSON object, found a list ([{"),
                Arguments.of("\"status\"", "expected a JSON object, found a string (status)"),
                Arguments.of("42", "expected a JSON object, found a number (42)"),
                Arguments.of("null", "expected a JSON object, found nothing"),
                Arguments.of("", "expected a JSON object, found nothing"),
                Arguments.of("{\"action\": \"status\"", "expected a JSON object, found text that is not JSON (Unexpected "
                        + "end-of-input: expected close marker for Object at line 1, column 20)"));
    }

    /**
     * docs/behaviour.md §2: the handler reads the payload itself, so what is not one JSON object is an answer,
     * REJECTED with what was expected and found, not a failure of the invocation; nothing is changed. It is no
     * operator's command, so the team is told (§7; issue 31, defect 5: an EventBridge rule with a broken input
     * transformer reads no result).
     */
    @ParameterizedTest
    @MethodSource("payloadsThatAreNotAnObject")
    void aPayloadThatIsNotAJsonObjectIsAnsweredRejectedAndChangesNothing(String payload, String message) {
        DxFailoverHandler handler = new DxFailoverHandler(Fixtures.env(), clients, CLOCK);

        Map<String, Object> answer = Fixtures.invoke(handler, payload);

        assertThat(answer.get("outcome")).isEqualTo("REJECTED");
        assertThat(answer.get("message")).asString().startsWith(message);
        // Fields without a value are left out of the answer, as Lambda's serializer left them out (§10).
        assertThat(answer).containsOnlyKeys("outcome", "message", "vifs", "dryRun", "errors");
        verifyNoInteractions(dx, support, cloudWatch);
        ArgumentCaptor<PublishRequest> published = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns, times(1)).publish(published.capture());
        assertThat(published.getValue().subject()).isEqualTo("REJECTED (no VIF) - input not understood (DX failover)");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published.getValue().message())).startsWith("REJECTED: " + message)
                .contains("Check what invokes the function");
        assertThat(published.getValue().messageAttributes().get("outcome").stringValue()).isEqualTo("REJECTED");
    }

    /** An operator's command with a bad value is answered in its result only (docs/behaviour.md §7). */
    @Test
    void aCommandRejectedForItsOwnValueIsNotNotified() {
        DxFailoverHandler handler = new DxFailoverHandler(Fixtures.env(), clients, CLOCK);
        Map<String, Object> answer = Fixtures.invoke(handler, "{\"action\": \"failover\", \"virtualInterfaceId\": "
                + "\"dxvif-aaaa1111\", \"minutes\": 0}");
        assertThat(answer.get("outcome")).isEqualTo("REJECTED");
        verifyNoInteractions(dx, sns, support, cloudWatch);
    }

    @Test
    void theAnswerEscapesWhatTheInputEchoes() {
        DxFailoverHandler handler = new DxFailoverHandler(Fixtures.env(), clients, CLOCK);
        String action = "say \"hi\" \\ \u0001\t café 😀";
        String payload = Fixtures.json(Map.of("action", action));

        String answer = Fixtures.answer(handler, payload);

        assertThat(answer).contains("say \\\"hi\\\" \\\\ \\u0001\\t café \\uD83D\\uDE00");
        assertThat(Fixtures.read(answer).get("message")).isEqualTo(
                "action: expected \"status\", \"failover\", \"restore\", \"reconcile\" or \"practice\", found \"" + action + "\"");
        // Byte for byte what Lambda's runtime wrote when the handler returned the map.
        assertThat(answer).isEqualTo(LambdaJavaRuntimeJson.write(handler.handle(Map.of("action", action), null)));
    }

}
