package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestResponse;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;
import software.amazon.awssdk.services.support.model.CreateCaseResponse;

/**
 * Every file in events/ through the handler, with the outcome the README promises for it: three
 * healthy VIFs (dxvif-fgab1234, dxvif-fgcd5678, dxvif-fgef9012), MINVIFS 1; for the restore
 * sample, dxvif-fgab1234 is under test.
 */
class SampleEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "dxvif-fgab1234";
    private static final String B = "dxvif-fgcd5678";
    private static final String C = "dxvif-fgef9012";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "eventbridge-metric-alarm.json,       FAILED_OVER, dxvif-fgab1234",
        "eventbridge-anomaly-alarm.json,      FAILED_OVER, dxvif-fgcd5678",
        "eventbridge-composite-alarm.json,    FAILED_OVER, dxvif-fgab1234",
        "eventbridge-ok.json,                 IGNORED,     dxvif-fgab1234",
        "eventbridge-insufficient-data.json,  IGNORED,     dxvif-fgab1234",
        "alarm-action.json,                   FAILED_OVER, dxvif-fgef9012",
        "command-status.json,                 STATUS,      ",
        "command-failover.json,               FAILED_OVER, dxvif-fgab1234",
        "command-restore.json,                RESTORED,    dxvif-fgab1234",
        "command-reconcile.json,              RECONCILED,  ",
        "schedule-scheduler.json,             RECONCILED,  ",
        "schedule-scheduled-rule.json,        RECONCILED,  "})
    void sampleGivesThePromisedOutcome(String file, String outcome, String vifId) throws Exception {
        Map<String, Object> event = JSON.readValue(Files.readString(Path.of("events", file)), new TypeReference<>() {
        });
        boolean restore = file.equals("command-restore.json");
        Map<String, Object> result = handler(restore).handleRequest(event, null);
        assertThat(result.get("outcome")).as(String.valueOf(result.get("message"))).isEqualTo(outcome);
        assertThat(result.get("virtualInterfaceId")).isEqualTo(vifId);
        if (file.equals("command-failover.json")) {
            assertThat(result.get("message")).asString().contains("for 60 minutes");
        }
    }

    @Test
    void everySampleIsCovered() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("events"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "eventbridge-metric-alarm.json", "eventbridge-anomaly-alarm.json",
                    "eventbridge-composite-alarm.json", "eventbridge-ok.json", "eventbridge-insufficient-data.json",
                    "alarm-action.json", "command-status.json", "command-failover.json", "command-restore.json",
                    "command-reconcile.json", "schedule-scheduler.json", "schedule-scheduled-rule.json");
        }
    }

    static DxFailoverHandler handler(boolean aUnderTest) {
        DirectConnectClient dx = mock(DirectConnectClient.class);
        SnsClient sns = mock(SnsClient.class);
        SupportClient support = mock(SupportClient.class);
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class))).thenReturn(
                DescribeVirtualInterfacesResponse.builder().virtualInterfaces(
                        aUnderTest ? MockedAwsTest.dxVif(A, "testing", "down") : MockedAwsTest.dxVif(A, "available", "up"),
                        MockedAwsTest.dxVif(B, "available", "up"),
                        MockedAwsTest.dxVif(C, "available", "up")).build());
        Instant end = Instant.parse("2026-11-26T07:00:00Z");
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenAnswer(call ->
                StartBgpFailoverTestResponse.builder().virtualInterfaceTest(MockedAwsTest.test(
                        ((StartBgpFailoverTestRequest) call.getArgument(0)).virtualInterfaceId(), "t-1", end)).build());
        when(dx.stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class))).thenReturn(StopBgpFailoverTestResponse
                .builder().virtualInterfaceTest(MockedAwsTest.test(A, "t-1", end)).build());
        when(sns.publish(any(PublishRequest.class))).thenReturn(PublishResponse.builder().messageId("m").build());
        when(support.createCase(any(CreateCaseRequest.class))).thenReturn(CreateCaseResponse.builder().caseId("c").build());
        return new DxFailoverHandler(Map.of("VIFLIST", A + "," + B + "," + C, "MINVIFS", "1",
                "SNSARN", "arn:aws:sns:eu-west-1:123456789012:dx-failover"), new AwsClients(dx, sns, support, Fixtures.noAlarms()),
                Clock.systemUTC());
    }
}
