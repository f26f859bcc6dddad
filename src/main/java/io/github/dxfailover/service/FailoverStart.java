package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Trigger;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a VIF out of service once the decision is FAILED_OVER: starts the BGP failover test, opens the
 * support case, notifies (docs/behaviour.md §4 step 5, §6, §8). Alarms, failover commands and the
 * reconcile pass all come through here.
 */
record FailoverStart(FailoverConfig config, Ports ports, Notifier notifier, Notifications writer) {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverStart.class);
    /**
     * What the calls after a start may take at worst: Start, CreateCase and Publish at their call timeout (10 s,
     * AwsClients.CALL_TIMEOUT; a test keeps the two in step), and a margin. A test starts only when the invocation
     * has this much left (docs/behaviour.md §8).
     */
    static final Duration BUDGET = Duration.ofSeconds(35);

    /** A failed start is notified and thrown; after the start nothing throws (docs/behaviour.md §8). */
    Result run(Trigger trigger, Decision decision, VifStates read, int minutes) {
        return run(trigger, decision, read, read, r -> r, minutes);
    }

    /**
     * @param now   the VIF states before the start as this invocation left them (after a give back): what the message
     *              lists (docs/behaviour.md §7)
     * @param first what this invocation did before the start, added to the result before it is worded
     */
    Result run(Trigger trigger, Decision decision, VifStates read, VifStates now,
               java.util.function.UnaryOperator<Result> first, int minutes) {
        String vifId = decision.vifId();
        FailoverTestRun test;
        try {
            test = ports.vifs().start(vifId, minutes);
        } catch (AwsCallFailed e) {
            String why = Messages.failed(e);
            LOG.error(why, e);
            Result failed = first.apply(Result.of(Outcome.ERROR, vifId, why, read, false));
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
