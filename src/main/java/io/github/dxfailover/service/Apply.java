package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.SupportDesk;
import io.github.dxfailover.result.CaseNotOpened;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Answers;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import io.github.dxfailover.text.SupportCaseText;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that changes AWS (docs/behaviour.md §5, §8): every failover test started or stopped, every record
 * written or removed, every support case goes through here. Under DRY_RUN a plan is decided and worded the same way
 * and this class changes nothing: each write says it was not applied (an empty answer, {@code false}).
 *
 * @param applies false under DRY_RUN
 */
record Apply(FailoverConfig config, Ports ports, Notifier notifier, Notifications writer, boolean applies) {
    private static final Logger LOG = LoggerFactory.getLogger(Apply.class);
    /**
     * What the calls after a start may take at worst: Start, CreateCase and Publish at their call timeout (10 s,
     * AwsClients.CALL_TIMEOUT; a test keeps the two in step), and a margin. A test starts only when the invocation
     * has this much left (docs/behaviour.md §8).
     */
    static final Duration BUDGET = Duration.ofSeconds(35);

    /** Starts a failover test; empty under DRY_RUN. A failure throws {@link AwsCallFailed}. */
    Optional<FailoverTestRun> start(String vifId, int minutes) {
        return applies ? Optional.of(ports.vifs().start(vifId, minutes)) : Optional.empty();
    }

    /** Ends the VIF's failover test now; empty under DRY_RUN. A failure throws {@link AwsCallFailed}. */
    Optional<FailoverTestRun> stop(String vifId) {
        return applies ? Optional.of(ports.vifs().stop(vifId)) : Optional.empty();
    }

    /** Writes one of the function's records on the VIF; false under DRY_RUN. */
    boolean tag(VifState vif, String key, String value) {
        if (applies) {
            ports.vifs().tag(vif, key, value);
        }
        return applies;
    }

    /** Removes one of the function's records from the VIF; false under DRY_RUN. */
    boolean untag(VifState vif, String key) {
        if (applies) {
            ports.vifs().untag(vif, key);
        }
        return applies;
    }

    /**
     * A FAILED_OVER decision: the BGP failover test, then the support case, then one notification (docs/behaviour.md
     * §4 step 5, §6, §8). A failed start is notified and thrown; after the start nothing throws. Alarms, failover
     * commands and the reconcile pass all come through here; DRY_RUN never decides FAILED_OVER.
     *
     * @param now   the VIF states before the start as this invocation left them (after a give back): what the message
     *              lists (§7)
     * @param first what this invocation did before the start, added to the result before it is worded
     */
    Result failover(Trigger trigger, Decision decision, VifStates read, VifStates now, UnaryOperator<Result> first,
                    int minutes) {
        String vifId = decision.vifId();
        FailoverTestRun test;
        try {
            test = ports.vifs().start(vifId, minutes);
        } catch (AwsCallFailed e) {
            String why = Messages.failed(e);
            LOG.error(why, e);
            Result failed = first.apply(Result.of(Outcome.ERROR, vifId, why, read));
            notifier.send(writer.forResult(failed, trigger, now)); // a failure here is logged; the start's is thrown
            throw new RetryableFailure(why, e);
        }
        // From here on the VIF is out of service: nothing may throw (docs/behaviour.md §8).
        Result result = first.apply(Answers.started(decision, read, test, minutes));
        LOG.info("failover test {} started on {} until {}", test.testId(), vifId, test.endsAt());
        if (config.supportCase()) {
            result = withSupportCase(result, trigger, minutes);
        }
        return notifier.afterChange(result, writer.forResult(result, trigger, now));
    }

    private Result withSupportCase(Result result, Trigger trigger, int minutes) {
        try {
            return result.withCase(ports.support().open(SupportCaseText.of(trigger, result, minutes)));
        } catch (RuntimeException e) {
            CaseNotOpened why = e instanceof AwsCallFailed failed
                    ? new CaseNotOpened(SupportDesk.isNoSupportPlan(failed), failed.awsText())
                    : new CaseNotOpened(false, String.valueOf(e.getMessage()));
            String sentence = Messages.caseNotOpened(why);
            LOG.error(sentence, e);
            return result.withCaseNotOpened(why, sentence);
        }
    }
}
