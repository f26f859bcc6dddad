package io.github.dxfailover;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decision log line and one CloudWatch Embedded Metric Format line per invocation (docs/behaviour.md §11):
 * namespace DxFailover, a count metric named after the outcome, and {@code Errors}.
 */
record Telemetry(PrintStream out, Clock clock) {
    static final String NAMESPACE = "DxFailover";
    private static final Logger LOG = LoggerFactory.getLogger("decision");

    void record(Result r) {
        String vif = r.vifId() == null ? "none" : r.vifId();
        LOG.info("outcome={} vif={} dryRun={} reason={}", r.outcome(), vif, r.dryRun(), r.message());
        r.errors().forEach(e -> LOG.error("outcome={} vif={} error={}", r.outcome(), vif, e));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(r.outcome().name(), 1);
        if (r.reconciled() != null) {
            // One metric per per-VIF outcome of the pass: reconcile's starts count as FAILED_OVER like any other.
            r.reconciled().actions().forEach(a -> counts.merge(a.outcome().name(), 1, Integer::sum));
        }
        out.println(emf(counts, r.errors().size(), r.vifId()));
    }

    void failed(RuntimeException e) {
        LOG.error("outcome={} error={}", Outcome.ERROR, e.getMessage(), e);
        out.println(emf(Map.of(Outcome.ERROR.name(), 1), 1, null));
    }

    String emf(Outcome outcome, int errors, String vifId) {
        return emf(Map.of(outcome.name(), 1), errors, vifId);
    }

    /**
     * An EMF object: CloudWatch Logs turns it into metrics without a PutMetricData call. The first
     * count names the invocation's outcome.
     */
    String emf(Map<String, Integer> counts, int errors, String vifId) {
        StringBuilder metrics = new StringBuilder();
        StringBuilder values = new StringBuilder();
        counts.forEach((name, n) -> {
            metrics.append("{\"Name\":\"").append(name).append("\",\"Unit\":\"Count\"},");
            values.append('"').append(name).append("\":").append(n).append(',');
        });
        String outcome = counts.keySet().iterator().next();
        return "{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[]],\"Metrics\":[" + metrics + "{\"Name\":\"Errors\",\"Unit\":\"Count\"}]}]},"
                + values + "\"Errors\":" + errors + ",\"outcome\":\"" + outcome + "\",\"virtualInterfaceId\":"
                + (VifId.isValid(vifId) ? "\"" + vifId + "\"" : "null") + "}";
    }
}
