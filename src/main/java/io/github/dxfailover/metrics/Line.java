package io.github.dxfailover.metrics;

import io.github.dxfailover.decision.VifDimension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One EMF object: namespace DxFailover, the deployment's dimension and, for a VIF's line, the VIF's, its metrics in
 * the order added (docs/behaviour.md §11: every dimension set carries {@code Deployment}, so that two deployments in
 * one account and region never alarm on, nor show, each other's figures). The values are written as plain JSON
 * numbers, two decimals at most.
 */
final class Line {
    private record Value(double number, String unit) {
    }

    /** The dimension every metric carries: the function's name. */
    static final String DEPLOYMENT = "Deployment";

    private final String deployment;
    private final String vifId;
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    /**
     * @param deployment the function's name, the value of its {@code Deployment} dimension
     * @param vifId      the VIF of its {@code VirtualInterfaceId} dimension, or null for the deployment's alone
     */
    Line(String deployment, String vifId) {
        this.deployment = deployment;
        this.vifId = vifId;
    }

    /** One more of a count. */
    void count(String name) {
        Value v = values.get(name);
        values.put(name, new Value(v == null ? 1 : v.number() + 1, MetricLines.COUNT));
    }

    void value(String name, double number, String unit) {
        values.put(name, new Value(number, unit));
    }

    /** A member that is not a metric (null writes JSON null). */
    void property(String name, String value) {
        properties.put(name, value);
    }

    String json(Instant at) {
        StringBuilder metrics = new StringBuilder();
        StringBuilder members = new StringBuilder();
        values.forEach((name, v) -> {
            metrics.append(metrics.isEmpty() ? "" : ",")
                    .append("{\"Name\":\"").append(name).append("\",\"Unit\":\"").append(v.unit()).append("\"}");
            members.append(",\"").append(name).append("\":").append(number(v.number()));
        });
        // A Lambda function's name is letters, digits, hyphens and underscores: nothing to escape.
        members.append(",\"").append(DEPLOYMENT).append("\":\"").append(deployment).append('"');
        if (vifId != null) {
            members.append(",\"").append(VifDimension.NAME).append("\":\"").append(vifId).append('"');
        }
        properties.forEach((name, value) -> members.append(",\"").append(name).append("\":")
                .append(value == null ? "null" : "\"" + value + "\""));
        String dimensions = vifId == null ? "[[\"" + DEPLOYMENT + "\"]]"
                : "[[\"" + DEPLOYMENT + "\",\"" + VifDimension.NAME + "\"]]";
        return "{\"_aws\":{\"Timestamp\":" + at.toEpochMilli() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + MetricLines.NAMESPACE + "\",\"Dimensions\":" + dimensions + ",\"Metrics\":[" + metrics + "]}]}"
                + members + "}";
    }

    private static String number(double n) {
        return BigDecimal.valueOf(n).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
