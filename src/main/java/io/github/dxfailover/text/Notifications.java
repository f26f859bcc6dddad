package io.github.dxfailover.text;

import io.github.dxfailover.result.MaintenanceReport;
import io.github.dxfailover.result.GivenBack;
import io.github.dxfailover.decision.Minimum;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Result;
import java.util.List;

/** Writes the {@link Notification} an on-call engineer reads on a phone (docs/behaviour.md §7). */
public final class Notifications {
    private static final String RESTORE_TITLE = "operator restore command";

    private final FailoverConfig config;

    public Notifications(FailoverConfig config) {
        this.config = config;
    }

    /** What an alarm, a reconcile pass's alarm or a failover command led to. */
    public Notification forResult(Result r, Trigger trigger) {
        return forResult(r, trigger, r.vifs());
    }

    /**
     * The same, listing the VIFs as {@code now}: after what the invocation did before this message (a give back, a
     * practice run ended), so that the message is true when it is sent (docs/behaviour.md §7).
     */
    public Notification forResult(Result r, Trigger trigger, VifStates now) {
        return compose(r, trigger.title(), triggerLines(trigger), whatNext(r), now);
    }

    /** What a practice run did: started, blocked, ended or judged, or would have under DRY_RUN (§16). */
    public Notification forPractice(Result r) {
        return compose(r, "practice run", "Practice run: proving that taking " + r.vifId() + " out moves its traffic "
                + "to the other VIFs (docs/behaviour.md §16)\n", whatNext(r));
    }

    /** What an operator's restore did, or why it did nothing. */
    public Notification forRestore(Result r) {
        String next = switch (r.outcome()) {
            case DRY_RUN -> "Nothing was changed (DRY_RUN=true). Without it the function would have stopped the BGP "
                    + "failover test on " + r.vifId() + ".\n";
            case NOTHING_TO_RESTORE -> "Nothing was changed: no failover test runs on " + r.vifId() + ".\n";
            default -> whatNext(r);
        };
        return compose(r, RESTORE_TITLE, requestedBy("restore"), next);
    }

    /** A maintenance notice: the window, the VIFs it takes, the verdict, what the function will do (§17). */
    public Notification forMaintenance(Result r, String lines, String whatNext) {
        return compose(r, "AWS maintenance", lines, whatNext);
    }

    /**
     * Input the function could not read that no operator is reading the answer of (docs/behaviour.md §7): an AWS Health
     * event (§17), or a payload from an EventBridge rule or an alarm action that is no JSON object or no known shape.
     */
    public Notification forUnreadableInput(Result r, boolean healthEvent) {
        if (healthEvent) {
            return compose(r, "AWS Health event", "Source: AWS Health (aws.health)\n", "Nothing was changed. Look the "
                    + "event up in the AWS Health dashboard; until the function reads it, it knows of no window.\n");
        }
        return compose(r, "input not understood", "Source: an invocation whose payload the function cannot read\n",
                "Nothing was changed. Check what invokes the function (an EventBridge rule and its input transformer, "
                        + "an alarm action, a schedule's input): until it sends what the function reads, the function "
                        + "acts on none of it.\n");
    }

    /** The tests ended to hold the minimum (docs/behaviour.md §19): one per invocation that gave back. */
    public Notification forGiveBack(Result r) {
        return compose(r, "below the minimum", GiveBackText.lines(r, config),
                r.outcome() == Outcome.ERROR ? whatNext(r) : GiveBackText.whatNext(r));
    }

    private Notification compose(Result r, String title, String triggerLines, String whatNext) {
        return compose(r, title, triggerLines, whatNext, r.vifs());
    }

