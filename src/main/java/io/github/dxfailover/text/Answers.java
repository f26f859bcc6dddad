package io.github.dxfailover.text;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Result;

/**
 * The {@link Result} of a decision, worded once, from the decision and what was done about it (docs/behaviour.md
 * §10): the service decides, acts, and then asks here for its answer.
 */
public final class Answers {
    private Answers() {
    }

    /**
     * A decision on which nothing was done (no change, or not yet).
     *
     * @param trigger   what asked (the alarm, for IGNORED), or null for a restore
     * @param decidedOn the VIF states the decision was made on (those given back counted healthy)
     * @param read      the VIF states as read before acting, which the result shows
     */
    public static Result decided(Decision d, Trigger trigger, VifStates decidedOn, VifStates read,
                                 FailoverConfig config) {
        return Result.of(d.outcome(), d.vifId(), Messages.reason(d, trigger, decidedOn, config), read)
                .withCapacity(Messages.capacityReport(d.capacity()));
    }

    /** The failover test of a FAILED_OVER decision runs. */
    public static Result started(Decision d, VifStates read, FailoverTestRun test, int minutes) {
        return Result.of(Outcome.FAILED_OVER, d.vifId(), Messages.started(test, d.vifId(), minutes, d.capacity()), read,
                false).withTest(test).withCapacity(Messages.capacityReport(d.capacity()));
    }

    /** A restore stopped the test. */
    public static Result restored(Decision d, VifStates read, FailoverTestRun test) {
        return Result.of(Outcome.RESTORED, d.vifId(), Messages.stopped(test, d.vifId()), read, false).withTest(test);
    }
}
