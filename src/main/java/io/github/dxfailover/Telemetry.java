package io.github.dxfailover;

import java.io.PrintStream;
import java.time.Clock;
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
        out.println(emf(r.outcome(), r.errors().size(), r.vifId()));
    }

    void failed(RuntimeException e) {
        LOG.error("outcome={} error={}", Outcome.ERROR, e.getMessage(), e);
        out.println(emf(Outcome.ERROR, 1, null));
    }

    /** An EMF object: CloudWatch Logs turns it into metrics without a PutMetricData call. */
    String emf(Outcome outcome, int errors, String vifId) {
        return "{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + outcome + "\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Errors\",\"Unit\":\"Count\"}]}]},\"" + outcome + "\":1,\"Errors\":" + errors
                + ",\"outcome\":\"" + outcome + "\",\"virtualInterfaceId\":" + (VifId.isValid(vifId) ? "\"" + vifId + "\"" : "null")
                + "}";
    }
}
