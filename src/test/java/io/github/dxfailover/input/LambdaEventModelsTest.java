package io.github.dxfailover.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudWatchCompositeAlarmEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchMetricAlarmEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.SampleEventsTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input shapes checked against Lambda's own event models (aws-lambda-java-events): the samples
 * in events/ are exactly what the models describe, and what the models write, the handler reads.
 */
class LambdaEventModelsTest {
    /** Strict: a field of a sample that the model does not have fails the test. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final String A = "dxvif-fgab1234";
    private static final String C = "dxvif-fgef9012";

    private static JsonNode sample(String file) throws Exception {
        return STRICT.readTree(Files.readString(Path.of("events", file)));
    }

    private static Map<String, Object> asInput(Object model) {
        return STRICT.convertValue(model, new TypeReference<>() {
        });
    }

    @Test
    void alarmActionSampleIsExactlyACloudWatchMetricAlarmEvent() throws Exception {
        JsonNode file = sample("alarm-action.json");
        CloudWatchMetricAlarmEvent model = STRICT.treeToValue(file, CloudWatchMetricAlarmEvent.class);
        JsonNode written = STRICT.valueToTree(model);
        assertThat(written).isEqualTo(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventbridge-metric-alarm.json", "eventbridge-anomaly-alarm.json",
        "eventbridge-composite-alarm.json", "eventbridge-ok.json", "eventbridge-insufficient-data.json"})
    void eventBridgeSamplesAreScheduledEventEnvelopesAsTheRuntimeReadsThem(String file) throws Exception {
        // The runtime's own serializer for ScheduledEvent (it maps "detail-type" and the time).
        PojoSerializer<ScheduledEvent> runtime = LambdaEventSerializers.serializerFor(ScheduledEvent.class,
                getClass().getClassLoader());
        String text = Files.readString(Path.of("events", file));
        ScheduledEvent event = runtime.fromJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(event.getSource()).isEqualTo("aws.cloudwatch");
        assertThat(event.getDetailType()).isEqualTo(RequestParser.EVENTBRIDGE_DETAIL_TYPE);
        assertThat(event.getDetail()).containsKeys("alarmName", "state");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtime.toJson(event, out);
        Map<String, Object> written = STRICT.readValue(out.toByteArray(), new TypeReference<>() {
        });
        Map<String, Object> original = STRICT.readValue(text, new TypeReference<>() {
        });
        Map<String, Object> result = SampleEventsTest.handler(false).handle(written, null);
        assertThat(result).isEqualTo(SampleEventsTest.handler(false).handle(original, null));
    }

    @Test
    void handlerReadsAMetricAlarmActionBuiltFromTheModel() {
        CloudWatchMetricAlarmEvent event = CloudWatchMetricAlarmEvent.builder()
                .withSource("aws.cloudwatch").withAccountId("123456789012").withRegion("eu-west-1")
                .withTime("2026-11-26T04:00:00.000+0000")
                .withAlarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:latency")
                .withAlarmData(CloudWatchMetricAlarmEvent.AlarmData.builder()
                        .withAlarmName("latency to 10.0.0.1")
                        .withState(CloudWatchMetricAlarmEvent.State.builder().withValue("ALARM")
                                .withReason("Threshold Crossed").withTimestamp("2026-11-26T04:00:00.000+0000").build())
                        .withConfiguration(CloudWatchMetricAlarmEvent.Configuration.builder()
                                .withMetrics(List.of(CloudWatchMetricAlarmEvent.Metric.builder().withId("m1")
                                        .withMetricStat(CloudWatchMetricAlarmEvent.MetricStat.builder()
                                                .withMetric(CloudWatchMetricAlarmEvent.MetricDetail.builder()
                                                        .withNamespace("DX/Probe").withName("LatencyMs")
                                                        .withDimensions(Map.of("VirtualInterfaceId", C)).build())
                                                .withPeriod(60).withStat("Average").build())
                                        .build()))
                                .build())
                        .build())
                .build();

        Map<String, Object> result = SampleEventsTest.handler(false).handle(asInput(event), null);

        assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(result.get("virtualInterfaceId")).isEqualTo(C);
    }

    @Test
    void handlerReadsACompositeAlarmActionBuiltFromTheModel() {
        CloudWatchCompositeAlarmEvent event = CloudWatchCompositeAlarmEvent.builder()
                .withSource("aws.cloudwatch").withAccountId("123456789012").withRegion("eu-west-1")
                .withTime("2026-11-26T04:00:00.000+0000")
                .withAlarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + A + " composite")
                .withAlarmData(CloudWatchCompositeAlarmEvent.AlarmData.builder()
                        .withAlarmName(A + " loss and latency")
                        .withState(CloudWatchCompositeAlarmEvent.State.builder().withValue("ALARM")
                                .withReason("alarm rule true").withTimestamp("2026-11-26T04:00:00.000+0000").build())
                        .withConfiguration(CloudWatchCompositeAlarmEvent.Configuration.builder()
                                .withAlarmRule("ALARM(loss) AND ALARM(latency)").build())
                        .build())
                .build();

        Map<String, Object> result = SampleEventsTest.handler(false).handle(asInput(event), null);

        assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(result.get("virtualInterfaceId")).isEqualTo(A);
    }
}
