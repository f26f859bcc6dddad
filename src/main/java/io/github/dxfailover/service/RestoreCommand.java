package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Answers;
import io.github.dxfailover.text.Notifications;
import java.util.Optional;

/**
 * The operator's {@code restore}: stops the running failover test on a managed VIF; every outcome is notified
 * (docs/behaviour.md §2, §7: NOT_MANAGED, NOTHING_TO_RESTORE and DRY_RUN before any change, a failed publish throws),
 * except another deployment's VIF (§18). A VIF known not to be managed (not in VIFLIST) needs no read. The restore of
 * a running practice run ends that run (§16).
 */
record RestoreCommand(FailoverConfig config, Apply apply, Notifier notifier, Notifications writer,
                      PracticeRuns practice) {
    Result run(Observation seen, String vifId) {
        VifStates states = config.managed().mayManage(vifId) ? seen.vifs() : VifStates.notRead();
        Decision decision = Decision.restore(config, vifId, states);
        if (decision.outcome() != Outcome.RESTORED) {
            Result decided = Answers.decided(decision, null, states, states, config);
            if (!decision.silent()) {
                notifier.beforeChange(writer.forRestore(decided));
            }
            return decided;
        }
        Optional<Result> practiceEnded = practice.endByOperator(seen, states.get(vifId), states);
        if (practiceEnded.isPresent()) {
            return practiceEnded.get();
        }
        FailoverTestRun test = apply.stop(vifId).orElseThrow(); // RESTORED is never decided under DRY_RUN
        Result restored = Answers.restored(decision, states, test);
        return notifier.afterChange(restored, writer.forRestore(restored));
    }
}
