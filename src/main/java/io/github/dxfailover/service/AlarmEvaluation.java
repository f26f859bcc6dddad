package io.github.dxfailover.service;

import io.github.dxfailover.decision.Minimum;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Answers;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An alarm's state change or an operator's failover command (docs/behaviour.md §2–§4, §7, §15, §16, §19), in one
 * direction: observe the VIFs, watch a practice run, give back, decide once (the capacity figures read only if the
 * decision asks for them), apply the decision, and word the result last.
 */
record AlarmEvaluation(FailoverConfig config, Apply apply, Notifier notifier, Notifications writer,
                       PracticeRuns practice, GiveBacks giveBacks) {
    Result run(Observation seen, Trigger trigger, Integer minutes, Deadline deadline) {
        if (trigger instanceof Alarm alarm && config.practice().watches(alarm.name())) {
            return watchAlarm(seen, alarm);
        }
        if (!trigger.asksToAct()) {
            return Answers.decided(Decision.notInAlarm((Alarm) trigger), trigger, VifStates.notRead(),
                    VifStates.notRead(), config);
        }
        if (trigger instanceof Alarm alarm && isMuted(seen, alarm)) {
            return Answers.decided(Decision.muted(alarm), trigger, VifStates.notRead(), VifStates.notRead(), config);
        }
        Instant now = seen.now();
        VifStates read = seen.vifs();
        String vifId = trigger.vifId();
        boolean managed = vifId != null && read.manages(vifId);
        // A practice run is watched first: an alarm on another managed VIF ends it (docs/behaviour.md §16).
        Optional<PracticeRuns.Watched> watched = managed && read.practised().isPresent()
                ? practice.watch(seen, read, firing(trigger, now), true) : Optional.empty();
        VifStates states = watched.map(PracticeRuns.Watched::states).orElse(read);
        if (managed && trigger instanceof Alarm && states.get(vifId).settlingAt(now)) {
            return withWatch(Answers.decided(Decision.settling(vifId), trigger, states, read, config), watched);
        }
        // Give back only below the minimum (§19): above it, the alarm's path passes no give-back code at all.
        Set<String> restored = restored(watched);
        GiveBacks.Given given = managed && Minimum.of(config).isBelow(states.healthyCount(restored))
                ? giveBacks.run(seen, states, restored, true) : GiveBacks.Given.none(states);
        Decision decision = Decision.decide(config, trigger, given.states(), Set.of(), seen.capacity(given.states()));
        return withWatch(act(seen, trigger, decision, given, read, minutes, deadline), watched);
    }

    /**
     * Acts on the decision. Its message is true when it is sent (docs/behaviour.md §7): it carries what was given back
     * first and lists the VIFs as they are after it.
     */
    private Result act(Observation seen, Trigger trigger, Decision decision, GiveBacks.Given given, VifStates read,
                       Integer minutes, Deadline deadline) {
        VifStates decidedOn = given.states();
        return switch (decision.outcome()) {
            case IGNORED -> given.into(Answers.decided(decision, trigger, decidedOn, read, config));
            case FAILED_OVER -> {
                if (!seen.fits(deadline, apply.budget())) {
                    // Nothing changed: better Lambda's retry than a test without its case and notification (§8).
                    throw new RetryableFailure(Messages.noTimeToStart(decision.vifId()), null);
                }
                yield apply.failover(trigger, decision, read, given.now(), given::into,
                        minutes == null ? config.failoverMinutes() : minutes);
            }
            default -> {
                Result decided = given.into(Answers.decided(decision, trigger, decidedOn, read, config));
                // Nothing has changed, so a failed notification throws: the retry is safe and the message is the point.
                // Another deployment's VIF pages nobody from this one (docs/behaviour.md §18).
                if (!decision.silent()) {
                    notifier.beforeChange(writer.forResult(decided, trigger, given.now()));
                }
                yield decided;
            }
        };
    }

    /** The alarm of this event, for the practice watch; an operator's command ends no practice run. */
    private static List<FiringAlarm> firing(Trigger trigger, Instant now) {
        return trigger instanceof Alarm alarm ? List.of(new FiringAlarm(alarm, now, true, now)) : List.of();
    }

    /** The VIF whose practice run the watch just ended, if any: give back counts it healthy (§19). */
    static Set<String> restored(Optional<PracticeRuns.Watched> watched) {
        return watched.map(PracticeRuns.Watched::restored).orElse(Set.of());
    }

    private static Result withWatch(Result result, Optional<PracticeRuns.Watched> watched) {
        return watched.map(w -> result.withPractice(w.result().practice()).withErrors(w.result().errors()))
                .orElse(result);
    }

    /** An outcome or blocking alarm (docs/behaviour.md §16): ALARM ends a practice run that is on; else nothing. */
    private Result watchAlarm(Observation seen, Alarm alarm) {
        if (!alarm.isInAlarm()) {
            return Answers.decided(Decision.notInAlarm(alarm), alarm, VifStates.notRead(), VifStates.notRead(), config);
        }
        VifStates states = seen.vifs();
        return practice.watch(seen, states, List.of(), true).map(PracticeRuns.Watched::result)
                .orElseGet(() -> Answers.decided(Decision.watchOnly(), alarm, states, states, config));
    }

    /**
     * An alarm in ALARM on a VIF that may be managed whose actions an operator disabled (EventBridge sends its
     * changes anyway). A failed look-up is a failed read before a change: it throws, and Lambda retries — an
     * operator's mute is never overridden on a guess (docs/behaviour.md §8). With a group any VIF may be managed:
     * whether it is, only the read that follows says (§18).
     */
    private boolean isMuted(Observation seen, Alarm alarm) {
        if (alarm.vifId() == null || !config.managed().mayManage(alarm.vifId())) {
            return false;
        }
        return seen.actionsEnabled(alarm.name()).map(enabled -> !enabled).orElse(false);
    }
}