    private Notification compose(Result r, String title, String triggerLines, String whatNext, VifStates now) {
        // Form for a phone (§7): the subject starts with the outcome (a maintenance notice's with its verdict, so
        // that a safe and an at-risk one never look alike); the body's first line says what happened in at most
        // 100 characters, the whole sentence follows, and no line is longer than 100 characters.
        String subject = outcomeWords(r) + " " + subjectVifs(r) + " - " + title + " (DX failover)";
        StringBuilder body = new StringBuilder();
        body.append(headline(r)).append('\n').append(r.message()).append("\n\n");
        body.append(triggerLines);
        if (!now.isEmpty()) {
            body.append(now.equals(r.vifs()) ? "\nVIFs when this was decided, before acting (MINVIFS="
                            : "\nVIFs now, after what this invocation did first (MINVIFS=").append(Minimum.of(config).vifs())
                    .append(", healthy = available with a BGP peer up):\n")
                    .append(VifText.table(now));
        }
        body.append(VifText.unreturned(now));
        body.append('\n').append(whatNext);
        if (!r.errors().isEmpty()) {
            body.append("\nErrors:\n");
            r.errors().forEach(e -> body.append("- ").append(e).append('\n'));
        }
        return new Notification(subject, bounded(Lines.join(body.toString().lines().toList()) + "\n"), r.outcome(),
                r.vifId());
    }

