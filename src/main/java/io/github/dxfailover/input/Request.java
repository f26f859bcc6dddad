package io.github.dxfailover.input;

import io.github.dxfailover.decision.Trigger;

/** What an invocation asks for, once the Lambda input has been understood (docs/behaviour.md §2). */
public sealed interface Request {

    /** An alarm, or the operator's "failover" command, to evaluate with the rules of docs/behaviour.md §4. */
    record Evaluate(Trigger trigger, Integer minutes) implements Request {
    }

    /** Operator command: report the listed VIFs. */
    record Status() implements Request {
    }

    /** The level-triggered pass over the alarms now in ALARM (docs/behaviour.md §13): a command or a schedule. */
    record Reconcile() implements Request {
    }

    /**
     * A practice run (docs/behaviour.md §16): the operator's command or the template's schedule.
     *
     * @param vifId   the listed VIF to practise on, or null for the one tested longest ago
     * @param minutes how long, or null for PRACTICE_MINUTES
     */
    record Practice(String vifId, Integer minutes) implements Request {
    }

    /** Operator command: stop the running failover test on a VIF. */
    record Restore(String vifId) implements Request {
    }

    /** An AWS Health event about Direct Connect (docs/behaviour.md §2.6, §17). */
    record Maintenance(io.github.dxfailover.decision.HealthEvent event) implements Request {
    }

    /**
     * Input that is none of the above; {@code problem} says what was expected and what was found.
     *
     * @param notified whether the team hears of it: an operator's command rejected for its own values is answered in
     *                 its result alone; anything else (no JSON object, an unknown shape, an event AWS sent that cannot
     *                 be read) may come from a caller that reads no result, so it is notified (docs/behaviour.md §7)
     * @param healthEvent whether it is an AWS Health event (its message points to the Health dashboard, §17)
     */
    record Invalid(String problem, boolean notified, boolean healthEvent) implements Request {
        public Invalid(String problem, boolean notified) {
            this(problem, notified, false);
        }
    }
}
