package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Practice;
import io.github.dxfailover.decision.ReconcilePlan;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.result.ReconcileSummary;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile pass (docs/behaviour.md §13): acts on the alarms' current state. Only started tests
 * are notified; decisions that change nothing are in the result, the log and the metrics. A failed
 * start notifies and throws at once.
 */
record ReconcilePass(Adapters aws, FailoverStart start, PracticeRuns practice) {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcilePass.class);
    /**
     * What one start may take at worst: Start, CreateCase and Publish at their call timeout (10 s,
     * AwsClients.CALL_TIMEOUT; a test keeps the two in step), and a margin.
     */
    static final Duration ONE_FAILOVER = Duration.ofSeconds(35);

    Result run(Deadline deadline) {
        FailoverConfig config = aws.config();
        List<FiringAlarm> firing = aws.cloudWatch().readFiring();
        VifStates states = aws.dx().readStates(config.vifIds());
        // Practice runs first (docs/behaviour.md §16): a run ended here still counts as not healthy below.
        var practiced = practice.watch(states, firing, aws.clock().instant());
        ReconcilePlan plan = ReconcilePlan.of(config, firing, states);
        if (plan.needsCapacityFigures(config)) {
            plan = ReconcilePlan.of(config, firing, states, CapacityReads.read(aws, states));
        }
        List<ReconcileAction> actions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int deferred = 0;
        for (ReconcilePlan.Step step : plan.steps()) {
            Result r = aws.resultOf(step.decision(), step.alarm(), step.seen());
            if (r.outcome() == Outcome.FAILED_OVER) {
                if (!deadline.allows(ONE_FAILOVER, aws.clock())) {
                    // Better the next pass than a test without its case and notification (docs/behaviour.md §8).
                    deferred++;
                    continue;
                }
                try {
                    r = start.run(step.alarm(), config.failoverMinutes(), r);
                } catch (RetryableFailure e) {
                    throw e.after(summary(firing.size(), states, plan, actions, errors, deferred, practiced));
                }
            }
            LOG.info("reconcile: outcome={} vif={} alarm={} reason={}", r.outcome(), r.vifId(),
                    step.alarm().alarm().name(), r.message());
            actions.add(new ReconcileAction(r.vifId(), step.alarm().alarm().name(), r.outcome(), r.testId(), r.caseId(),
                    r.capacity()));
            errors.addAll(r.errors());
        }
        return summary(firing.size(), states, plan, actions, errors, deferred, practiced);
    }

    private Result summary(int firing, VifStates states, ReconcilePlan plan, List<ReconcileAction> actions,
                           List<String> errors, int deferred, java.util.Optional<Result> practiced) {
        boolean dryRun = aws.config().dryRun();
        Result r = Result.of(Outcome.RECONCILED, null, Messages.reconciled(firing, plan, actions, deferred, dryRun)
                        + practiced.map(p -> "; " + p.message()).orElse(""), states, dryRun)
                .withErrors(errors)
                .withErrors(practiced.map(Result::errors).orElse(List.of()))
                .withReconciliation(new ReconcileSummary(actions, plan.muted(), plan.unlisted(), plan.namingNoVif(),
                        plan.settling(), aws.config().minVifs(),
                        Practice.notProven(states, aws.clock().instant(), aws.config().practice().maxAgeDays())));
        return practiced.map(p -> r.withPractice(p.practice())).orElse(r);
    }
}
