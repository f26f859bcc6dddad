package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.local.LambdaJavaRuntimeJson;
import io.github.dxfailover.service.MockedAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.DirectConnectServiceClientConfiguration;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryResponse;
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
 * Every file in events/ through the handler, with the outcome docs/try-it.md's table promises for it: three
 * healthy VIFs (dxvif-fgab1234, dxvif-fgcd5678, dxvif-fgef9012), MINVIFS 1; for the restore
 * sample, dxvif-fgab1234 is under test.
 */
public class SampleEventsTest {
    private static final String A = "dxvif-fgab1234";
    private static final String B = "dxvif-fgcd5678";
    private static final String C = "dxvif-fgef9012";

    /** One row of the sample-events table (docs/try-it.md): file, outcome, VIF (or null). */
    record Row(String file, String outcome, String vifId) {
        @Override
        public String toString() {
            return file + " -> " + outcome;
        }
    }

    /**
     * The table is the source of the promise, so the two cannot drift apart: it lives in docs/try-it.md, and a row
     * in the README or any other page of docs/ is read the same way (and must not promise another outcome).
     */
    static List<Row> tableRows() throws Exception {
        Pattern row = Pattern.compile("^\\| `([\\w.-]+\\.json)` \\|[^|]*\\| `([A-Z_]+)`\\s*(dxvif-[a-z0-9]+)?\\s*\\|$");
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (var docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        Map<String, Row> rows = new java.util.LinkedHashMap<>();
        for (Path page : pages) {
            for (String line : Files.readAllLines(page)) {
                Matcher m = row.matcher(line.strip());
                if (m.matches()) {
                    Row r = new Row(m.group(1), m.group(2), m.group(3));
                    Row before = rows.putIfAbsent(r.file(), r);
                    assertThat(before == null || before.equals(r)).as(page + " promises " + r + ", elsewhere " + before)
                            .isTrue();
                }
            }
        }
        assertThat(rows).as("the sample-events table of docs/try-it.md").isNotEmpty();
        return List.copyOf(rows.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableRows")
    void sampleGivesTheOutcomeTheReadmePromises(Row row) throws Exception {
        String event = Files.readString(Path.of("events", row.file()));
        boolean restore = row.file().equals("command-restore.json");
        Map<String, Object> result = Fixtures.invoke(handler(restore), event);
        assertThat(result.get("outcome")).as(String.valueOf(result.get("message"))).isEqualTo(row.outcome());
        assertThat(result.get("virtualInterfaceId")).isEqualTo(row.vifId());
        if (row.file().equals("command-failover.json")) {
            assertThat(result.get("message")).asString().contains("for 60 minutes");
        }
    }

    /**
     * The handler reads its payload and writes its answer itself (docs/behaviour.md §2, §10): for every sample the
     * answer is, byte for byte, what Lambda's Java runtime answered when it read the payload into the handler's
     * map and wrote the map the handler returned.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tableRows")
    void theAnswerIsWhatLambdasRuntimeAnsweredWhenItReadAndWroteTheJson(Row row) throws Exception {
        String event = Files.readString(Path.of("events", row.file()));
        boolean restore = row.file().equals("command-restore.json");
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T04:01:00Z"), ZoneOffset.UTC);

        String answer = Fixtures.answer(handler(restore, clock), event);

        assertThat(answer).isEqualTo(LambdaJavaRuntimeJson.write(
                handler(restore, clock).handle(LambdaJavaRuntimeJson.read(event), null)));
    }

    @Test
    void everySampleIsCovered() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("events"))) {
            assertThat(tableRows()).extracting(Row::file)
                    .containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** The outcome alarm of the practice samples (docs/behaviour.md §16). */
    static final String OUTCOME_ALARM = "apps 5xx";

    public static DxFailoverHandler handler(boolean aUnderTest) {
        return handler(aUnderTest, Clock.systemUTC());
    }

    private static DxFailoverHandler handler(boolean aUnderTest, Clock clock) {
        DirectConnectClient dx = Fixtures.withConnections(mock(DirectConnectClient.class), A, B, C);
        SnsClient sns = mock(SnsClient.class);
        SupportClient support = mock(SupportClient.class);
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class))).thenReturn(
                DescribeVirtualInterfacesResponse.builder().virtualInterfaces(
                        // A on the connection the maintenance samples name (as in local/three-healthy.json).
                        (aUnderTest ? MockedAws.dxVif(A, "testing", "down") : MockedAws.dxVif(A, "available", "up"))
                                .toBuilder().connectionId("dxcon-fgaa0001").build(),
                        MockedAws.dxVif(B, "available", "up"),
                        MockedAws.dxVif(C, "available", "up")).build());
        Instant end = Instant.parse("2026-11-26T07:00:00Z");
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenAnswer(call ->
                StartBgpFailoverTestResponse.builder().virtualInterfaceTest(MockedAws.test(
                        ((StartBgpFailoverTestRequest) call.getArgument(0)).virtualInterfaceId(), "t-1", end)).build());
        when(dx.stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class))).thenReturn(StopBgpFailoverTestResponse
                .builder().virtualInterfaceTest(MockedAws.test(A, "t-1", end)).build());
        when(sns.publish(any(PublishRequest.class))).thenReturn(PublishResponse.builder().messageId("m").build());
        when(support.createCase(any(CreateCaseRequest.class))).thenReturn(CreateCaseResponse.builder().caseId("c").build());
        // The practice sample's outcome alarm exists and is OK; tagging knows the region of the VIFs' ARNs.
        CloudWatchClient cloudWatch = Fixtures.noAlarms();
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenAnswer(call ->
                ((DescribeAlarmsRequest) call.getArgument(0)).alarmNames().contains(OUTCOME_ALARM)
                        ? DescribeAlarmsResponse.builder().metricAlarms(MetricAlarm.builder().alarmName(OUTCOME_ALARM)
                                .stateValue("OK").actionsEnabled(true).build()).build()
                        : DescribeAlarmsResponse.builder().build());
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class)))
                .thenReturn(ListVirtualInterfaceTestHistoryResponse.builder().build());
        when(dx.serviceClientConfiguration()).thenReturn(DirectConnectServiceClientConfiguration.builder()
                .region(Region.EU_WEST_1).build());
        return new DxFailoverHandler(Map.of("VIFLIST", A + "," + B + "," + C, "MINVIFS", "1",
                "SNSARN", "arn:aws:sns:eu-west-1:123456789012:dx-failover", "PRACTICE_OUTCOME_ALARMS", OUTCOME_ALARM),
                new AwsClients(dx, sns, support, cloudWatch, Fixtures.noEvents()), clock);
    }
}
