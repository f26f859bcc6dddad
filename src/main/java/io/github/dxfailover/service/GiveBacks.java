package io.github.dxfailover.service;

import java.util.Set;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.GiveBack;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.result.GivenBack;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.GiveBackText;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Giving back (docs/behaviour.md §19): before its own decisions, an invocation that finds fewer than MINVIFS VIFs
 * healthy ends the failover tests that hold usable VIFs out, oldest first, and tells the team once. When the
 * minimum holds it makes no call at all. Under DRY_RUN the same plan is made and not applied.
 */
record GiveBacks(FailoverConfig config, Apply apply, Notifier notifier, Notifications writer) {
    private static final Logger LOG = LoggerFactory.getLogger(GiveBacks.class);

    /**
     * What was given back, and the VIF states with those VIFs healthy again, for the decisions that follow.
     *
     * @param given  each test ended (or, under DRY_RUN, that would have been)
     * @param states the states the invocation decides on from here (under DRY_RUN, as if the plan were applied)
     * @param now    the states as the invocation really left them: what a later message lists (§7)
     * @param errors failures after a first success (docs/behaviour.md §8)
     */
    record Given(List<GivenBack> given, VifStates states, VifStates now, List<String> errors) {
        static Given none(VifStates states) {
            return new Given(List.of(), states, states, List.of());
        }

        /** An alarm's or command's result, with what was given back before it. */
        Result into(Result r) {
            return r.withGivenBack(given).withErrors(errors);
        }
    }

    /**
     * @param restored     the VIFs whose practice run this invocation has just ended: counted healthy (§19)
     * @param notifyDryRun whether a DRY_RUN give-back is notified: on the alarm and command paths, not in a reconcile
     *                     pass (docs/behaviour.md §13 step 4)
     */
    Given run(Observation seen, VifStates states, Set<String> restored, boolean notifyDryRun) {
        GiveBack.Plan plan = GiveBack.plan(config, states, restored, seen::runningTest);
        if (plan.isEmpty()) {
            return Given.none(states);
        }
        List<GivenBack> given = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        VifStates after = states;
        VifStates applied = states;
        for (GiveBack.Held held : plan.tests()) {
            Optional<FailoverTestRun> stopped;
            try {
                stopped = apply.stop(held.vifId());
            } catch (AwsCallFailed e) {
                String why = Messages.failed(e);
                LOG.error(why, e);
                if (given.isEmpty()) {
                    // Nothing changed yet: tell the team the network is below its minimum, and let Lambda retry.
                    notifier.send(writer.forGiveBack(GiveBackText.failed(plan, held, why, states)));
                    throw new RetryableFailure(why, e);
                }
                errors.add(why);
                continue;
            }
            stopped.ifPresent(t -> LOG.info("gave back {}: failover test {} ended, {} healthy VIF(s) against MINVIFS {}",
                    held.vifId(), held.testId(), plan.healthyBefore(), plan.minimum().vifs()));
            given.add(new GivenBack(held.vifId(), held.testId(), held.startedAt(), stopped.isPresent()));
            after = after.withTestEnded(held.vifId());
            if (stopped.isPresent()) {
                applied = applied.withTestEnded(held.vifId());
            }
        }
        Result notice = GiveBackText.result(plan, given, errors, states, seen.now());
        if (given.stream().anyMatch(GivenBack::applied)) {
            notifier.send(writer.forGiveBack(notice)).ifPresent(errors::add); // after a change: never thrown
        } else if (notifyDryRun) {
            notifier.beforeChange(writer.forGiveBack(notice));
        }
        return new Given(given, after, applied, errors);
    }
}
