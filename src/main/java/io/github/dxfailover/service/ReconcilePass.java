package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Maintenance;
import io.github.dxfailover.decision.Minimum;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Practice;
import io.github.dxfailover.decision.ReconcilePlan;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.GivenBack;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.result.ReconcileSummary;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Answers;
import io.github.dxfailover.text.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile pass (docs/behaviour.md §13): acts on the alarms' current state. In one direction: observe the alarms
 * and the VIFs, watch a practice run, give back, plan once (the capacity figures read only if a step asks), apply each
 * step, and word the summary last. Only started tests and give-backs are notified; decisions that change nothing are
 * in the result, the log and the metrics. A failed start notifies and throws at once.
 */
record ReconcilePass(FailoverConfig config, Apply apply, PracticeRuns practice, GiveBacks giveBacks,
                     MaintenanceNotices maintenance) {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcilePass.class);

    Result run(Observation seen, Deadline deadline) {
        List<FiringAlarm> firing = seen.firing();
        VifStates read = seen.vifs();
        // Practice runs first (docs/behaviour.md §16): a run ended here counts as not healthy for the candidates
        // below, and as a path restored for the give back (§19).
        Optional<PracticeRuns.Watched> practiced = practice.watch(seen, read, firing, false);
        VifStates watched = practiced.map(PracticeRuns.Watched::states).orElse(read);
        GiveBacks.Given given = giveBacks.run(seen, watched, AlarmEvaluation.restored(practiced), false);
        ReconcilePlan plan = ReconcilePlan.of(config, firing, given.states(), seen.capacity(given.states()));
        List<ReconcileAction> actions = new ArrayList<>(givenBack(given, firing));
        List<String> errors = new ArrayList<>(given.errors());
        // Records whose window has ended count for nothing; the pass removes them, silently (docs/behaviour.md §17).
        errors.addAll(maintenance.remove(read, Maintenance.expired(read, seen.now())));
        int deferred = 0;
        for (ReconcilePlan.Step step : plan.steps()) {
            Decision d = step.decision();
            Result r;
            if (d.outcome() == Outcome.FAILED_OVER) {
                if (!seen.fits(deadline, apply.budget())) {
                    // Better the next pass than a test without its case and notification (docs/behaviour.md §8).
                    deferred++;
                    continue;
                }
                try {
                    r = apply.failover(step.alarm(), d, step.seen(), step.seen(), x -> x, config.failoverMinutes());
                } catch (RetryableFailure e) {
                    throw e.after(summary(seen, firing.size(), read, plan, actions, given, errors, deferred, practiced));
                }
            } else {
                r = Answers.decided(d, step.alarm(), step.seen(), step.seen(), config);
            }
            LOG.info("reconcile: outcome={} vif={} alarm={} reason={}", r.outcome(), r.vifId(),
                    step.alarm().alarm().name(), r.message());
            actions.add(new ReconcileAction(r.vifId(), step.alarm().alarm().name(), r.outcome(), r.testId(), r.caseId(),
                    r.capacity()));
            errors.addAll(r.errors());
        }
        // A window recorded and never told (its message failed, §8) is told now, after the pass's own changes; the
        // result carries it, so that the pass's event says what it told (§20).
        MaintenanceNotices.Told told = maintenance.tellUntold(seen, given.now());
        errors.addAll(told.errors());
        Result r = summary(seen, firing.size(), read, plan, actions, given, errors, deferred, practiced);
        return told.windows().isEmpty() ? r : r.withMaintenance(told.windows());
    }

    /** Each VIF given back, as an action (DRY_RUN for what would have been), named by its oldest alarm if any. */
    private static List<ReconcileAction> givenBack(GiveBacks.Given given, List<FiringAlarm> firing) {
        List<ReconcileAction> out = new ArrayList<>();
        for (GivenBack g : given.given()) {
            String alarm = firing.stream().filter(f -> g.vifId().equals(f.vifId()))
                    .min(Comparator.comparing(FiringAlarm::since)).map(f -> f.alarm().name()).orElse(null);
            out.add(new ReconcileAction(g.vifId(), alarm, g.applied() ? Outcome.GIVEN_BACK : Outcome.DRY_RUN,
                    g.testId(), null, null));
        }
        return out;
    }

    private Result summary(Observation seen, int firing, VifStates read, ReconcilePlan plan,
                           List<ReconcileAction> actions, GiveBacks.Given given, List<String> errors, int deferred,
                           Optional<PracticeRuns.Watched> practiced) {
        Optional<Result> practice = practiced.map(PracticeRuns.Watched::result);
        Result r = Result.of(Outcome.RECONCILED, null, Messages.reconciled(firing, plan, actions, given.given().size(),
                                deferred, !apply.applies()) + practice.map(p -> "; " + p.message()).orElse(""), read)
                .withErrors(errors)
                .withErrors(practice.map(Result::errors).orElse(List.of()))
                .withReconciliation(new ReconcileSummary(actions, plan.muted(), plan.unlisted(), plan.namingNoVif(),
                        plan.settling(), Minimum.of(config),
                        Practice.notProven(read, seen.now(), config.practice().maxAgeDays())));
        return practice.map(p -> r.withPractice(p.practice())).orElse(r);
    }
}
