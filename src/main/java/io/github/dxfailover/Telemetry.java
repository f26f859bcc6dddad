package io.github.dxfailover;

import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.metrics.MetricLines;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.service.RetryableFailure;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decision log line per invocation and its CloudWatch Embedded Metric Format lines
 * ({@link MetricLines}, docs/behaviour.md §11), both to standard output, where Lambda sends them to the log group.
 */
public record Telemetry(PrintStream out, Clock clock) {
    private static final Logger LOG = LoggerFactory.getLogger("decision");

    /** For SnapStart priming: its invocations must never count on the operators' dashboards. */
    static Telemetry discarding(Clock clock) {
        return new Telemetry(new PrintStream(OutputStream.nullOutputStream()), clock);
    }

    /** @param deployment the function's name: every metric's {@code Deployment} dimension (§11) */
    void record(Result r, String deployment) {
        LOG.info("{}", decision(r));
        r.errors().forEach(e -> LOG.error("outcome={} vif={} error={}", r.outcome(), vif(r), e));
        MetricLines.of(r, clock.instant(), deployment).forEach(out::println);
    }

    /** The decision line; the dashboard's "Last decisions" widget parses its outcome and VIF (template.yaml). */
    static String decision(Result r) {
        return "outcome=" + r.outcome() + " vif=" + vif(r) + " dryRun=" + r.dryRun() + " reason=" + r.message();
    }

    private static String vif(Result r) {
        return r.vifId() == null ? "none" : r.vifId();
    }

    /** A thrown invocation: ERROR, and whatever a reconcile pass had started before it failed. */
    void failed(RuntimeException e, String deployment) {
        LOG.error("outcome={} error={}", Outcome.ERROR, e.getMessage(), e);
        Result partial = e instanceof RetryableFailure rf ? rf.partial() : null;
        MetricLines.ofFailure(partial, clock.instant(), deployment).forEach(out::println);
    }
}
