package io.github.dxfailover.text;

import io.github.dxfailover.decision.Minimum;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.SupportDesk;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.decision.ReconcilePlan;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.CapacityReport;
import io.github.dxfailover.result.CaseNotOpened;
import io.github.dxfailover.result.ReconcileAction;
import java.time.Instant;
import java.util.List;

/** The result's one-sentence {@code message}s and {@code errors} (docs/behaviour.md §10), and what a failure says. */
public final class Messages {
    private Messages() {
    }

    /**
     * Why the decision was taken, in one sentence.
     *
     * @param trigger what asked (the alarm, for IGNORED), or null for a restore
     * @param seen    the VIF states the decision was made on
     */
    public static String reason(Decision d, Trigger trigger, VifStates seen, FailoverConfig config) {
        String vif = d.vifId();
        String count = seen.healthyCount() + " healthy VIF(s), MINVIFS is " + Minimum.of(config).vifs() + ": ";
        return switch (d.why()) {
            case NOT_IN_ALARM -> "alarm state is " + ((Alarm) trigger).state()
                    + ", only ALARM acts";
            case WATCH_ALARM -> "alarm '" + trigger.title() + "' is a practice-run watch, and no practice run is on: "
                    + "nothing to do";
            case SETTLING -> "alarm '" + trigger.title() + "' on " + vif + " is presumed to be the practice run's doing "
                    + "until " + PracticeRecord.SETTLING.toMinutes() + " minutes after it ended, so it is not acted on";
            case MUTED -> "alarm '" + trigger.title() + "' has its actions disabled (muted by an operator), so it is "
                    + "not acted on";
            case NAMES_NO_VIF -> "the alarm names no VIF: its name must start with the VIF ID (dxvif-…), or its metric "
                    + "must have exactly one VirtualInterfaceId dimension outside AWS/DX and DxFailover";
            case ONLY_AWS_DX_OR_OWN_DIMENSIONS -> "the alarm names no VIF: its VirtualInterfaceId dimension is on an "
                    + "AWS/DX metric, which measures the VIF's load or BGP state, or on this function's own DxFailover "
                    + "metrics, which say what it read and decided; neither measures the path over the VIF, so such an "
                    + "alarm acts only when its name starts with the VIF ID (dxvif-…)";
            case NOT_LISTED -> vif + " " + VifText.outside(VifText.groupOf(config.managed())) + ", so it is never touched";
            case OTHER_GROUP -> vif + " carries the tag " + VifText.groupTag(seen.otherGroup(vif).orElse(""))
                    + ": another deployment manages it, so this one never touches it and notifies no one";
            case GROUP_TYPO -> vif + " carries the tag " + VifText.groupTag(seen.otherGroup(vif).orElse(""))
                    + ", which differs from VIFGROUP only in letter case or spaces: a typo, so it is not managed; fix the "
                    + "tag or VIFGROUP";
            case NOT_HEALTHY -> vif + " already carries no traffic (" + VifText.stateAndBgp(seen.get(vif))
                    + "), nothing to do";
            case IN_MAINTENANCE -> vif + " is in an AWS maintenance window ("
                    + seen.get(vif).maintenance().map(MaintenanceText::window).orElse("recorded") + "): no failover test "
                    + "during maintenance, and it does not count as healthy";
            case AT_MINIMUM -> count + "taking " + vif + " out would go below the minimum";
            case OVER_CAPACITY -> count + "taking " + vif + " out would leave the other VIFs "
                    + CapacityText.figures(d.capacity()) + ", more than they can carry";
            case WOULD_START -> count + "would start the BGP failover test on " + vif + DRY_RUN
                    + CapacityText.note(d.capacity());
            case STARTING -> count + "starting the BGP failover test on " + vif + CapacityText.note(d.capacity());
            case NO_TEST_RUNNING -> vif + " has no failover test running (" + VifText.stateAndBgp(seen.get(vif)) + ")";
            case WOULD_STOP -> "would stop the BGP failover test on " + vif + DRY_RUN;
            case STOPPING -> "stopping the BGP failover test on " + vif;
        };
    }

    private static final String DRY_RUN = " (DRY_RUN)";

    /** The message once the failover test runs; {@code capacity} is the decision's (null: not checked). */
    public static String started(FailoverTestRun test, String vifId, int minutes, Capacity capacity) {
        return "BGP failover test " + test.testId() + " started on " + vifId + " for " + minutes + " minutes; "
                + comesBackAt(vifId, test.endsAt()) + CapacityText.note(capacity);
    }

    /** The capacity step as the result shows it. */
    public static CapacityReport capacityReport(Capacity c) {
        return c == null ? null : new CapacityReport(c, c.known() ? null : CapacityText.unknown(c));
    }

    /** "BGP on dxvif-… comes back by itself at …": what every started test's message says. */
    static String comesBackAt(String vifId, Instant endsAt) {
        return "BGP on " + vifId + " comes back by itself at " + endsAt;
    }

    /** The message, and the notification's "Done", once a restore stopped the test. */
    public static String stopped(FailoverTestRun test, String vifId) {
        return "BGP failover test " + test.testId() + " on " + vifId + " was stopped; its BGP sessions come back up now";
    }

