package io.github.dxfailover;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.InvalidConfigException;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.VifDimension;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.Connection;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsResponse;
import software.amazon.awssdk.services.directconnect.model.DescribeLagsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeLagsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;

/** Shared test data: VIF IDs, configurations, alarm inputs in the shapes Lambda delivers. */
public final class Fixtures {
    public static final String VIF_A = "dxvif-aaaa1111";
    public static final String VIF_B = "dxvif-bbbb2222";
    public static final String VIF_C = "dxvif-cccc3333";
    public static final String OTHER_VIF = "dxvif-zzzz9999";
    public static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:dx-failover";
    /** A namespace of the operator's own monitoring, as the README's example alarm uses. */
    public static final String PROBE_NAMESPACE = "DX/Probe";
    /**
     * Capacity figures with nothing in them, for decisions whose capacity is not the point: the projection is unknown
     * and, as docs/behaviour.md §15 says, does not block.
     */
    public static final java.util.function.Supplier<io.github.dxfailover.decision.CapacityFigures> NO_FIGURES =
            () -> io.github.dxfailover.decision.CapacityFigures.of(List.of(), Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A valid environment: three VIFs, MINVIFS 1, support case on. */
    public static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C);
        env.put("MINVIFS", "1");
        env.put("SNSARN", TOPIC);
        env.put("EMAIL", "noc@example.com,oncall@example.com");
        return env;
    }

    /**
     * A notification's body with the lines that wrap at 100 characters (docs/behaviour.md §7) joined again, so that a
     * test can look for a sentence whatever width it was wrapped at; the line limit itself is checked on the body as
     * sent.
     */
    public static String unwrapped(String body) {
        // The headline ("OUTCOME: the VIF, the one fact") is left out, and the whole sentence that follows it reads as
        // "OUTCOME: sentence", as the body began before the form for a phone (§7).
        int firstEnd = body.indexOf('\n');
        if (firstEnd > 0 && body.length() > firstEnd + 1 && body.charAt(firstEnd + 1) != '\n'
                && body.substring(0, firstEnd).matches("[A-Z_]+: .*")) {
            String first = body.substring(0, firstEnd);
            body = first.substring(0, first.indexOf(": ") + 2) + body.substring(firstEnd + 1);
        }
        // A wrapped line goes on indented four more than its logical line began (text/Lines).
        StringBuilder out = new StringBuilder();
        int logicalIndent = -1;
        boolean first = true;
        for (String line : body.split("\n", -1)) {
            int indent = line.length() - line.stripLeading().length();
            if (!first && logicalIndent >= 0 && !line.isBlank() && indent == logicalIndent + 4) {
                out.append(' ').append(line.stripLeading());
            } else {
                out.append(first ? "" : "\n").append(line);
                logicalIndent = line.isBlank() ? -1 : indent;
            }
            first = false;
        }
        return out.toString();
    }

    public static FailoverConfig config() {
        return config(env());
    }

    public static FailoverConfig config(Map<String, String> env) {
        try {
            return FailoverConfig.fromEnvironment(env);
        } catch (InvalidConfigException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    public static Map<String, String> envWith(String name, String value) {
        Map<String, String> env = env();
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return env;
    }

    /**
     * One invocation as Lambda makes it, through the handler's stream: the payload's text in, its JSON answer
     * read back as a map.
     */
    public static Map<String, Object> invoke(DxFailoverHandler handler, String payload) {
        return read(answer(handler, payload));
    }

    /** The handler's answer to a payload, as the JSON text it wrote. */
    public static String answer(DxFailoverHandler handler, String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** JSON text (an answer, a sample event) as a map. */
    public static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A map (an event built in a test) as JSON text. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VifState healthy(String id) {
        return VifState.of(id, "available", "up", "down");
    }

    public static VifState vif(String id, String state, String... bgp) {
        return VifState.of(id, state, bgp);
    }

    public static VifStates states(FailoverConfig config, VifState... returned) {
        return VifStates.select(config.managed(), List.of(returned));
    }

    public static Alarm alarm(String name, String state) {
        return new Alarm(name, state, "Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).",
                "2026-11-26T04:00:00.000+0000", "eu-west-1", "123456789012", List.of());
    }

    /** An EventBridge "CloudWatch Alarm State Change" event, as the handler reads it into a map. */
    public static Map<String, Object> eventBridgeAlarm(String name, String state, String... dimensionVifIds) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", "c4c1c1c9-6542-e61b-6ef0-8c4d36933a92");
        event.put("detail-type", "CloudWatch Alarm State Change");
        event.put("source", "aws.cloudwatch");
        event.put("account", "123456789012");
        event.put("time", "2026-11-26T04:00:00Z");
        event.put("region", "eu-west-1");
        event.put("resources", List.of("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("alarmName", name);
        detail.put("state", Map.of("value", state, "reason", "Threshold Crossed", "timestamp",
                "2026-11-26T04:00:00.000+0000"));
        detail.put("previousState", Map.of("value", "OK", "reason", "", "timestamp", "2026-11-26T03:00:00.000+0000"));
        detail.put("configuration", Map.of("metrics", metrics(dimensionVifIds)));
        event.put("detail", detail);
        return event;
    }

    /** The payload a CloudWatch alarm sends when it invokes the function directly (alarm action). */
    public static Map<String, Object> alarmAction(String name, String state, String... dimensionVifIds) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("source", "aws.cloudwatch");
        event.put("alarmArn", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name);
        event.put("accountId", "123456789012");
        event.put("time", "2026-11-26T04:00:00.000+0000");
        event.put("region", "eu-west-1");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alarmName", name);
        data.put("state", Map.of("value", state, "reason", "Threshold Crossed", "timestamp",
                "2026-11-26T04:00:00.000+0000"));
        data.put("previousState", Map.of("value", "OK"));
        data.put("configuration", Map.of("metrics", metrics(dimensionVifIds)));
        event.put("alarmData", data);
        return event;
    }

    /** Probe metrics (a namespace of the operator's own monitoring), one per VIF ID, each with its dimension. */
    private static List<Object> metrics(String... dimensionVifIds) {
        List<Object> metrics = new ArrayList<>();
        int i = 1;
        for (String id : dimensionVifIds) {
            metrics.add(Map.of("id", "m" + i++, "returnData", true, "metricStat", Map.of(
                    "metric", Map.of("namespace", PROBE_NAMESPACE, "name", "PacketLossPercent",
                            "dimensions", Map.of("Target", "10.0.0.1", "VirtualInterfaceId", id)),
                    "period", 60, "stat", "Average")));
        }
        return metrics;
    }

    /**
     * The same event on AWS/DX's own VirtualInterfaceBpsEgress (a utilization alarm, as AWS's Direct
     * Connect monitoring guidance suggests), with the metric's ConnectionId and VirtualInterfaceId dimensions.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> onAwsDxUtilization(Map<String, Object> event, String vifId) {
        Map<String, Object> data = (Map<String, Object>) event.getOrDefault("detail", event.get("alarmData"));
        data.put("configuration", Map.of("metrics", List.of(Map.of("id", "m1", "returnData", true, "metricStat",
                Map.of("metric", Map.of("namespace", VifDimension.AWS_DX, "name", "VirtualInterfaceBpsEgress",
                                "dimensions", Map.of("ConnectionId", "dxcon-ffff0000", "VirtualInterfaceId", vifId)),
                        "period", 300, "stat", "Average")))));
        return event;
    }

    /** VirtualInterfaceId dimensions on probe metrics: they name their VIF. */
    public static List<VifDimension> probe(String... vifIds) {
        return java.util.Arrays.stream(vifIds).map(id -> new VifDimension(PROBE_NAMESPACE, id)).toList();
    }

    /** VirtualInterfaceId dimensions on AWS/DX metrics: they never name a VIF. */
    public static List<VifDimension> awsDx(String... vifIds) {
        return java.util.Arrays.stream(vifIds).map(id -> new VifDimension(VifDimension.AWS_DX, id)).toList();
    }

    /** The traffic every VIF carries in the mocked CloudWatch: 1 Gbit/s. */
    public static final double LOAD_BPS = 1e9;
    /** The bandwidth of every VIF's connection in the mocked Direct Connect. */
    public static final String BANDWIDTH = "10Gbps";

    /**
     * A mocked CloudWatch with no alarm in ALARM, where every VIF asked for carries {@link #LOAD_BPS}: with three
     * VIFs on 10 Gbit/s each, taking one out leaves 3 Gbit/s on 20 Gbit/s, within MAX_UTILIZATION's default.
     */
    /** An EventBridge client for handlers whose EVENT_BUS is not set: never called (docs/behaviour.md §20). */
    public static software.amazon.awssdk.services.eventbridge.EventBridgeClient noEvents() {
        return org.mockito.Mockito.mock(software.amazon.awssdk.services.eventbridge.EventBridgeClient.class);
    }

    public static CloudWatchClient noAlarms() {
        CloudWatchClient cloudWatch = Mockito.mock(CloudWatchClient.class);
        Mockito.when(cloudWatch.describeAlarms(ArgumentMatchers.any(DescribeAlarmsRequest.class)))
                .thenReturn(DescribeAlarmsResponse.builder().build());
        Mockito.when(cloudWatch.getMetricData(ArgumentMatchers.any(GetMetricDataRequest.class))).thenAnswer(call ->
                GetMetricDataResponse.builder().metricDataResults(((GetMetricDataRequest) call.getArgument(0))
                        .metricDataQueries().stream().map(q -> MetricDataResult.builder().id(q.id())
                                .timestamps(((GetMetricDataRequest) call.getArgument(0)).endTime().minusSeconds(300))
                                .values(LOAD_BPS).build()).toList()).build());
        return cloudWatch;
    }

    /** Each VIF runs on a connection of its own: dxcon- and the VIF ID's letters. */
    public static String connectionOf(String vifId) {
        return "dxcon-" + vifId.substring("dxvif-".length());
    }

    /** The mocked Direct Connect describes each VIF's own {@link #BANDWIDTH} connection, and no LAG. */
    public static DirectConnectClient withConnections(DirectConnectClient dx, String... vifIds) {
        Mockito.when(dx.describeConnections(ArgumentMatchers.any(DescribeConnectionsRequest.class))).thenReturn(
                DescribeConnectionsResponse.builder().connections(java.util.Arrays.stream(vifIds).map(v -> Connection
                        .builder().connectionId(connectionOf(v)).bandwidth(BANDWIDTH).connectionState("available")
                        .build()).toList()).build());
        Mockito.when(dx.describeLags(ArgumentMatchers.any(DescribeLagsRequest.class)))
                .thenReturn(DescribeLagsResponse.builder().build());
        return dx;
    }

    /**
     * A mocked Direct Connect whose three listed VIFs are healthy on connections of their own, and a mocked SNS that
     * accepts every message: what the property tests send arbitrary payloads to.
     */
    public static DirectConnectClient threeHealthyVifs(software.amazon.awssdk.services.sns.SnsClient sns) {
        DirectConnectClient dx = withConnections(Mockito.mock(DirectConnectClient.class), VIF_A, VIF_B, VIF_C);
        Mockito.when(dx.describeVirtualInterfaces(ArgumentMatchers.any(software.amazon.awssdk.services.directconnect
                .model.DescribeVirtualInterfacesRequest.class))).thenReturn(software.amazon.awssdk.services.directconnect
                .model.DescribeVirtualInterfacesResponse.builder().virtualInterfaces(
                        io.github.dxfailover.service.MockedAws.dxVif(VIF_A, "available", "up"),
                        io.github.dxfailover.service.MockedAws.dxVif(VIF_B, "available", "up"),
                        io.github.dxfailover.service.MockedAws.dxVif(VIF_C, "available", "up")).build());
        Mockito.when(sns.publish(ArgumentMatchers.any(software.amazon.awssdk.services.sns.model.PublishRequest.class)))
                .thenReturn(software.amazon.awssdk.services.sns.model.PublishResponse.builder().messageId("m").build());
        return dx;
    }

    public static Map<String, Object> command(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
