package io.github.dxfailover.text;

import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.aws.SnsTopic;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.VifState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the status preflight says (docs/behaviour.md §14): every reason, and the message that sums it up. */
public final class StatusText {
    private StatusText() {
    }

    public static String vifsUnreadable(AwsCallFailed e) {
        return Messages.failed(e) + ": no alarm could be acted on";
    }

    public static String alarmsUnreadable(AwsCallFailed e) {
        return Messages.failed(e) + ": the reconcile pass would fail the same way";
    }

    /** How status lists a VIF's alarm in ALARM: muted ones marked. */
    public static String alarmName(FiringAlarm alarm) {
        return alarm.alarm().name() + (alarm.actionsEnabled() ? "" : " (actions disabled)");
    }

    /** " (failover test T until E)" for a VIF under test, or that none was found. */
    public static String runningTest(Optional<FailoverTestRun> running) {
        return running.map(t -> " (failover test " + t.testId() + " until " + t.endsAt() + ")")
                .orElse(" (no running test found)");
    }

    public static String testHistoryUnavailable(AwsCallFailed e) {
        return " (test history unavailable: " + e.awsText() + ")";
    }

    /**
     * ListVirtualInterfaceTestHistory denied: the role has no failover-test statement for this VIF's ARN (VIFLIST), or
     * its statement names another group than the one the VIF is tagged with (VIFGROUP, docs/behaviour.md §12, §18).
     */
    public static String mayNotTest(String vifId, ManagedVifs managed, AwsCallFailed e) {
        String group = VifText.groupOf(managed);
        return "this function may not run failover tests on " + vifId + " (" + e.awsText() + "): " + (group == null
                ? "its role lacks the failover-test statement for this VIF's ARN; redeploy with it in VifList"
                : "its role's failover-test statement does not allow VIFs tagged " + VifText.groupTag(group)
                + "; redeploy the stack with VifGroup " + group + " (or give the role lambda-iam-policy-group.json "
                + "with this group)");
    }

    /** A group with fewer than MINVIFS+1 VIFs: none can ever be taken out (docs/behaviour.md §18). */
    public static String groupTooSmall(String group, int tagged, int minVifs) {
        return tagged + " VIF(s) carry the tag " + VifText.groupTag(group) + ", fewer than MINVIFS+1 = " + (minVifs + 1)
                + ": tag more VIFs with it, or lower MINVIFS, so that one can be taken out";
    }

    public static String testHistoryUnreadable(String vifId, AwsCallFailed e) {
        return "the failover-test history of " + vifId + " could not be read: " + e.awsText();
    }

    /** "dxvif-… available, BGP up (test…) [ipv4 169.254.10.2/30 AS 65000 up], healthy, alarms in ALARM: …" */
    public static String vifLine(VifState vif, String test, List<String> alarmNames, String ifTakenOut) {
        StringBuilder out = new StringBuilder(vif.id()).append(' ').append(VifText.stateAndBgp(vif)).append(test);
        if (!vif.peers().isEmpty()) {
            out.append(" [").append(VifText.peers(vif)).append(']');
        }
        out.append(vif.healthy() ? ", healthy" : ", not healthy").append(ifTakenOut);
        if (!alarmNames.isEmpty()) {
            out.append(", alarms in ALARM: ").append(String.join(", ", alarmNames));
        }
        return out.toString();
    }

    /** A listed VIF that is missing, down or half-down is something to fix or know; one under test is not. */
    public static Optional<String> vifReason(VifState vif) {
        if (VifState.MISSING.equals(vif.state())) {
            return Optional.of(vif.id() + " is not returned by Direct Connect in this account and region: fix VIFLIST");
        }
        if (vif.isUnderTest()) {
            return Optional.empty();
        }
        if (!vif.healthy()) {
            return Optional.of(vif.id() + " carries no traffic (" + VifText.stateAndBgp(vif) + ")");
        }
        if (vif.halfDown()) {
            return Optional.of(vif.id() + " has BGP sessions down (" + VifText.peers(vif) + ")");
        }
        return Optional.empty();
    }

    /** ", if taken out now the others would carry 3.0 Gbit/s on 1.0 Gbit/s: 300 % (MAX_UTILIZATION 80 %), over the limit" */
    public static String ifTakenOut(Capacity c) {
        if (!c.known()) {
            return ", capacity if taken out now unknown";
        }
        return ", if taken out now the others would carry " + CapacityText.figures(c)
                + (c.exceeded() ? ", over the limit: the capacity guard would keep it in service" : "");
    }

    /** A capacity that cannot be computed: the guard of §15 could not work. */
    public static String capacityUnknown(Capacity c) {
        return "capacity unknown (" + CapacityText.unknown(c) + "): the capacity guard could not work; fix the "
                + "missing figure or set MAX_UTILIZATION=0";
    }

