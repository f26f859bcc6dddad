package io.github.dxfailover.service;

import io.github.dxfailover.aws.AwsCallFailed;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Notifications;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Practice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An alarm's state change or an operator's failover command: reads the VIFs (and, when the decision
 * reaches its capacity step, the capacity figures), decides, and acts or says why not
 * (docs/behaviour.md §2–§4, §7, §15).
 */
record AlarmEvaluation(Adapters aws, Notifier notifier, Notifications writer, FailoverStart start,
                       PracticeRuns practice) {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmEvaluation.class);

    Result run(Trigger trigger, Integer minutes) {
        FailoverConfig config = aws.config();
        if (trigger instanceof Alarm alarm && config.practice().watches(alarm.name())) {
            return watchAlarm(alarm);
        }
        if (trigger instanceof Alarm alarm && isMuted(alarm)) {
            return aws.resultOf(Decision.muted(alarm), trigger, VifStates.notRead());
        }
        VifStates states = trigger.asksToAct() ? aws.dx().readStates(config.vifIds()) : VifStates.notRead();
        String vifId = trigger.vifId();
        Optional<Result> practiced = Optional.empty();
        if (trigger.asksToAct() && vifId != null && config.manages(vifId)) {
            if (Practice.settling(states.get(vifId), aws.clock().instant())) {
                return aws.resultOf(Decision.settling(vifId), trigger, states);
            }
            // An alarm on another listed VIF ends a practice run first; the practised VIF, testing, is not healthy.
            Instant now = aws.clock().instant();
            List<FiringAlarm> firing = trigger instanceof Alarm alarm ? List.of(new FiringAlarm(alarm, now, true, now))
                    : List.of(); // an operator's failover command does not end a practice run
            practiced = practice.watch(states, firing, now);
        }
        Result decided = decide(trigger, minutes, states);
        return practiced.map(p -> decided.withPractice(p.practice()).withErrors(p.errors())).orElse(decided);
    }

    private Result decide(Trigger trigger, Integer minutes, VifStates states) {
        FailoverConfig config = aws.config();
        Decision decision = Decision.decide(config, trigger, states);
        if (decision.needsCapacityFigures(config)) {
            decision = Decision.decide(config, trigger, states, Set.of(), CapacityReads.read(aws, states));
        }
        Result decided = aws.resultOf(decision, trigger, states);
        return switch (decided.outcome()) {
            case IGNORED -> decided;
            case FAILED_OVER -> start.run(trigger, minutes == null ? config.failoverMinutes() : minutes, decided);
            default -> {
                // Nothing has changed, so a failed notification throws: the retry is safe and the message is the point.
                notifier.beforeChange(writer.forResult(decided, trigger));
                yield decided;
            }
        };
    }

    /** An outcome or blocking alarm (docs/behaviour.md §16): ALARM ends a practice run that is on; else nothing. */
    private Result watchAlarm(Alarm alarm) {
        if (!alarm.isInAlarm()) {
            return aws.resultOf(Decision.decide(aws.config(), alarm, VifStates.notRead()), alarm, VifStates.notRead());
        }
        VifStates states = aws.dx().readStates(aws.config().vifIds());
        return practice.watch(states, List.of(), aws.clock().instant())
                .orElseGet(() -> aws.resultOf(Decision.watchOnly(), alarm, states));
    }

    /**
     * An alarm in ALARM on a listed VIF whose actions an operator disabled (EventBridge sends its
     * changes anyway). A failed look-up does not block a failover: the alarm is acted on, as if not muted.
     */
    private boolean isMuted(Alarm alarm) {
        if (!alarm.isInAlarm() || alarm.vifId() == null || !aws.config().manages(alarm.vifId())) {
            return false;
        }
        try {
            return aws.cloudWatch().actionsEnabled(alarm.name()).map(enabled -> !enabled).orElse(false);
        } catch (AwsCallFailed e) {
            LOG.warn("could not check whether alarm '{}' is muted ({}); acting on it", alarm.name(), e.awsText());
            return false;
        }
    }
}
