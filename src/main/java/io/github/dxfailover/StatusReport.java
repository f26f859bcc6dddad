package io.github.dxfailover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's {@code status}: a preflight that changes nothing and notifies no one
 * (docs/behaviour.md §14). It reads every listed VIF with each BGP peer, running tests and alarms
 * in ALARM, checks the topic, the support plan and this function's right to run failover tests on
 * each VIF, and says whether the function is ready and every reason it is not. A read that fails
 * here is a reason, not an exception: a status must always answer.
 */
final class StatusReport {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReport.class);
    private static final String ACCESS_DENIED = "AccessDeniedException";

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
        VifStates states;
        try {
            states = dx.readStates(config.vifIds());
        } catch (FailoverException e) {
            LOG.warn("VIF states unavailable for status", e);
            reasons.add(e.getMessage() + ": no alarm could be acted on");
            states = VifStates.of(config.vifIds(), List.of());
        }
        Map<String, List<String>> alarmed = Map.of();
        try {
            alarmed = alarmNamesByVif(alarms.inAlarm());
        } catch (FailoverException e) {
            LOG.warn("alarms unavailable for status", e);
            reasons.add(e.getMessage() + ": the reconcile pass would fail the same way");
        }
        List<String> vifLines = new ArrayList<>();
        for (VifState vif : states.byId().values()) {
            StringBuilder line = new StringBuilder(vif.id()).append(' ').append(vif.describe());
            if (!VifState.MISSING.equals(vif.state())) {
                line.append(testHistory(vif, reasons));
            }
            vifLines.add(line.append(details(vif, alarmed.getOrDefault(vif.id(), List.of()))).toString());
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

    /**
     * The VIF's running test, read with ListVirtualInterfaceTestHistory: the read-only call the role
     * allows on exactly the ARNs it may start and stop tests on. A denial means a failover on this VIF
     * would be denied too.
     */
    private String testHistory(VifState vif, List<String> reasons) {
        try {
            Optional<FailoverTest> running = dx.runningTest(vif.id());
            if (!vif.underTestNow()) {
                return "";
            }
            return running.map(t -> " (failover test " + t.testId() + " until " + t.endsAt() + ")")
                    .orElse(" (no running test found)");
        } catch (RuntimeException e) {
            LOG.warn("test history of {} unavailable", vif.id(), e);
            if (ACCESS_DENIED.equals(AwsErrors.code(e))) {
                reasons.add("this function may not run failover tests on " + vif.id() + " (" + AwsErrors.text(e)
                        + "): its role lacks the failover-test statement for this VIF's ARN; redeploy with it in VifList");
            } else if (!vif.underTestNow()) {
                reasons.add("the failover-test history of " + vif.id() + " could not be read: " + AwsErrors.text(e));
            }
            return vif.underTestNow() ? " (test history unavailable: " + AwsErrors.text(e) + ")" : "";
        }
    }

    /** " [ipv4 169.254.10.2/30 AS 65000 up; …], healthy, alarms in ALARM: …" */
    private static String details(VifState vif, List<String> alarmNames) {
        StringBuilder out = new StringBuilder();
        if (!vif.peers().isEmpty()) {
            out.append(" [").append(vif.peerDetails()).append(']');
        }
        out.append(vif.healthy() ? ", healthy" : ", not healthy");
        if (!alarmNames.isEmpty()) {
            out.append(", alarms in ALARM: ").append(String.join(", ", alarmNames));
        }
        return out.toString();
    }

    /** A listed VIF that is missing, down or half-down is something to fix or know; one under test is not. */
    private static Optional<String> vifReason(VifState vif) {
        if (VifState.MISSING.equals(vif.state())) {
            return Optional.of(vif.id() + " is not returned by Direct Connect in this account and region: fix VIFLIST");
        }
        if (vif.underTestNow()) {
            return Optional.empty();
        }
        if (!vif.healthy()) {
            return Optional.of(vif.id() + " carries no traffic (" + vif.describe() + ")");
        }
        if (vif.halfDown()) {
            return Optional.of(vif.id() + " has BGP sessions down (" + vif.peerDetails() + ")");
        }
        return Optional.empty();
    }

    /** Each listed VIF's alarms now in ALARM, by name, muted ones marked. */
    private Map<String, List<String>> alarmNamesByVif(List<FiringAlarm> firing) {
        Map<String, List<String>> byVif = new TreeMap<>();
        for (FiringAlarm alarm : firing) {
            String vifId = alarm.vifId();
            if (vifId != null && config.manages(vifId)) {
                byVif.computeIfAbsent(vifId, v -> new ArrayList<>())
                        .add(alarm.alarm().name() + (alarm.actionsEnabled() ? "" : " (actions disabled)"));
            }
        }
        return byVif;
    }
}
