package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.PracticeSettings;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.Practice;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.result.PracticeReport;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import io.github.dxfailover.text.PracticeText;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Practice runs (docs/behaviour.md §16): starting one, and watching, ending and judging the one that
 * is on. The record lives on the VIF's own tags, so a pass with no practice tag costs no extra call.
 * Under DRY_RUN nothing is started, stopped or tagged: the result says what would have been done.
 */
record PracticeRuns(FailoverConfig config, Ports ports, Clock clock, Notifier notifier, Notifications writer,
                    CapacityReads capacity) {
    private static final Logger LOG = LoggerFactory.getLogger(PracticeRuns.class);

    /**
     * What the watch did, and the VIF states as it leaves them: an ended or judged run's record as written (or, under
     * DRY_RUN, as it would be), so that settling counts from the run's end.
     */
    record Watched(Result result, VifStates states) {
    }

    /** The {@code practice} command: the run that is on is watched first; else one starts, or says why not. */
    Result start(String named, Integer minutes, Deadline deadline) {
        Instant now = clock.instant();
        VifStates states = ports.vifs().readStates(config.managed()).at(now);
        List<FiringAlarm> firing = ports.alarms().readFiring();
        Optional<Watched> watched = watch(states, firing, now, true);
        if (watched.isPresent()) {
            return watched.get().result();
        }
        PracticeSettings p = config.practice();
        Map<String, String> watchStates = ports.alarms().statesOf(p.watchAlarms()); // none configured: no call
        int runMinutes = minutes == null ? p.minutes() : minutes;
        Practice.Candidate candidate = Practice.candidate(config, named, states,
                named == null ? lastTestStarts(states) : Map.of(), watchStates, firing, now, runMinutes,
                capacity.once(states));
        String vifId = candidate.vifId();
        List<String> reasons = PracticeText.blockers(candidate.blockers());
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
        if (!deadline.allows(FailoverStart.BUDGET, clock)) {
            throw new RetryableFailure(Messages.noTimeToStart(vifId), null);
        }
        return begin(states.get(vifId), runMinutes, states);
    }

    /** Starts the test and writes the record; a record that cannot be written stops the test at once (§16 step 4). */
    private Result begin(VifState vif, int minutes, VifStates states) {
        String vifId = vif.id();
        FailoverTestRun test = ports.vifs().start(vifId, minutes);
        try {
            ports.vifs().tag(vif, PracticeRecord.RUNNING, test.testId());
        } catch (AwsCallFailed e) {
            String why = PracticeText.tagFailed(vifId, test.testId(), e.awsText());
            LOG.error(why, e);
            ports.vifs().stop(vifId);
            Result failed = Result.of(Outcome.ERROR, vifId, why, states, false).withTest(test);
            notifier.send(writer.forPractice(failed));
            throw new RetryableFailure(why, e);
        }
        LOG.info("practice run {} started on {} until {}", test.testId(), vifId, test.endsAt());
        Result started = Result.of(Outcome.PRACTICE_STARTED, vifId,
                        PracticeText.started(vifId, test.testId(), minutes, test.endsAt(), config.practice()),
                        states, false)
                .withTest(test)
                .withPractice(new PracticeReport(vifId, test.testId(), Outcome.PRACTICE_STARTED, test.endsAt(), null,
                        List.of(), null));
        return notifier.afterChange(started, writer.forPractice(started));
    }

    /** When each managed VIF's most recent failover test started (a VIF never tested is absent). */
    private Map<String, Instant> lastTestStarts(VifStates states) {
        Map<String, Instant> last = new HashMap<>();
        for (String vif : states.byId().keySet()) {
            TestHistoryEntry.lastStart(ports.vifs().history(vif)).ifPresent(t -> last.put(vif, t));
        }
        return last;
    }

    /**
     * Watching (§16): the managed VIF whose {@code dx-failover:practice} tag names a test is the run that is on.
     * A running one is ended when it must be; one whose test ended by itself is judged from the traffic.
     * Empty when no run is on, or it goes on. No tag: no call at all.
     *
     * @param notifyDryRun whether what DRY_RUN keeps from happening is notified: on events and commands, not in a
     *                     reconcile pass (docs/behaviour.md §13 step 4)
     */
    Optional<Watched> watch(VifStates states, List<FiringAlarm> firing, Instant now, boolean notifyDryRun) {
        Optional<VifState> practised = states.practised();
        if (practised.isEmpty()) {
            return Optional.empty();
        }
        VifState vif = practised.get();
        String testId = vif.practiceTestId().orElseThrow();
        Optional<TestHistoryEntry> test = test(vif.id(), testId);
        if (Practice.isRunning(vif, test.filter(t -> t.runningAt(now)))) {
            Map<String, String> watchStates = ports.alarms().statesOf(config.practice().watchAlarms());
            return Practice.watch(config, vif.id(), states, watchStates, firing, now)
                    .map(ending -> end(vif, test.get(), ending, states, notifyDryRun));
        }
        return Optional.of(judge(vif, testId, test, states, now, notifyDryRun));
    }

    /**
     * The operator's restore of a VIF whose practice run is running: PRACTICE_INTERRUPTED, "ended by an operator"
     * (§16); empty when no practice run is running on it (no tag, or a tag naming a test that has ended: a plain
     * restore). Without a practice tag no call is made.
     */
    Optional<Result> endByOperator(VifState vif, VifStates states) {
        if (vif.practiceTestId().isEmpty()) {
            return Optional.empty();
        }
        Optional<TestHistoryEntry> running = TestHistoryEntry.running(ports.vifs().history(vif.id()), clock.instant());
        if (!Practice.isRunning(vif, running)) {
            return Optional.empty();
        }
        return Optional.of(end(vif, running.get(), new Practice.Ending(Outcome.PRACTICE_INTERRUPTED,
                Practice.Interruption.OPERATOR, null), states, true).result());
    }

    /** The practice run's test in the VIF's history (every page of it). */
    private Optional<TestHistoryEntry> test(String vifId, String testId) {
        return ports.vifs().history(vifId).stream().filter(t -> testId.equals(t.testId())).findFirst();
    }

    /** Ends the run now and records why: PRACTICE_FAILED or PRACTICE_INTERRUPTED, one notification. */
    private Watched end(VifState vif, TestHistoryEntry test, Practice.Ending ending, VifStates states,
                        boolean notifyDryRun) {
        String vifId = vif.id();
        if (config.dryRun()) {
            Result dry = Result.of(Outcome.DRY_RUN, vifId, PracticeText.wouldEnd(vifId, ending, test.startedAt(),
                            clock.instant()), states, true)
                    .withPractice(new PracticeReport(vifId, test.testId(), ending.outcome(), null, null, List.of(), null));
            return dryRun(dry, states, notifyDryRun); // the run goes on: its VIF still settles
        }
        FailoverTestRun stopped = ports.vifs().stop(vifId);
        Instant endedAt = stopped.endsAt() != null ? stopped.endsAt() : clock.instant();
        Result result = Result.of(ending.outcome(), vifId, PracticeText.ended(vifId, ending, test.startedAt(), endedAt),
                        states, false)
                .withTest(stopped)
                .withPractice(new PracticeReport(vifId, test.testId(), ending.outcome(), null, endedAt, List.of(), null));
        return recorded(result, vif, new PracticeRecord(endedAt, ending.outcome(), test.testId()), states);
    }

    /** Judges a run whose test ended by itself, from the traffic before and during it (one GetMetricData). */
    private Watched judge(VifState vif, String testId, Optional<TestHistoryEntry> test, VifStates states, Instant now,
                          boolean notifyDryRun) {
        Instant start = test.map(TestHistoryEntry::startedAt).orElse(null);
        Instant end = test.map(TestHistoryEntry::endsAt).orElse(now);
        Practice.Windows windows = start == null ? new Practice.Windows(Map.of(), Map.of())
                : Practice.windows(ports.traffic().readTraffic(List.copyOf(states.byId().values()),
                Practice.trafficFrom(start), end), start, end);
        Practice.Judgement j = Practice.judge(vif.id(), states.ids(), windows.before(), windows.during());
        Map<String, PracticeReport.Traffic> evidence = new LinkedHashMap<>();
        states.ids().forEach(id -> evidence.put(id,
                new PracticeReport.Traffic(windows.before().get(id), windows.during().get(id))));
        PracticeRecord record = new PracticeRecord(end, j.outcome(), testId);
        PracticeReport report = new PracticeReport(vif.id(), testId, j.outcome(), null, end, List.of(), evidence);
        if (config.dryRun()) {
            Result dry = Result.of(Outcome.DRY_RUN, vif.id(), PracticeText.judged(vif.id(), j) + PracticeText.NOT_RECORDED,
                    states, true).withPractice(report);
            return dryRun(dry, states.withPracticeRecorded(vif.id(), record), notifyDryRun); // the run did end
        }
        Result result = Result.of(j.outcome(), vif.id(), PracticeText.judged(vif.id(), j), states, false)
                .withPractice(report);
        return recorded(result, vif, record, states);
    }

    /** Under DRY_RUN nothing was changed: notified on events and commands (a failure throws), silent in a pass. */
    private Watched dryRun(Result dry, VifStates after, boolean notifyDryRun) {
        if (notifyDryRun) {
            notifier.beforeChange(writer.forPractice(dry));
        }
        return new Watched(dry, after);
    }

    /**
     * The record on the VIF: {@code dx-failover:practice} removed, {@code dx-failover:last-practice} written;
     * then the one notification. After the test has ended nothing may throw (§8): failures are in errors.
     */
    private Watched recorded(Result result, VifState vif, PracticeRecord record, VifStates states) {
        Result r = result;
        try {
            ports.vifs().tag(vif, PracticeRecord.LAST, record.tagValue());
            ports.vifs().untag(vif, PracticeRecord.RUNNING);
        } catch (AwsCallFailed e) {
            String why = Messages.failed(e) + ": the next pass tries again";
            LOG.error(why, e);
            r = r.withError(why);
        }
        LOG.info("practice run {} on {}: {}", record.testId(), vif.id(), record.outcome());
        return new Watched(notifier.afterChange(r, writer.forPractice(r)),
                states.withPracticeRecorded(vif.id(), record));
    }
}
