package io.github.dxfailover.service;

import io.github.dxfailover.aws.AwsCallFailed;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.PracticeSettings;
import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Practice;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.PracticeReport;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import io.github.dxfailover.text.PracticeText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Practice runs (docs/behaviour.md §16): starting one, and watching, ending and judging the one that
 * is on. The record lives on the VIF's own tags, so a pass with no practice tag costs no extra call.
 */
record PracticeRuns(Adapters aws, Notifier notifier, Notifications writer) {
    private static final Logger LOG = LoggerFactory.getLogger(PracticeRuns.class);

    /** The {@code practice} command: the run that is on is watched first; else one starts, or says why not. */
    Result start(String named, Integer minutes) {
        FailoverConfig config = aws.config();
        VifStates states = aws.dx().readStates(config.vifIds());
        List<FiringAlarm> firing = aws.cloudWatch().readFiring();
        Optional<Result> watched = watch(states, firing, aws.clock().instant());
        if (watched.isPresent()) {
            return watched.get();
        }
        String vifId = named != null ? named : Practice.chooseVif(config.vifIds(), lastTestStarts(states), null);
        PracticeSettings p = config.practice();
        Map<String, String> watchStates = aws.cloudWatch().readStates(p.watchAlarms()); // none configured: no call
        Capacity capacity = config.maxUtilization() == 0 || !config.manages(vifId) || states.healthyCount() == 0 ? null
                : Capacity.project(config.maxUtilization(), states, Set.of(), vifId, CapacityReads.read(aws, states));
        LocalDate today = LocalDate.ofInstant(aws.clock().instant(), ZoneOffset.UTC);
        List<String> reasons = PracticeText.blockers(Practice.blockers(config, vifId, states, watchStates, firing, today,
                capacity));
        int runMinutes = minutes == null ? p.minutes() : minutes;
        if (!reasons.isEmpty()) {
            Result blocked = Result.of(Outcome.PRACTICE_BLOCKED, vifId, PracticeText.blocked(vifId, reasons), states,
                    config.dryRun()).withPractice(new PracticeReport(vifId, null, Outcome.PRACTICE_BLOCKED, null, null,
                    reasons, null));
            notifier.beforeChange(writer.forPractice(blocked));
            return blocked;
        }
        if (config.dryRun()) {
            Result dry = Result.of(Outcome.DRY_RUN, vifId, PracticeText.wouldStart(vifId, runMinutes), states, true)
                    .withPractice(new PracticeReport(vifId, null, Outcome.DRY_RUN, null, null, List.of(), null));
            notifier.beforeChange(writer.forPractice(dry));
            return dry;
        }
        return begin(vifId, runMinutes, states);
    }

    /** Starts the test and writes the record; a record that cannot be written stops the test at once (§16 step 4). */
    private Result begin(String vifId, int minutes, VifStates states) {
        FailoverTestRun test = aws.dx().start(vifId, minutes);
        try {
            aws.dx().tag(vifId, PracticeRecord.RUNNING, test.testId());
        } catch (AwsCallFailed e) {
            String why = PracticeText.tagFailed(vifId, test.testId(), e.awsText());
            LOG.error(why, e);
            aws.dx().stop(vifId);
            Result failed = Result.of(Outcome.ERROR, vifId, why, states, false).withTest(test);
            notifier.send(writer.forPractice(failed));
            throw new RetryableFailure(why, e);
        }
        LOG.info("practice run {} started on {} until {}", test.testId(), vifId, test.endsAt());
        Result started = Result.of(Outcome.PRACTICE_STARTED, vifId,
                        PracticeText.started(vifId, test.testId(), minutes, test.endsAt(), aws.config().practice()),
                        states, false)
                .withTest(test)
                .withPractice(new PracticeReport(vifId, test.testId(), Outcome.PRACTICE_STARTED, test.endsAt(), null,
                        List.of(), null));
        return notifier.afterChange(started, writer.forPractice(started));
    }

    /** When each listed VIF's most recent failover test started (a VIF never tested is absent). */
    private Map<String, Instant> lastTestStarts(VifStates states) {
        Map<String, Instant> last = new HashMap<>();
        for (String vif : states.byId().keySet()) {
            TestHistoryEntry.lastStart(aws.dx().history(vif)).ifPresent(t -> last.put(vif, t));
        }
        return last;
    }

