package io.github.dxfailover.service;

import java.util.function.Function;
import io.github.dxfailover.port.Notification;
import java.util.Map;
import java.util.List;
import java.util.Comparator;
import java.time.Clock;
import io.github.dxfailover.decision.TestHistoryEntry;
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
 */
record Apply(FailoverConfig config, Ports ports, Clock clock, Notifier notifier, Notifications writer) {
    private static final Logger LOG = LoggerFactory.getLogger(Apply.class);
    /**
     * What the calls after a start may take at worst: Start, CreateCase and Publish at their call timeout (10 s,
     * AwsClients.CALL_TIMEOUT; a test keeps the two in step), and a margin. A test starts only when the invocation
     * has this much left (docs/behaviour.md §8).
     */
    static final Duration BUDGET = Duration.ofSeconds(35);
    /** With EVENT_BUS the invocation's PutEvents follows too, at its call timeout (§20). */
    static final Duration BUDGET_WITH_EVENT = BUDGET.plusSeconds(10);

    /** The time a start needs left in the invocation: its calls after it, the event's included when there is one. */
    Duration budget() {
        return ports.events() == null ? BUDGET : BUDGET_WITH_EVENT;
    }

    /** Whether this invocation changes AWS: false under DRY_RUN. */
    boolean applies() {
        return !config.dryRun();
    }

    /**
     * Starts a failover test; empty under DRY_RUN. A call that fails is read back (§8: its answer may be lost, or an
     * SDK retry may have met the test the first attempt started): a test running on the VIF now is the test started.
     * Only a VIF with no running test was asked to start, so a running one is this call's. Otherwise it throws
     * {@link AwsCallFailed}.
     */
    Optional<FailoverTestRun> start(String vifId, int minutes) {
        return applies() ? Optional.of(started(vifId, minutes)) : Optional.empty();
    }

    /**
     * Ends the VIF's failover test now; empty under DRY_RUN. A call that fails is read back: a VIF whose history shows
     * no running test was stopped. Otherwise it throws {@link AwsCallFailed}.
     */
    Optional<FailoverTestRun> stop(String vifId) {
        if (!applies()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ports.vifs().stop(vifId));
        } catch (AwsCallFailed e) {
            List<TestHistoryEntry> tests = readBack(e, () -> ports.vifs().history(vifId));
            if (TestHistoryEntry.running(tests, clock.instant()).isPresent()) {
                throw e;
            }
            LOG.warn("StopBgpFailoverTest on {} failed ({}), yet no test runs on it: read back as stopped", vifId,
                    e.awsText());
            TestHistoryEntry last = tests.stream().filter(t -> t.startedAt() != null)
                    .max(Comparator.comparing(TestHistoryEntry::startedAt)).orElse(null);
            return Optional.of(new FailoverTestRun(last == null ? "(unknown)" : last.testId(), clock.instant()));
        }
    }

    /** Writes one of the function's records on the VIF; false under DRY_RUN. A failed call is read back (§8). */
    boolean tag(VifState vif, String key, String value) {
        if (applies()) {
            try {
                ports.vifs().tag(vif, key, value);
            } catch (AwsCallFailed e) {
                if (!value.equals(tagsOf(vif, e).get(key))) {
                    throw e;
                }
                LOG.warn("TagResource {} on {} failed ({}), yet the record reads back as written", key, vif.id(),
                        e.awsText());
            }
        }
        return applies();
    }

    /** Removes one of the function's records from the VIF; false under DRY_RUN. A failed call is read back (§8). */
    boolean untag(VifState vif, String key) {
        if (applies()) {
            try {
                ports.vifs().untag(vif, key);
            } catch (AwsCallFailed e) {
                if (tagsOf(vif, e).containsKey(key)) {
                    throw e;
                }
                LOG.warn("UntagResource {} on {} failed ({}), yet the record reads back as removed", key, vif.id(),
                        e.awsText());
            }
        }
        return applies();
    }

    private FailoverTestRun started(String vifId, int minutes) {
        try {
            return ports.vifs().start(vifId, minutes);
        } catch (AwsCallFailed e) {
            TestHistoryEntry running = TestHistoryEntry.running(readBack(e, () -> ports.vifs().history(vifId)),
                    clock.instant()).orElseThrow(() -> e);
            LOG.warn("StartBgpFailoverTest on {} failed ({}), yet test {} runs on it: read back as started", vifId,
                    e.awsText(), running.testId());
            return new FailoverTestRun(running.testId(), running.endsAt() != null ? running.endsAt()
                    : clock.instant().plus(java.time.Duration.ofMinutes(minutes)));
        }
    }

    private Map<String, String> tagsOf(VifState vif, AwsCallFailed failed) {
        return readBack(failed, () -> ports.vifs().readTags(List.of(vif))).getOrDefault(vif.id(), Map.of());
    }

    /** The read that settles a failed write; when it fails too, nothing is known: the write's own failure stands. */
    private static <T> T readBack(AwsCallFailed failed, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (AwsCallFailed e) {
            LOG.error("reading back after {} failed too: {}", failed.getMessage(), e.awsText());
            throw failed;
        }
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
        FailoverTestRun test = startOrTell(vifId, minutes,
                why -> writer.forResult(first.apply(Result.of(Outcome.ERROR, vifId, why, read)), trigger, now));
        // From here on the VIF is out of service: nothing may throw (docs/behaviour.md §8).
        Result result = first.apply(Answers.started(decision, read, test, minutes));
        LOG.info("failover test {} started on {} until {}", test.testId(), vifId, test.endsAt());
        if (config.supportCase()) {
            result = withSupportCase(result, trigger, minutes);
        }
        return notifier.afterChange(result, writer.forResult(result, trigger, now));
    }

    /**
     * Starts a test the plan decided (never under DRY_RUN: should one come, nothing starts). A start that fails, and
     * does not read back as started, is told with {@code failure}'s message (a failure of that message is logged) and
     * thrown, so that Lambda retries the invocation (§8).
     */
    FailoverTestRun startOrTell(String vifId, int minutes, Function<String, Notification> failure) {
        try {
            return start(vifId, minutes).orElseThrow(() -> new IllegalStateException(
                    "expected a test to start under an armed deployment, found DRY_RUN for " + vifId));
        } catch (AwsCallFailed e) {
            String why = Messages.failed(e);
            LOG.error(why, e);
            notifier.send(failure.apply(why)); // a failure here is logged; the start's is thrown
            throw new RetryableFailure(why, e);
        }
    }

    private Result withSupportCase(Result result, Trigger trigger, int minutes) {
        try {
            return result.withCase(ports.support().open(SupportCaseText.of(trigger, result, minutes)));
        } catch (RuntimeException e) {
            // No answer at all (no AWS error code), or a server error: CreateCase may have opened the case (§8).
            CaseNotOpened why = e instanceof AwsCallFailed failed
                    ? new CaseNotOpened(SupportDesk.isNoSupportPlan(failed), failed.awsText(), failed.code() == null
                    || failed.code().startsWith("InternalServer"))
                    : new CaseNotOpened(false, String.valueOf(e.getMessage()));
            String sentence = Messages.caseNotOpened(why);
            LOG.error(sentence, e);
            return result.withCaseNotOpened(why, sentence);
        }
    }
}
