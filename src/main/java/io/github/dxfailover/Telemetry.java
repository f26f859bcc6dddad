package io.github.dxfailover;

import io.github.dxfailover.config.VifId;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.service.RetryableFailure;
import java.io.OutputStream;
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
public record Telemetry(PrintStream out, Clock clock) {
    static final String NAMESPACE = "DxFailover";
    private static final Logger LOG = LoggerFactory.getLogger("decision");

    /** For SnapStart priming: its invocations must never count on the operators' dashboards. */
    static Telemetry discarding(Clock clock) {
        return new Telemetry(new PrintStream(OutputStream.nullOutputStream()), clock);
    }

    void record(Result r) {
        String vif = r.vifId() == null ? "none" : r.vifId();
        LOG.info("outcome={} vif={} dryRun={} reason={}", r.outcome(), vif, r.dryRun(), r.message());
        r.errors().forEach(e -> LOG.error("outcome={} vif={} error={}", r.outcome(), vif, e));
        out.println(emf(counts(r.outcome(), r), r.errors().size(), r.vifId()));
    }

    /** A thrown invocation: ERROR, and whatever a reconcile pass had started before it failed. */
    void failed(RuntimeException e) {
        LOG.error("outcome={} error={}", Outcome.ERROR, e.getMessage(), e);
        Result partial = e instanceof RetryableFailure rf ? rf.partial() : null;
        out.println(emf(counts(Outcome.ERROR, partial), 1, null));
    }

    /**
     * The invocation's outcome, then one count per per-VIF outcome of a reconcile pass (its starts are FAILED_OVER),
     * and the practice run's outcome when the invocation ended or judged one.
     */
    private static Map<String, Integer> counts(Outcome outcome, Result r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(outcome.name(), 1);
        if (r != null && r.reconciled() != null) {
            r.reconciled().actions().forEach(a -> counts.merge(a.outcome().name(), 1, Integer::sum));
        }
        if (r != null && r.practice() != null && r.practice().outcome() != outcome) {
            // A practice run a reconcile pass or an alarm event ended or judged: one metric per practice outcome.
            counts.merge(r.practice().outcome().name(), 1, Integer::sum);
        }
        return counts;
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
