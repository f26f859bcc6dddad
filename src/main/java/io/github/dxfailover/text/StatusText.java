package io.github.dxfailover.text;

import io.github.dxfailover.decision.Minimum;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.Topic;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.result.MaintenanceReport;
import java.time.Instant;
import java.util.ArrayList;
import io.github.dxfailover.result.Preflight;
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

    /** "failover test T until E" for a VIF under test, or that none was found. */
    public static String runningTest(Optional<FailoverTestRun> running) {
        return running.map(t -> "failover test " + t.testId() + " until " + t.endsAt())
                .orElse("no running test found");
    }

    public static String testHistoryUnavailable(AwsCallFailed e) {
        return "test history unavailable: " + e.awsText();
    }

    /**
     * ListVirtualInterfaceTestHistory denied: the role has no failover-test statement for this VIF's ARN (VIFLIST), or
     * its statement names another group than the one the VIF is tagged with (VIFGROUP, docs/behaviour.md §12, §18).
     */
    public static String mayNotTest(String vifId, ManagedVifs managed, AwsCallFailed e) {
        return denied("run failover tests on " + vifId, e, managed, "failover-test statement");
    }

    /**
     * DescribeTags denied: the role has no record statement for this VIF's ARN (VIFLIST), or its statement names another
     * group (VIFGROUP), so neither a practice run (§16) nor a maintenance window (§17) could be recorded on it.
     */
    public static String mayNotRecord(String vifId, ManagedVifs managed, AwsCallFailed e) {
        return denied("write its records (practice runs, maintenance windows) on " + vifId, e, managed,
                "record statement (TagResource, UntagResource, DescribeTags)");
    }

    private static String denied(String what, AwsCallFailed e, ManagedVifs managed, String statement) {
        String group = VifText.groupOf(managed);
        return "this function may not " + what + " (" + e.awsText() + "): " + (group == null
                ? "its role lacks the " + statement + " for this VIF's ARN; redeploy with it in VifList"
                : "its role's " + statement + " does not allow VIFs tagged " + VifText.groupTag(group)
                + "; redeploy the stack with VifGroup " + group + " (or give the role lambda-iam-policy-group.json "
                + "with this group)");
    }

    /** A group with fewer than MINVIFS+1 VIFs: none can ever be taken out (docs/behaviour.md §18). */
    public static String groupTooSmall(String group, int tagged, int minVifs) {
        return tagged + " VIF(s) carry the tag " + VifText.groupTag(group) + ", fewer than MINVIFS+1 = " + (minVifs + 1)
                + ": tag more VIFs with it" + (minVifs > 1 ? ", or lower MINVIFS," : "") + " so that one can be taken out";
    }

    /**
     * VIFs whose group tag is VIFGROUP mistyped (letter case, spaces: docs/behaviour.md §18): "no VIF carries
     * dx-failover:group='Core'; 3 carry 'core' …".
     */
    public static String groupTypo(String group, int tagged, java.util.Map<String, Long> typos) {
        return (tagged == 0 ? "no VIF carries " : tagged + " VIF(s) carry ") + VifText.groupTag(group) + "; "
                + String.join(", ", typos.entrySet().stream().map(t -> t.getValue() + " carry '" + t.getKey() + "'")
                .toList()) + ", which differs only in letter case or spaces: fix those tags or VIFGROUP";
    }

    public static String testHistoryUnreadable(String vifId, AwsCallFailed e) {
        return "the failover-test history of " + vifId + " could not be read: " + e.awsText();
    }

    /**
     * A VIF's lines: "dxvif-… available, healthy; BGP ipv4 169.254.10.2/30 up", then, indented, its running failover
     * test, what the others would carry without it and its alarms in ALARM.
     *
     * @param test what status found of its running failover test, or "" when it is not under one
     */
    public static List<String> vif(VifState vif, String test, List<String> alarmNames, String ifTakenOut) {
        List<String> out = new ArrayList<>();
        boolean missing = VifState.MISSING.equals(vif.state());
        out.add(vif.id() + " " + (missing ? "not returned by Direct Connect" : vif.state()) + ", " + health(vif) + "; "
                + (missing ? "BGP unknown" : vif.peers().isEmpty() ? "no BGP peers" : "BGP " + VifText.peersBriefly(vif)));
        if (!test.isEmpty()) {
            out.add(DETAIL + test);
        }
        if (!ifTakenOut.isEmpty()) {
            out.add(DETAIL + ifTakenOut);
        }
        if (!alarmNames.isEmpty()) {
            out.add(DETAIL + "alarms in ALARM: " + String.join(", ", alarmNames));
        }
        return out;
    }

    /**
     * "healthy" or "not healthy" (§4), with why where the line does not show it: an open maintenance window. Never
     * "not healthy (available)": the state and the peers around it say why.
     */
    private static String health(VifState vif) {
        return vif.healthy() ? "healthy"
                : vif.carriesTraffic() ? "not healthy (AWS maintenance window open)" : "not healthy";
    }

    /**
     * A listed VIF that is missing, down or half-down is something to fix or know; one under test is not, nor one that
     * carries traffic in an open maintenance window (§17: a window never makes status not ready; it counts as not
     * healthy all the same, which the minimum's reason shows when it matters).
     */
    public static Optional<String> vifReason(VifState vif) {
        if (VifState.MISSING.equals(vif.state())) {
            return Optional.of(vif.id() + " is not returned by Direct Connect in this account and region: fix VIFLIST");
        }
        if (vif.isUnderTest()) {
            return Optional.empty();
        }
        if (!vif.carriesTraffic()) {
            return Optional.of(vif.id() + " carries no traffic (" + VifText.stateAndBgp(vif) + ")");
        }
        if (vif.halfDown()) {
            return Optional.of(vif.id() + " has BGP sessions down (" + VifText.peers(vif) + ")");
        }
        return Optional.empty();
    }

    /** "taken out, the rest would carry 3.0 Gbit/s on 1.0 Gbit/s: 300 % (MAX_UTILIZATION 80 %), over the limit…" */
    public static String ifTakenOut(Capacity c) {
        if (!c.known()) {
            return "taken out, what the rest would carry is unknown";
        }
        return "taken out, the rest would carry " + CapacityText.figures(c)
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

    /** "dxvif-… last test 2026-11-20T03:00:00Z; PRACTICE_SUCCEEDED 2026-11-20T03:30:00Z", or never tested / practised. */
    public static String practiceRecord(VifState vif, Instant lastTestStart) {
        return vif.id() + (lastTestStart == null ? " never tested" : " last test " + lastTestStart)
                + vif.lastPractice().map(r -> "; " + r.outcome() + " " + r.endedAt()).orElse("; never practised");
    }

    /** "dxvif-… (test t-1); outcome alarms: apps 5xx OK". */
    public static String runningPractice(VifState vif, List<String> outcomeAlarms, Map<String, String> states) {
        return vif.id() + " (test " + vif.practiceTestId().orElse("?") + "); outcome alarms: " + (outcomeAlarms.isEmpty()
                ? "none configured" : String.join(", ",
                outcomeAlarms.stream().map(a -> a + " " + states.getOrDefault(a, "missing")).toList()));
    }

    /** A practice run whose test has ended and that no pass has judged yet (docs/behaviour.md §16). */
    public static String endedPractice(VifState vif) {
        return "none; " + vif.id() + "'s run (test " + vif.practiceTestId().orElse("?") + ") has ended, not yet "
                + "judged: the next reconcile pass judges it";
    }

    /**
     * What the message says of practice runs: they say whether redundancy was shown, not whether the function is
     * ready (docs/behaviour.md §14, §16).
     *
     * @param running the running practice run, an ended one not yet judged ({@link #endedPractice}), or null
     * @param next     the VIF a practice run would take now
     * @param calendar the weekly windows and when the calendar next lets a run start
     */
    public static List<String> practice(List<String> notProven, List<String> blockers, String running,
                                        List<String> records, int maxAgeDays, String next,
                                        Preflight.Calendar calendar) {
        List<String> out = new ArrayList<>();
        out.add("Practice runs: " + (running == null ? "none running" : running.startsWith("none; ") ? running
                : "running on " + running) + "; "
                + (blockers.isEmpty() ? "a practice run could start now (next: " + next + ")"
                : "a practice run could not start now:"));
        blockers.forEach(b -> out.add(ITEM + b));
        out.add(DETAIL.substring(2) + calendar(calendar));
        out.add(DETAIL.substring(2) + (records.isEmpty() ? "no VIF to prove"
                : notProven.isEmpty() ? "every VIF proven in the last " + maxAgeDays + " days"
                : "not proven (no PRACTICE_SUCCEEDED in the last " + maxAgeDays + " days): "
                + String.join(", ", notProven)));
        records.forEach(r -> out.add(DETAIL.substring(2) + r));
        return out;
    }

    /** "practice windows (UTC): blocked Sat:02:00-Sat:06:00; the calendar next allows a run at …". */
    static String calendar(Preflight.Calendar c) {
        String windows = !c.blockedWindows().isEmpty() ? "blocked " + String.join(", ", c.blockedWindows())
                : !c.allowedWindows().isEmpty() ? "allowed only " + String.join(", ", c.allowedWindows()) : "none";
        return "practice windows (UTC): " + windows + "; by the calendar a run could start "
                + (c.nextStart() == null ? "at no time in the next year" : "from " + c.nextStart());
    }

    public static String noneCanBeTakenOut(long healthy, int minVifs) {
        return "only " + healthy + " healthy VIF(s) and MINVIFS is " + minVifs + ": no VIF can be taken out right now";
    }

    /** Why notifications could not reach the team (GetTopicAttributes failed). */
    public static String topicProblem(String topicArn, AwsCallFailed e) {
        if (Topic.NOT_FOUND.equals(e.code())) {
            return "the notification topic " + topicArn + " does not exist (" + e.awsText() + "): create it or fix SNSARN";
        }
        if (Topic.AUTHORIZATION_ERROR.equals(e.code())) {
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
     * The first line, to read at a glance: "READY: 3 of 3 listed VIFs healthy, MINVIFS 1: 2 can be taken out now" or
     * "NOT READY: 2 reasons; 1 of 3 VIFs of group 'core' healthy, MINVIFS 1: 0 can be taken out now".
     */
    public static String headline(int reasons, long healthy, int managedCount, ManagedVifs managed, Minimum minimum,
                                  boolean dryRun) {
        return (reasons == 0 ? "READY: " : "NOT READY: " + reasons + (reasons == 1 ? " reason; " : " reasons; "))
                + healthy + " of " + managedCount + " " + VifText.managedVifs(managed) + " healthy, MINVIFS "
                + minimum.vifs() + ": " + minimum.spare(healthy) + " can be taken out now"
                + (dryRun ? " (DRY_RUN is on)" : "");
    }

    /**
     * The status message (docs/behaviour.md §14): the headline, then one line per reason, per VIF and its details,
     * practice runs and maintenance windows; no line over 100 characters.
     */
    public static String message(String headline, List<String> reasons, List<List<String>> vifs, List<String> practice,
                                 List<String> maintenance) {
        List<String> lines = new ArrayList<>();
        lines.add(headline);
        if (!reasons.isEmpty()) {
            lines.add("Reasons:");
            reasons.forEach(r -> lines.add(ITEM + r));
        }
        lines.add("VIFs:");
        vifs.forEach(v -> v.forEach(l -> lines.add("  " + l)));
        lines.addAll(practice);
        lines.addAll(maintenance);
        return Lines.join(lines);
    }

    /** The recorded maintenance windows: "AWS maintenance:", then "- <event> <when> (open now) on …: <verdict>". */
    public static List<String> maintenance(List<MaintenanceReport> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add("AWS maintenance:");
        windows.forEach(w -> out.add(ITEM + w.eventId() + " " + MaintenanceText.span(w.start(), w.end())
                + (Boolean.TRUE.equals(w.open()) ? " (open now)" : "") + " on " + String.join(", ", w.vifs().entrySet()
                .stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ": " + w.verdict()
                + (w.reasons().isEmpty() ? "" : " (" + String.join("; ", w.reasons()) + ")")));
        return out;
    }

    private static final String ITEM = "  - ";
    private static final String DETAIL = "    ";
}