    /**
     * What a failed call means for the invocation, for the message of the failure Lambda retries and
     * for the ERROR notification (docs/behaviour.md §8).
     */
    public static String failed(AwsCallFailed e) {
        String aws = e.awsText();
        return switch (e.call()) {
            case DESCRIBE_VIRTUAL_INTERFACES -> "reading the VIF states from Direct Connect failed (nothing was changed): "
                    + aws;
            case START_BGP_FAILOVER_TEST -> "starting the BGP failover test on " + e.vifId() + " failed: " + aws;
            case STOP_BGP_FAILOVER_TEST -> "stopping the BGP failover test on " + e.vifId() + " failed: " + aws;
            case DESCRIBE_ALARMS -> "reading the alarms in ALARM from CloudWatch failed (nothing was changed): " + aws;
            case DESCRIBE_CONNECTIONS, DESCRIBE_LAGS -> "reading the connections' bandwidth from Direct Connect ("
                    + e.call().operation() + ") failed (nothing was changed): " + aws;
            case GET_METRIC_DATA -> "reading the VIFs' traffic from CloudWatch failed (nothing was changed): " + aws;
            case TAG_RESOURCE, UNTAG_RESOURCE -> "writing the function's record (a dx-failover:* tag) on " + e.vifId() + " (" + e.call().operation()
                    + ") failed: " + aws;
            case PUBLISH -> "notification not sent (nothing was changed): " + aws;
            default -> e.call().operation() + " failed (nothing was changed): " + aws;
        };
    }

    /**
     * The invocation has too little time left to start a failover test and still open its case and notify
     * (docs/behaviour.md §8): nothing was changed, and Lambda's retry gets a fresh timeout.
     */
    public static String noTimeToStart(String vifId) {
        return "too little of the function's time was left to start the BGP failover test on " + vifId
                + " and still open its case and notify (nothing was changed); Lambda retries the event";
    }

    /** A notification that failed after a change: reported in {@code errors}, never thrown (docs/behaviour.md §8). */
    public static String notificationNotSent(AwsCallFailed e) {
        // No AWS error code: no answer came (a timeout), so SNS may have delivered it; it is not sent again (§8).
        return e.code() == null ? "notification not sent, or sent without an answer (Publish: " + e.awsText()
                + "): SNS may have delivered it" : "notification not sent: " + e.awsText();
    }

    /** A PutEvents that failed or was refused (docs/behaviour.md §20): nothing else changes. */
    public static String eventNotPut(AwsCallFailed e) {
        return "event not put on the EventBridge bus (PutEvents: " + e.awsText() + "); the outcome stands";
    }

    /** The event's detail left out {@code vifs} to fit EventBridge's entry limit (docs/behaviour.md §20). */
    public static String eventWithoutVifs(int bytes, int limit) {
        return "the EventBridge event leaves out 'vifs': with them it was " + bytes + " bytes, over the " + limit
                + " an entry may hold";
    }

    /** Even without {@code vifs} the event would not fit: none is put. */
    public static String eventTooLarge(int bytes, int limit) {
        return "event not put on the EventBridge bus: it is " + bytes + " bytes even without 'vifs', over the "
                + limit + " an entry may hold";
    }

    /** Why no case was opened, for {@code errors} and the notification (docs/behaviour.md §6). */
    public static String caseNotOpened(CaseNotOpened c) {
        if (c.maybeOpen()) {
            return "support case: CreateCase got no answer (" + c.awsError() + "), so a case may be open: look in the "
                    + "AWS Support Center (Your support cases) before opening one; the function does not send it again; "
                    + "the failover stands";
        }
        return "support case not opened: " + (c.noSupportPlan() ? NO_SUPPORT_PLAN : c.awsError()) + "; the failover stands";
    }

    static final String NO_SUPPORT_PLAN = "this account has no Business or Enterprise support plan ("
            + SupportDesk.SUBSCRIPTION_REQUIRED + ")";

    /** A misconfigured function's answer to everything (docs/behaviour.md §5). */
    public static String misconfigured(List<String> problems) {
        // The first problem by name: an operator reading one line learns what to fix (issue 32).
        return "the function is misconfigured: " + (problems.isEmpty() ? "no problem named" : problems.get(0))
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "")
                + "; nothing was done";
    }

    /**
     * The one sentence of a reconcile pass (docs/behaviour.md §13): what it found, gave back, did and left aside.
     *
     * @param givenBack the VIFs it gave back (§19), or would have under DRY_RUN
     */
    public static String reconciled(int firing, ReconcilePlan plan, List<ReconcileAction> actions, int givenBack,
                                    int deferred, boolean dryRun) {
        return "reconcile: " + firing + " alarm(s) in ALARM on " + plan.steps().size() + " listed VIF(s); "
                + (givenBack > 0 ? (dryRun ? "would have given back " : "gave back ") + givenBack
                + " VIF(s) to hold the minimum, " : "")
                + "started " + count(actions, Outcome.FAILED_OVER) + " failover test(s)"
                + (dryRun ? " (DRY_RUN: " + (count(actions, Outcome.DRY_RUN) - givenBack) + " would have)" : "")
                + ", " + count(actions, Outcome.MINIMUM_REACHED) + " held in service by the minimum, "
                + count(actions, Outcome.CAPACITY_REACHED) + " by the capacity, "
                + count(actions, Outcome.ALREADY_UNAVAILABLE) + " already out of service"
                + (count(actions, Outcome.IN_MAINTENANCE) > 0 ? ", " + count(actions, Outcome.IN_MAINTENANCE)
                + " in a maintenance window" : "")
                + (deferred > 0 ? ", " + deferred + " left for the next pass (the function's time ran short)" : "")
                + "; left aside: " + plan.muted() + " muted, " + plan.unlisted() + " naming unlisted VIFs, "
                + plan.namingNoVif() + " naming no VIF"
                + (plan.settling() > 0 ? ", " + plan.settling() + " on a VIF settling after a practice run" : "");
    }

    private static long count(List<ReconcileAction> actions, Outcome outcome) {
        return actions.stream().filter(a -> a.outcome() == outcome).count();
    }
}
