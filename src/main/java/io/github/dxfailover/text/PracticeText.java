package io.github.dxfailover.text;

import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.config.PracticeSettings;
import io.github.dxfailover.config.WeeklyWindow;
import io.github.dxfailover.decision.MaintenanceWindow;
import io.github.dxfailover.decision.Practice.Blocker;
import io.github.dxfailover.decision.Practice.Ending;
import io.github.dxfailover.decision.Practice.Judgement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What practice runs say (docs/behaviour.md §16): blockers, starts, endings and the evidence. */
public final class PracticeText {
    private PracticeText() {
    }

    /** One reason a practice run cannot start now. */
    public static String blocker(Blocker b) {
        return switch (b.block()) {
            case VIF_NOT_LISTED -> b.subject() + " " + VifText.outside(b.detail()) + ", so it is never touched";
            case NO_OUTCOME_ALARM -> "no outcome alarm is configured (PRACTICE_OUTCOME_ALARMS): nothing could end a "
                    + "run that hurts the applications";
            case ALARM_MISSING -> "alarm '" + b.subject() + "' does not exist: a misspelt watch alarm would never end a run";
            case OUTCOME_ALARM_NOT_OK -> "outcome alarm '" + b.subject() + "' is " + b.detail() + ", not OK";
            case BLOCKING_ALARM_IN_ALARM -> "blocking alarm '" + b.subject() + "' is in ALARM";
            case BLOCKED_DATE -> "today (" + b.subject() + ", UTC) is in PRACTICE_BLOCKED_DATES";
            case BLOCKED_WINDOW -> RUN + " would overlap blocked window " + b.subject()
                    + " (PRACTICE_BLOCKED_WINDOWS, UTC); " + instead(b.detail());
            case LEAVES_ALLOWED_WINDOW -> RUN + " would outlast allowed window " + b.subject()
                    + " (PRACTICE_ALLOWED_WINDOWS, UTC); " + instead(b.detail());
            case OUTSIDE_ALLOWED_WINDOWS -> "now is in no window of PRACTICE_ALLOWED_WINDOWS (UTC); " + instead(b.detail())
                    + (b.subject() == null ? "" : ", in allowed window " + b.subject());
            case NO_ALLOWED_WINDOW_HOLDS_IT -> RUN + " takes " + b.detail() + " minutes, longer than any window of "
                    + "PRACTICE_ALLOWED_WINDOWS (UTC; the longest, " + b.subject() + ", is "
                    + WeeklyWindow.parse(b.subject()).minutes() + "): ask for fewer minutes";
            case VIF_UNDER_TEST -> b.subject() + " is under a failover test";
            case VIF_NOT_HEALTHY -> b.subject() + " carries no traffic (" + b.detail() + ")";
            case ALARM_NAMES_LISTED_VIF -> "alarm '" + b.subject() + "' on " + b.detail() + " is in ALARM";
            case AT_MINIMUM -> "the healthy VIFs are not more than MINVIFS: none can be taken out";
            case CAPACITY_UNKNOWN -> "the capacity without " + b.subject() + " cannot be known (a practice run needs "
                    + "it: see status)";
            case CAPACITY_EXCEEDED -> "the other VIFs could not carry " + b.subject() + "'s traffic";
            case MAINTENANCE -> "an AWS maintenance window on " + b.subject() + " ("
                    + MaintenanceWindow.parse(b.detail()).map(MaintenanceText::window).orElse("recorded")
                    + ") overlaps the run and its settling";
        };
    }

    private static final String RUN = "the run (its test and " + PracticeSettings.SETTLING_MINUTES
            + " minutes of settling)";

    /** When the calendar lets a run start instead: "it could start at 2026-12-12T06:00:00Z instead". */
    private static String instead(String at) {
        return at == null ? "no start in the next year lets it fit the weekly windows (and PRACTICE_BLOCKED_DATES)"
                : "it could start at " + at + " instead";
    }

    public static List<String> blockers(List<Blocker> blockers) {
        return blockers.stream().map(PracticeText::blocker).toList();
    }

    /** @param vifId the VIF it would have taken, or null when there is none (an empty group, §18) */
    public static String blocked(String vifId, List<String> reasons) {
        return "no practice run" + (vifId == null ? "" : " on " + vifId) + ": " + String.join("; ", reasons);
    }

    public static String wouldStart(String vifId, int minutes) {
        return "would start a " + minutes + "-minute practice run on " + vifId + " (DRY_RUN)";
    }

    public static String started(String vifId, String testId, int minutes, Instant endsAt, PracticeSettings p) {
        return "practice run: BGP failover test " + testId + " started on " + vifId + " for " + minutes + " minutes; "
                + Messages.comesBackAt(vifId, endsAt) + "; watching " + String.join(", ", p.outcomeAlarms());
    }