    /**
     * Watching (§16): the listed VIF whose {@code dx-failover:practice} tag names a test is the run that is on.
     * A running one is ended when it must be; one whose test ended by itself is judged from the traffic.
     * Empty when no run is on, or it goes on. No tag: no call at all.
     */
    Optional<Result> watch(VifStates states, List<FiringAlarm> firing, Instant now) {
        Optional<VifState> practised = states.practised();
        if (practised.isEmpty()) {
            return Optional.empty();
        }
        VifState vif = practised.get();
        String testId = vif.practiceTestId().orElseThrow();
        Optional<TestHistoryEntry> test = test(vif.id(), testId);
        if (test.isPresent() && test.get().runningAt(now) && vif.isUnderTest()) {
            Map<String, String> watchStates = aws.cloudWatch().readStates(aws.config().practice().watchAlarms());
            return Practice.watch(aws.config(), vif.id(), states, watchStates, firing)
                    .map(ending -> end(vif.id(), test.get(), ending, states));
        }
        return Optional.of(judge(vif, testId, test, states, now));
    }

    /** The operator's restore of the practised VIF: PRACTICE_INTERRUPTED, "ended by an operator" (§16). */
    Result endByOperator(VifState vif, VifStates states) {
        String testId = vif.practiceTestId().orElseThrow();
        TestHistoryEntry test = test(vif.id(), testId).orElse(new TestHistoryEntry(testId, null, null, null));
        return end(vif.id(), test, new Practice.Ending(Outcome.PRACTICE_INTERRUPTED, Practice.Interruption.OPERATOR,
                null), states);
    }

    /** The practice run's test in the VIF's history. */
    private Optional<TestHistoryEntry> test(String vifId, String testId) {
        return aws.dx().history(vifId).stream().filter(t -> testId.equals(t.testId())).findFirst();
    }

    /** Ends the run now and records why: PRACTICE_FAILED or PRACTICE_INTERRUPTED, one notification. */
    private Result end(String vifId, TestHistoryEntry test, Practice.Ending ending, VifStates states) {
        FailoverTestRun stopped = aws.dx().stop(vifId);
        Instant endedAt = stopped.endsAt() != null ? stopped.endsAt() : aws.clock().instant();
        Result result = Result.of(ending.outcome(), vifId, PracticeText.ended(vifId, ending, test.startedAt(), endedAt),
                        states, aws.config().dryRun())
                .withTest(stopped)
                .withPractice(new PracticeReport(vifId, test.testId(), ending.outcome(), null, endedAt, List.of(), null));
        return recorded(result, vifId, new PracticeRecord(endedAt, ending.outcome(), test.testId()));
    }

    /** Judges a run whose test ended by itself, from the traffic before and during it (one GetMetricData). */
    private Result judge(VifState vif, String testId, Optional<TestHistoryEntry> test, VifStates states, Instant now) {
        Instant start = test.map(TestHistoryEntry::startedAt).orElse(null);
        Instant end = test.map(TestHistoryEntry::endsAt).orElse(now);
        Map<String, Double> before = new HashMap<>();
        Map<String, Double> during = new HashMap<>();
        if (start != null) {
            Map<String, Map<Instant, Double>> traffic = aws.cloudWatch().readTraffic(
                    List.copyOf(states.byId().values()), start.minus(Practice.BEFORE), end);
            traffic.forEach((id, points) -> points.forEach((at, bps) -> {
                if (at.isBefore(start)) {
                    before.merge(id, bps, Math::max);
                } else if (!at.isBefore(start.plus(Practice.MARGIN)) && at.isBefore(end.minus(Practice.MARGIN))) {
                    during.merge(id, bps, Math::max);
                }
            }));
        }
        Practice.Judgement j = Practice.judge(vif.id(), aws.config().vifIds(), before, during);
        Map<String, PracticeReport.Traffic> evidence = new LinkedHashMap<>();
        aws.config().vifIds().forEach(id -> evidence.put(id, new PracticeReport.Traffic(before.get(id), during.get(id))));
        Result result = Result.of(j.outcome(), vif.id(), PracticeText.judged(vif.id(), j), states, aws.config().dryRun())
                .withPractice(new PracticeReport(vif.id(), testId, j.outcome(), null, end, List.of(), evidence));
        return recorded(result, vif.id(), new PracticeRecord(end, j.outcome(), testId));
    }

    /**
     * The record on the VIF: {@code dx-failover:practice} removed, {@code dx-failover:last-practice} written;
     * then the one notification. After the test has ended nothing may throw (§8): failures are in errors.
     */
    private Result recorded(Result result, String vifId, PracticeRecord record) {
        Result r = result;
        try {
            aws.dx().tag(vifId, PracticeRecord.LAST, record.tagValue());
            aws.dx().untag(vifId, PracticeRecord.RUNNING);
        } catch (AwsCallFailed e) {
            String why = Messages.failed(e) + ": the next pass tries again";
            LOG.error(why, e);
            r = r.withError(why);
        }
        LOG.info("practice run {} on {}: {}", record.testId(), vifId, record.outcome());
        return notifier.afterChange(r, writer.forPractice(r));
    }
}
