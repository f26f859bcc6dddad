package io.github.dxfailover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's {@code status}: a preflight that changes nothing (docs/behaviour.md §14). It reads
 * every listed VIF with each BGP peer, running tests and alarms in ALARM, checks the topic and the
 * support plan, and says whether the function is ready and every reason it is not. A read that fails
 * here is a reason, not an exception: a status must always answer.
 */
final class StatusReport {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReport.class);

    private final FailoverConfig config;
    private final DirectConnect dx;
    private final SnsTopic topic;
    private final SupportCases supportCases;
    private final CloudWatchAlarms alarms;

    StatusReport(FailoverConfig config, DirectConnect dx, SnsTopic topic, SupportCases supportCases,
                 CloudWatchAlarms alarms) {
        this.config = config;
        this.dx = dx;
        this.topic = topic;
        this.supportCases = supportCases;
        this.alarms = alarms;
    }

    Result run() {
        List<String> reasons = new ArrayList<>();
        VifStates states = dx.readStates(config.vifIds()); // nothing to report without it: throws like any read
        Map<String, List<String>> alarmed = Map.of();
        try {
            alarmed = Reconcile.alarmNamesByVif(config, alarms.inAlarm());
        } catch (FailoverException e) {
            LOG.warn("alarms unavailable for status", e);
            reasons.add(e.getMessage() + ": the reconcile pass would fail the same way");
        }
        List<String> vifLines = new ArrayList<>();
        for (VifState vif : states.byId().values()) {
            vifLines.add(vifLine(vif, alarmed.getOrDefault(vif.id(), List.of())));
            vifReason(vif).ifPresent(reasons::add);
        }
        long healthy = states.healthyCount();
        long spare = Math.max(0, healthy - config.minVifs());
        if (spare == 0) {
            reasons.add("only " + healthy + " healthy VIF(s) and MINVIFS is " + config.minVifs()
                    + ": no VIF can be taken out right now");
        }
        topic.problem().ifPresent(reasons::add);
        supportCases.problem().ifPresent(reasons::add);

        Preflight preflight = Preflight.of(reasons);
        String message = (preflight.ready() ? "READY: " : "NOT READY (" + reasons.size() + " reason(s): "
                + String.join("; ", reasons) + "): ")
                + healthy + " of " + states.byId().size() + " listed VIFs healthy, MINVIFS is " + config.minVifs()
                + ", " + spare + " can be taken out now" + (config.dryRun() ? ", DRY_RUN is on" : "")
                + ". " + String.join("; ", vifLines);
        return Result.of(Outcome.STATUS, null, message, states, config.dryRun()).withPreflight(preflight);
    }

    /** "dxvif-… available, BGP ipv4 up, ipv6 down [ipv4 169.254.10.2/30 AS 65000 up; …], healthy, alarms in ALARM: …" */
    private String vifLine(VifState vif, List<String> alarmNames) {
        StringBuilder line = new StringBuilder(vif.id()).append(' ').append(vif.describe());
        if (Decision.TESTING.equals(vif.state())) {
            line.append(runningTestNote(vif.id()));
        }
        if (!vif.peers().isEmpty()) {
            line.append(" [").append(vif.peerDetails()).append(']');
        }
        line.append(vif.healthy() ? ", healthy" : ", not healthy");
        if (!alarmNames.isEmpty()) {
            line.append(", alarms in ALARM: ").append(String.join(", ", alarmNames));
        }
        return line.toString();
    }

    /** A listed VIF that is missing, down or half-down is something to fix or know; one under test is not. */
    private static java.util.Optional<String> vifReason(VifState vif) {
        if (VifState.MISSING.equals(vif.state())) {
            return java.util.Optional.of(vif.id() + " is not returned by Direct Connect in this account and region: "
                    + "fix VIFLIST");
        }
        if (Decision.TESTING.equals(vif.state())) {
            return java.util.Optional.empty();
        }
        if (!vif.healthy()) {
            return java.util.Optional.of(vif.id() + " carries no traffic (" + vif.describe() + ")");
        }
        if (vif.halfDown()) {
            return java.util.Optional.of(vif.id() + " has BGP sessions down (" + vif.peerDetails() + ")");
        }
        return java.util.Optional.empty();
    }

    /** " (failover test … until …)"; a failed look-up is said, not thrown. */
    private String runningTestNote(String vifId) {
        try {
            return dx.runningTest(vifId).map(t -> " (failover test " + t.testId() + " until " + t.endsAt() + ")")
                    .orElse(" (no running test found)");
        } catch (RuntimeException e) {
            LOG.warn("test history of {} unavailable", vifId, e);
            return " (test history unavailable: " + AwsErrors.text(e) + ")";
        }
    }
}