    public static String tagFailed(String vifId, String testId, String awsText) {
        return "practice run on " + vifId + " stopped at once: its record could not be written (TagResource: "
                + awsText + "), and a run the function cannot track must not go on (test " + testId + ")";
    }

    /** How long a run had gone: "12 min". */
    static String ran(Instant started, Instant ended) {
        long minutes = started == null || ended == null ? 0 : Math.max(0, Duration.between(started, ended).toMinutes());
        return minutes + " min";
    }

    public static String ended(String vifId, Ending e, Instant started, Instant ended) {
        return "practice run on " + vifId + " ended after " + ran(started, ended) + ": " + why(e)
                + "; its BGP sessions come back up now";
    }

    /** What DRY_RUN kept the watch from doing to a running run: it goes on, and nothing is recorded. */
    public static String wouldEnd(String vifId, Ending e, Instant started, Instant now) {
        return "practice run on " + vifId + " would end after " + ran(started, now) + ": " + why(e)
                + " (DRY_RUN: its failover test goes on, and nothing is recorded)";
    }

    private static String why(Ending e) {
        return switch (e.why()) {
            case OUTCOME_ALARM -> "outcome alarm '" + e.subject() + "' went to ALARM";
            case BLOCKING_ALARM -> "blocking alarm '" + e.subject() + "' went to ALARM";
            case ALARM_ON_OTHER_VIF -> "alarm '" + e.subject() + "' on another listed VIF is in ALARM";
            case OTHER_VIF_NOT_HEALTHY -> e.subject() + " is no longer healthy";
            case OPERATOR -> "ended by an operator";
            case MAINTENANCE -> "an AWS maintenance window opened on " + e.subject();
            case BLOCKED_WINDOW -> "blocked window " + e.subject() + " (PRACTICE_BLOCKED_WINDOWS, UTC) is open";
            case OUTSIDE_ALLOWED_WINDOWS -> "no window of PRACTICE_ALLOWED_WINDOWS (UTC) is open";
            case DECIDED_EARLIER -> "as an earlier invocation decided (it could not finish the record or the message)";
        };
    }

    /** What DRY_RUN kept the judging of an ended run from writing. */
    public static final String NOT_RECORDED = " (DRY_RUN: not recorded on the VIF's tag)";

    /** "dxvif-A carried 2.1 Gbit/s before and 0 bit/s during; the other VIFs rose from 1.0 to 3.1 Gbit/s". */
    public static String evidence(String vifId, Judgement j) {
        return vifId + " carried " + CapacityText.rate(j.practisedBefore()) + " before and "
                + CapacityText.rate(j.practisedDuring()) + " during; the other VIFs rose from "
                + CapacityText.rate(j.othersBefore()) + " to " + CapacityText.rate(j.othersDuring());
    }

    /** A run that must end and whose test could not be stopped (docs/behaviour.md §8). */
    public static String notStopped(String vifId, Ending e, String why) {
        return "practice run on " + vifId + " must end (" + why(e) + ") but its failover test could not be stopped: "
                + why + "; the function tries again (Lambda's retry, the next pass); to end it now, invoke "
                + "{\"action\": \"restore\", \"virtualInterfaceId\": \"" + vifId + "\"}";
    }

    /** A run an earlier invocation recorded but could not tell (docs/behaviour.md §8): told now, as recorded. */
    public static String retold(String vifId, PracticeRecord record) {
        return "practice run on " + vifId + " (test " + record.testId() + ") ended " + record.endedAt() + " as "
                + record.outcome() + ", recorded then on the VIF's tag; told now, since the message could not be sent "
                + "or the run's tag removed then (this may repeat a message already sent)";
    }

    public static String judged(String vifId, Judgement j) {
        if (j.why() == null) {
            return "practice run on " + vifId + " succeeded: " + evidence(vifId, j);
        }
        String why = switch (j.why()) {
            case NO_DATAPOINTS -> "CloudWatch has no AWS/DX datapoints for every listed VIF before and during the run; "
                    + "check the VIFs' metrics";
            case NOTHING_TO_MOVE -> vifId + " carried under 1 Mbit/s before the run: there was nothing to move; "
                    + "practise when it carries traffic";
            case STILL_CARRYING -> vifId + " still carried over 10 % of its traffic during the run; check that the "
                    + "test took all its BGP sessions down";
            case NOT_PICKED_UP -> "the other VIFs did not pick up half of its traffic; check the routes they "
                    + "advertise and the on-premises routing that should prefer them";
        };
        return "practice run on " + vifId + " inconclusive: " + why + " (" + evidence(vifId, j) + ")";
    }
}