    /**
     * SNS takes a message body under 256 KB: a longer one is cut at a line, and says so, rather than lost (its Publish
     * would be refused). The result the invocation returns holds everything (docs/behaviour.md §2, §7).
     */
    static String bounded(String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BODY_BYTES) {
            return body;
        }
        String note = "\n[cut: this message was " + bytes.length + " bytes, more than SNS accepts (256 KB); the "
                + "invocation's result says what was decided]\n";
        int keep = MAX_BODY_BYTES - note.length() - 16;
        String head = new String(java.util.Arrays.copyOf(bytes, keep), java.nio.charset.StandardCharsets.UTF_8);
        int line = head.lastIndexOf('\n');
        return (line > keep / 2 ? head.substring(0, line) : head.replaceAll("\uFFFD$", "")) + note;
    }

    /** What SNS accepts in a message (256 KB), less room for its attributes. */
    static final int MAX_BODY_BYTES = 250 * 1024;

    public static Notification forConfigError(List<String> problems, String functionName) {
        StringBuilder body = new StringBuilder("CONFIG_ERROR: ").append(functionName)
                .append(" acts on no alarm until its variables are fixed\n\n");
        problems.forEach(p -> body.append("- ").append(p).append('\n'));
        return new Notification("CONFIG_ERROR in " + functionName + " (DX failover)",
                bounded(Lines.join(body.toString().lines().toList()) + "\n"), Outcome.CONFIG_ERROR, null);
    }

    /** Which alarm (name, region, state, reason, time) or which command asked for this; shared with the support case. */
    static String triggerLines(Trigger trigger) {
        StringBuilder out = new StringBuilder();
        switch (trigger) {
            case Alarm alarm -> {
                out.append("Alarm: ").append(alarm.name()).append('\n');
                if (!alarm.region().isEmpty() || !alarm.account().isEmpty()) {
                    out.append("Region: ").append(alarm.region()).append("  Account: ").append(alarm.account())
                            .append('\n');
                }
                out.append("State: ").append(alarm.state());
                if (!alarm.time().isEmpty()) {
                    out.append(" at ").append(alarm.time());
                }
                out.append('\n');
                if (!alarm.reason().isEmpty()) {
                    out.append("Reason: ").append(alarm.reason()).append('\n');
                }
            }
            case FiringAlarm firing -> {
                out.append("Found by: the reconcile pass, which acts on alarms still in ALARM\n");
                out.append(triggerLines(firing.alarm()));
                out.append("In ALARM since: ").append(firing.since()).append(" (")
                        .append(minutes(firing.inAlarmFor().toMinutes())).append(")\n");
            }
            case OperatorCommand command -> out.append(requestedBy(command.action()));
        }
        return out.toString();
    }

    private static String requestedBy(String action) {
        return "Requested by: an operator's " + action + " command (aws lambda invoke or the Lambda console), not by an "
                + "alarm\n";
    }

    private String whatNext(Result r) {
        String vif = r.vifId();
        String nothing = nothingChanged(r);
        return switch (r.outcome()) {
            case FAILED_OVER -> "Done: BGP failover test " + r.testId() + " started on " + vif
                    + "; its BGP sessions are DOWN and traffic moves to the other VIFs.\n"
                    + "Next: " + Messages.comesBackAt(vif, r.testEndsAt()) + ".\n"
                    + restoreHint(vif)
                    + "Support case: " + (r.caseId() != null ? r.caseId() : r.caseNotOpened() != null
                    && r.caseNotOpened().maybeOpen() ? "may be open (" + noCaseReason(r) + ")"
                    : "none opened (" + noCaseReason(r) + ")")
                    + "\n";
            case DRY_RUN -> r.practice() != null ? "Nothing was changed (DRY_RUN=true). Without it the function would "
                    + "have " + (r.practice().outcome() == Outcome.DRY_RUN ? "started the practice run"
                    : "recorded the practice run as " + r.practice().outcome() + " on the VIF's tag "
                    + "dx-failover:last-practice" + (r.practice().outcome() == Outcome.PRACTICE_FAILED
                    || r.practice().outcome() == Outcome.PRACTICE_INTERRUPTED ? ", after stopping its failover test" : ""))
                    + ".\n"
                    : "Nothing was changed (DRY_RUN=true). Without it the function would have started a "
                    + config.failoverMinutes() + "-minute BGP failover test on " + vif
                    + (config.supportCase() ? " and opened " + article(config.supportSeverity()) + " "
                    + config.supportSeverity() + " support case" : "")
                    + ".\n";
            case MINIMUM_REACHED -> (givenBack(r, vif) ? vif + " was just given back (its failover test ended) and "
                    + "stays in service" : nothing + vif + " stays in service") + " so that at least "
                    + Minimum.of(config).vifs() + " healthy VIF(s) remain. Investigate the alarm and the other VIFs.\n";
            case CAPACITY_REACHED -> nothing + vif + " stays in service because the other VIFs could not "
                    + "carry its traffic (" + CapacityText.figures(r.capacity().capacity()) + "). Investigate the alarm; "
                    + "move load off the network or add capacity before taking " + vif + " out.\n";
            case ALREADY_UNAVAILABLE -> nothing + vif + " already carries no traffic.\n";
            case IN_MAINTENANCE -> nothing + "Direct Connect's guide says not to run the BGP failover test "
                    + "during maintenance (BGP may come back early). " + vif + " may drop at any moment until the window "
                    + "ends; the other VIFs carry the traffic meanwhile.\n";
            case NOT_MANAGED -> notManaged(vif, r);
            case REJECTED -> "Nothing was changed. Rename the alarm so that its name starts with the VIF ID, "
                    + "for example 'dxvif-abcd1234 packet loss', or alarm on a probe metric (outside AWS/DX and "
                    + "DxFailover) with a VirtualInterfaceId dimension. A dimension on an AWS/DX metric (bandwidth, BGP "
                    + "status) or on this function's own metrics never names a VIF: a utilization alarm must not take "
                    + "its VIF out.\n";
            case RESTORED -> "Done: " + r.message() + ".\n" + reconcileWarning(vif);
            case PRACTICE_STARTED -> "Next: if an outcome alarm (" + String.join(", ", config.practice().outcomeAlarms())
                    + ") goes to ALARM, the run ends at once as PRACTICE_FAILED; otherwise BGP comes back by itself at "
                    + r.testEndsAt() + " and the next reconcile pass judges the run from the traffic.\n"
                    + restoreHint(vif);
            case PRACTICE_BLOCKED -> "Nothing was changed; the next scheduled run tries again.\n";
            case PRACTICE_FAILED -> "Done: the failover test was stopped. The applications suffered while " + vif
                    + " was out: before relying on failover, check the routes the other VIFs advertise, the on-premises "
                    + "routing that should prefer them, and their capacity. Recorded on the VIF's tag "
                    + "dx-failover:last-practice.\n";
            case PRACTICE_INTERRUPTED -> "Done: the failover test was stopped; nothing was proven. Recorded on the VIF's "
                    + "tag dx-failover:last-practice; the next scheduled run tries again.\n";
            case PRACTICE_SUCCEEDED -> "Proven: taking " + vif + " out moves its traffic to the other VIFs. Recorded on "
                    + "the VIF's tag dx-failover:last-practice.\n";
            case PRACTICE_INCONCLUSIVE -> "Recorded on the VIF's tag dx-failover:last-practice; see above what to check."
                    + "\n";
            case ERROR -> "The function failed before it could finish; Lambda retries the event. Check the VIFs with "
                    + "{\"action\": \"status\"}.\n";
            default -> "";
        };
    }

    /** The VIF the message is about; for a maintenance notice the VIFs it affects ("dxvif-a +2"); else "(no VIF)". */
    private static String subjectVifs(Result r) {
        if (r.vifId() != null) {
            return r.vifId();
        }
        List<String> affected = firstWindow(r).map(m -> List.copyOf(m.vifs().keySet())).orElse(List.of());
        return affected.isEmpty() ? "(no VIF)"
                : affected.get(0) + (affected.size() > 1 ? " +" + (affected.size() - 1) : "");
    }

    /**
     * The body's first line (§7): the outcome, the VIF and the one fact that matters, at most 100 characters. The
     * whole sentence follows on the next lines.
     */
    private String headline(Result r) {
        String vif = r.vifId() == null ? "" : r.vifId() + " ";
        String fact = switch (r.outcome()) {
            case FAILED_OVER -> vif + "taken out of service" + until(r.testEndsAt());
            case DRY_RUN -> "nothing was changed (DRY_RUN); below, what would have been done" + (vif.isEmpty() ? ""
                    : " on " + vif.strip());
            case MINIMUM_REACHED -> vif + "stays in service: MINVIFS " + Minimum.of(config).vifs() + " holds it";
            case CAPACITY_REACHED -> vif + "stays in service: the others could not carry its traffic"
                    + (r.capacity() != null && r.capacity().capacity() != null ? " ("
                    + CapacityText.percent(r.capacity().capacity().projectedPercent()) + ")" : "");
            case ALREADY_UNAVAILABLE -> vif + "already carries no traffic: nothing to do";
            case IN_MAINTENANCE -> vif + "is in an AWS maintenance window: no failover test";
            case NOT_MANAGED -> vif + "is not managed by this function: nothing was changed";
            case RESTORED -> vif + "back in service: its failover test was stopped";
            case NOTHING_TO_RESTORE -> vif + "has no failover test to stop";
            case GIVEN_BACK -> "below the minimum: gave back " + String.join(", ", r.givenBack().stream()
                    .map(GivenBack::vifId).toList());
            case PRACTICE_STARTED -> "practice run on " + vif.strip() + until(r.testEndsAt());
            case PRACTICE_BLOCKED -> "no practice run on " + vif.strip() + " now: " + (r.practice() == null ? "blocked"
                    : r.practice().reasons().size() + " reason(s) below");
            case PRACTICE_FAILED -> "practice run on " + vif.strip() + " failed: its test was stopped";
            case PRACTICE_INTERRUPTED -> "practice run on " + vif.strip() + " ended early: nothing proven";
            case PRACTICE_SUCCEEDED -> "practice run on " + vif.strip() + " proved it can be taken out";
            case PRACTICE_INCONCLUSIVE -> "practice run on " + vif.strip() + " proved nothing: see what to check";
            case MAINTENANCE_NOTED -> maintenanceFact(r);
            case REJECTED -> "nothing was changed: the input or the alarm is not one the function can act on";
            case ERROR -> vif + "the function failed before it could finish; Lambda retries";
            default -> r.message();
        };
        String line = r.outcome() + ": " + fact.strip();
        return line.length() <= Lines.WIDTH ? line : line.substring(0, Lines.WIDTH - 4) + " ...";
    }

    private static String until(java.time.Instant endsAt) {
        return endsAt == null ? "" : " until " + java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC' d MMM")
                .withZone(java.time.ZoneOffset.UTC).withLocale(java.util.Locale.ENGLISH).format(endsAt);
    }

    private static String maintenanceFact(Result r) {
        return firstWindow(r).map(m -> verdictWords(m) + ", " + String.join(", ", m.vifs().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()) + ", "
                + MaintenanceText.span(m.start(), m.end())).orElse(r.message());
    }

    /** The maintenance window a notice is about: the first its result reports. */
    private static java.util.Optional<MaintenanceReport> firstWindow(Result r) {
        return r.maintenance() == null ? java.util.Optional.empty() : r.maintenance().stream().findFirst();
    }

    private static String verdictWords(MaintenanceReport m) {
        return m.verdict().toUpperCase(java.util.Locale.ROOT);
    }

    /** The outcome, and for a maintenance notice its verdict: "MAINTENANCE_NOTED AT RISK". */
    private static String outcomeWords(Result r) {
        return r.outcome() == Outcome.MAINTENANCE_NOTED
                ? firstWindow(r).map(m -> r.outcome() + " " + verdictWords(m)).orElse(r.outcome().name())
                : r.outcome().name();
    }

    /**
     * "Nothing was changed", unless the same invocation gave VIFs back first: then nothing more was (§7, §19). Under
     * DRY_RUN nothing was given back, so nothing was changed.
     */
    private static String nothingChanged(Result r) {
        return r.givenBack().stream().noneMatch(GivenBack::applied) ? "Nothing was changed: "
                : "Nothing more was changed after the give back: ";
    }

    private static boolean givenBack(Result r, String vif) {
        return r.givenBack().stream().anyMatch(g -> g.applied() && g.vifId().equals(vif));
    }

    /** What to do about a VIF outside the managed set: add it to VIFLIST, or tag it (docs/behaviour.md §18). */
    private String notManaged(String vif, Result r) {
        return switch (config.managed()) {
            case ManagedVifs.Listed listed -> "Nothing was changed: " + vif + " is not in VIFLIST ("
                    + String.join(",", listed.ids()) + "). Add it there if this function should manage it.\n";
            case ManagedVifs.Group group -> "Nothing was changed: " + vif + " " + VifText.outside(group.name())
                    + ". Tag it so if this function should manage it; it is managed from the next invocation on.\n"
                    + (r.vifs().isEmpty() ? VifText.tagOnNoVif(group.name()) : "");
        };
    }

    private static String restoreHint(String vif) {
        return "To restore it earlier, invoke the function with {\"action\": \"restore\", \"virtualInterfaceId\": \""
                + vif + "\"}.\n";
    }

    /** A restore does not mute the alarm: while it stays in ALARM, the next reconcile pass takes the VIF out again. */
    private static String reconcileWarning(String vif) {
        return "Note: if an alarm on " + vif + " is still in ALARM, the next reconcile pass takes " + vif
                + " out of service again. To keep it in service, disable that alarm's actions (reconcile skips muted"
                + " alarms): aws cloudwatch disable-alarm-actions --alarm-names \"<alarm name>\"; enable them again"
                + " with enable-alarm-actions once the VIF is fixed.\n";
    }

    private static String minutes(long minutes) {
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private String noCaseReason(Result r) {
        if (!config.supportCase()) {
            return "SUPPORT_CASE=false";
        }
        return r.caseNotOpened() != null ? Messages.caseNotOpened(r.caseNotOpened()) : "unknown reason";
    }
}
