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

    /** Operator command: stop the running failover test on a VIF. */
    record Restore(String vifId) implements Request {
    }

    /** Input that is none of the above; {@code problem} says what was expected and what was found. */
    record Invalid(String problem) implements Request {
    }
}
