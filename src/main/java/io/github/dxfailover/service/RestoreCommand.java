package io.github.dxfailover.service;

import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;

/** The operator's {@code restore}: stops the running failover test on a listed VIF and notifies (docs/behaviour.md §2). */
record RestoreCommand(Adapters aws, Notifier notifier, Notifications writer, PracticeRuns practice) {
    Result run(String vifId) {
        VifStates states = aws.config().manages(vifId) ? aws.dx().readStates(aws.config().vifIds()) : VifStates.notRead();
        Result decided = aws.resultOf(Decision.restore(aws.config(), vifId, states), null, states);
        if (decided.outcome() != Outcome.RESTORED) {
            return decided;
        }
        if (states.get(vifId).practiceTestId().isPresent()) {
            return practice.endByOperator(states.get(vifId), states);
        }
        FailoverTestRun test = aws.dx().stop(vifId);
        Result restored = decided.withTest(test).withMessage(Messages.stopped(test, vifId));
        return notifier.afterChange(restored, writer.forRestore(restored));
    }
}
