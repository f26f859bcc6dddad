package io.github.dxfailover.decision;

import java.time.Duration;
import java.time.Instant;

/**
 * An alarm found in state ALARM by a reconcile pass (docs/behaviour.md §13): no transition came
 * with it, so it carries when it went into ALARM and when the pass saw it.
 *
 * @param alarm          the alarm, in the shape an alarm event gives
 * @param since          when it went into ALARM (StateUpdatedTimestamp)
 * @param actionsEnabled false when the operator has muted it; reconcile skips it then
 * @param seenAt         when the pass read it
 */
public record FiringAlarm(Alarm alarm, Instant since, boolean actionsEnabled, Instant seenAt) implements Trigger {

    @Override
    public String vifId() {
        return alarm.vifId();
    }

    @Override
    public boolean asksToAct() {
        return true;
    }

    @Override
    public String title() {
        return alarm.name();
    }

    /** How long it has been in ALARM when the pass saw it. */
    public Duration inAlarmFor() {
        Duration inAlarm = Duration.between(since, seenAt);
        return inAlarm.isNegative() ? Duration.ZERO : inAlarm;
    }
}
