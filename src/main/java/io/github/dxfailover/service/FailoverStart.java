package io.github.dxfailover.service;

import io.github.dxfailover.aws.AwsCallFailed;
import io.github.dxfailover.aws.SupportCases;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.result.CaseNotOpened;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import io.github.dxfailover.text.SupportCaseText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a VIF out of service once the decision is FAILED_OVER: starts the BGP failover test, opens the
 * support case, notifies (docs/behaviour.md §4 step 5, §6, §8). Alarms, failover commands and the
 * reconcile pass all come through here.
 */
record FailoverStart(Adapters aws, Notifier notifier, Notifications writer) {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverStart.class);

    /** A failed start is notified and thrown; after the start nothing throws (docs/behaviour.md §8). */
    Result run(Trigger trigger, int minutes, Result decided) {
        String vifId = decided.vifId();
        FailoverTestRun test;
        try {
            test = aws.dx().start(vifId, minutes);
        } catch (AwsCallFailed e) {
            String why = Messages.failed(e);
            LOG.error(why, e);
            Result failed = Result.of(Outcome.ERROR, vifId, why, decided.vifs(), false);
            notifier.send(writer.forResult(failed, trigger)); // a failure here is logged; the start's is thrown
            throw new RetryableFailure(why, e);
        }
        // From here on the VIF is out of service: nothing may throw (docs/behaviour.md §8).
        Result result = decided.withTest(test).withMessage(Messages.started(test, vifId, minutes,
                decided.capacity() == null ? null : decided.capacity().capacity()));
        LOG.info("failover test {} started on {} until {}", test.testId(), vifId, test.endsAt());
        if (aws.config().supportCase()) {
            result = withSupportCase(result, trigger, minutes);
        }
        return notifier.afterChange(result, writer.forResult(result, trigger));
    }

    private Result withSupportCase(Result result, Trigger trigger, int minutes) {
        try {
            return result.withCase(aws.supportCases().open(SupportCaseText.of(trigger, result, minutes)));
        } catch (RuntimeException e) {
            CaseNotOpened why = e instanceof AwsCallFailed failed
                    ? new CaseNotOpened(SupportCases.isNoSupportPlan(failed), failed.awsText())
                    : new CaseNotOpened(false, String.valueOf(e.getMessage()));
            String sentence = Messages.caseNotOpened(why);
            LOG.error(sentence, e);
            return result.withCaseNotOpened(why, sentence);
        }
    }
}