    public static String capacityUnreadable(AwsCallFailed e) {
        return Messages.failed(e) + ": the capacity guard would fail the same way";
    }

    /** "dxvif-… last test 2026-11-20T03:00:00Z, last practice 2026-11-20T03:30:00Z PRACTICE_SUCCEEDED". */
    public static String practiceRecord(VifState vif, Instant lastTestStart) {
        return vif.id() + (lastTestStart == null ? " never tested" : " last test " + lastTestStart)
                + vif.lastPractice().map(r -> ", last practice " + r.endedAt() + " " + r.outcome())
                .orElse(", never practised");
    }

    /** "dxvif-… (test t-1); outcome alarms: apps 5xx OK". */
    public static String runningPractice(VifState vif, List<String> outcomeAlarms, Map<String, String> states) {
        return vif.id() + " (test " + vif.practiceTestId().orElse("?") + "); outcome alarms: " + String.join(", ",
                outcomeAlarms.stream().map(a -> a + " " + states.getOrDefault(a, "missing")).toList());
    }

    /** What the message adds of practice runs: they say whether redundancy was shown, not whether the function is ready. */
    public static String practice(List<String> notProven, List<String> blockers, String running,
                                  List<String> records, int maxAgeDays, String next) {
        return ". Practice runs: " + (running == null ? "none running" : "running on " + running)
                + "; " + String.join("; ", records)
                + (notProven.isEmpty() ? "; every VIF proven" : "; not proven (no PRACTICE_SUCCEEDED in the last "
                + maxAgeDays + " days): " + String.join(", ", notProven))
                + (blockers.isEmpty() ? "; a practice run could start now (next: " + next + ")"
                : "; a practice run could not start now: " + String.join("; ", blockers));
    }

    public static String noneCanBeTakenOut(long healthy, int minVifs) {
        return "only " + healthy + " healthy VIF(s) and MINVIFS is " + minVifs + ": no VIF can be taken out right now";
    }

    /** Why notifications could not reach the team (GetTopicAttributes failed). */
    public static String topicProblem(String topicArn, AwsCallFailed e) {
        if (SnsTopic.NOT_FOUND.equals(e.code())) {
            return "the notification topic " + topicArn + " does not exist (" + e.awsText() + "): create it or fix SNSARN";
        }
        if (SnsTopic.AUTHORIZATION_ERROR.equals(e.code())) {
            return "this function may not use the notification topic " + topicArn + " (" + e.awsText()
                    + "): its role needs sns:GetTopicAttributes and sns:Publish on it";
        }
        return "the notification topic " + topicArn + " could not be checked: " + e.awsText();
    }

    /** Why a failover could open no case (DescribeSeverityLevels failed). */
    public static String supportPlanProblem(AwsCallFailed e, boolean noSupportPlan) {
        return noSupportPlan
                ? Messages.NO_SUPPORT_PLAN + ": a failover could open no support case; subscribe, or set SUPPORT_CASE=false"
                : "the Support API could not be checked: " + e.awsText();
    }

    public static String severityNotOffered(String severity, List<String> offered) {
        return "SUPPORT_SEVERITY=" + severity + " is not offered to this account's support plan (it offers "
                + String.join(", ", offered) + ")";
    }

    /**
     * "READY: 3 of 3 listed VIFs healthy, …" (with a group "3 of 3 VIFs of group 'core' healthy, …") or
     * "NOT READY (n reason(s): …): …", then every VIF.
     */
    public static String message(List<String> reasons, long healthy, int managedCount, ManagedVifs managed,
                                 int minVifs, boolean dryRun, List<String> vifLines) {
        long spare = Math.max(0, healthy - minVifs);
        return (reasons.isEmpty() ? "READY: " : "NOT READY (" + reasons.size() + " reason(s): "
                + String.join("; ", reasons) + "): ")
                + healthy + " of " + managedCount + " " + VifText.managedVifs(managed) + " healthy, MINVIFS is " + minVifs
                + ", " + spare + " can be taken out now" + (dryRun ? ", DRY_RUN is on" : "")
                + ". " + String.join("; ", vifLines);
    }

    /** The recorded maintenance windows, for the status message: "; AWS maintenance: <event> <when> (open) on …". */
    public static String maintenance(List<io.github.dxfailover.result.MaintenanceReport> windows) {
        if (windows.isEmpty()) {
            return "";
        }
        return ". AWS maintenance: " + String.join("; ", windows.stream().map(w -> w.eventId() + " "
                + MaintenanceText.span(w.start(), w.end()) + (Boolean.TRUE.equals(w.open()) ? " (open now)" : "")
                + " on " + String.join(", ", w.vifs().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .toList()) + ": " + w.verdict() + (w.reasons().isEmpty() ? "" : " (" + String.join("; ", w.reasons())
                + ")")).toList());
    }
}
