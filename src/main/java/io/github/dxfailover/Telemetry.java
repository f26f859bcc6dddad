package io.github.dxfailover;

import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decision log line and one CloudWatch Embedded Metric Format line per invocation (SPEC §11):
 * namespace DxFailover, a count metric named after the outcome, and {@code Errors}.
 */
final class Telemetry {
    static final String NAMESPACE = "DxFailover";
    private static final Logger LOG = LoggerFactory.getLogger("decision");

    private final PrintStream out;
    private final Clock clock;

    Telemetry(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void record(FailoverResult r) {
        LOG.info("outcome={} vif={} dryRun={} reason={}", r.outcome(), r.vifId(), r.dryRun(), r.message());
        r.errors().forEach(e -> LOG.error("outcome={} vif={} error={}", r.outcome(), r.vifId(), e));
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
                + ",\"outcome\":\"" + outcome + "\",\"virtualInterfaceId\":" + (VifIds.isVifId(vifId) ? "\"" + vifId + "\"" : "null")
                + "}";
    }
}
