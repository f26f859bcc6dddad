package io.github.dxfailover.service;

import java.util.Set;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.PracticeSettings;
import io.github.dxfailover.decision.Decision;
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
 * Under DRY_RUN the same plan is made and not applied: the result says what would have been done.
 */
record PracticeRuns(FailoverConfig config, Apply apply, Notifier notifier, Notifications writer) {
    private static final Logger LOG = LoggerFactory.getLogger(PracticeRuns.class);

    /**
     * What the watch did, and the VIF states as it leaves them: an ended or judged run's record as written (or, under
     * DRY_RUN, as it would be), so that settling counts from the run's end.
     *
     * @param restored the VIF whose running practice run the watch ended now (or, under DRY_RUN, would have): a path
     *                 restored, which give back counts among the healthy (§19); empty when it only judged a run
     */
    record Watched(Result result, VifStates states, Set<String> restored) {
        Watched(Result result, VifStates states) {
            this(result, states, Set.of());
        }
    }

    /** The {@code practice} command: the run that is on is watched first; else one starts, or says why not. */
    Result start(Observation seen, String named, Integer minutes, Deadline deadline) {
        Instant now = seen.now();
        VifStates states = seen.vifs();
        List<FiringAlarm> firing = seen.firing();
        Optional<Watched> watched = watch(seen, states, firing, true);
        if (watched.isPresent()) {
            return watched.get().result();
        }
        PracticeSettings p = config.practice();
        int runMinutes = minutes == null ? p.minutes() : minutes;
        Practice.Candidate candidate = Practice.candidate(config, named, states,
                named == null ? lastTestStarts(seen, states) : Map.of(), seen.watchAlarms(), firing, now, runMinutes,
                seen.capacity(states));
        String vifId = candidate.vifId();
        List<String> reasons = PracticeText.blockers(candidate.blockers());
        Outcome outcome = reasons.isEmpty() ? Decision.planned(config, Outcome.PRACTICE_STARTED)
                : Outcome.PRACTICE_BLOCKED;
        if (outcome != Outcome.PRACTICE_STARTED) {
            // Blocked, or DRY_RUN: nothing changes, so a failed notification fails the invocation (§8).
            Result decided = Result.of(outcome, vifId, outcome == Outcome.DRY_RUN
                            ? PracticeText.wouldStart(vifId, runMinutes) : PracticeText.blocked(vifId, reasons), states)
                    .withPractice(new PracticeReport(vifId, null, outcome, null, null, reasons, null));
            notifier.beforeChange(writer.forPractice(decided));
            return decided;
        }
        if (!seen.fits(deadline, apply.budget())) {
            throw new RetryableFailure(Messages.noTimeToStart(vifId), null);
        }
        return begin(states.get(vifId), runMinutes, states);
    }

    /**
     * Starts the test and writes the record; a record that cannot be written stops the test at once (§16 step 4). A
     * start that failed (and does not read back as started, §8) is notified, then the invocation fails.
     */
    private Result begin(VifState vif, int minutes, VifStates states) {
        String vifId = vif.id();
        FailoverTestRun test = apply.startOrTell(vifId, minutes,
                why -> writer.forPractice(Result.of(Outcome.ERROR, vifId, why, states)));
        try {
            apply.tag(vif, PracticeRecord.RUNNING, test.testId());
        } catch (AwsCallFailed e) {
            String why = PracticeText.tagFailed(vifId, test.testId(), e.awsText());
            LOG.error(why, e);
            apply.stop(vifId);
            Result failed = Result.of(Outcome.ERROR, vifId, why, states).withTest(test);
            notifier.send(writer.forPractice(failed));
            throw new RetryableFailure(why, e);
        }
        LOG.info("practice run {} started on {} until {}", test.testId(), vifId, test.endsAt());
        Result started = Result.of(Outcome.PRACTICE_STARTED, vifId,
                        PracticeText.started(vifId, test.testId(), minutes, test.endsAt(), config.practice()), states)
                .withTest(test)
                .withPractice(new PracticeReport(vifId, test.testId(), Outcome.PRACTICE_STARTED, test.endsAt(), null,
                        List.of(), null));
        return notifier.afterChange(started, writer.forPractice(started));
    }

    /** When each managed VIF's most recent failover test started (a VIF never tested is absent). */
    private static Map<String, Instant> lastTestStarts(Observation seen, VifStates states) {
        Map<String, Instant> last = new HashMap<>();
        for (String vif : states.byId().keySet()) {
            TestHistoryEntry.lastStart(seen.history(vif)).ifPresent(t -> last.put(vif, t));
        }
        return last;
    }

    /**
     * Watching (§16): the managed VIF whose {@code dx-failover:practice} tag names a test is the run that is on.
     * A running one is ended when it must be; one whose test ended by itself is judged from the traffic. A run whose
     * ending an earlier invocation decided, or recorded without telling it, is finished with that outcome and never
     * judged again (§8). Empty when no run is on, or it goes on. No tag: no call at all.
     *
     * @param notifyDryRun whether what DRY_RUN keeps from happening is notified: on events and commands, not in a
     *                     reconcile pass (docs/behaviour.md §13 step 4)
     */
    Optional<Watched> watch(Observation seen, VifStates states, List<FiringAlarm> firing, boolean notifyDryRun) {
        Optional<VifState> practised = states.practised();
        if (practised.isEmpty()) {
            return Optional.empty();
        }
        VifState vif = practised.get();
        String testId = vif.practiceTestId().orElseThrow();
        Instant now = seen.now();
        Optional<TestHistoryEntry> test = test(seen, vif.id(), testId);
        Optional<PracticeRecord> recorded = vif.lastPractice().filter(r -> r.testId().equals(testId));
        if (recorded.isPresent()) {
            // Recorded by an earlier invocation that could not tell it or remove the tag: tell it now (§8).
            return Optional.of(retold(vif, recorded.get(), test, states, notifyDryRun));
        }
        if (vif.practiceDecided().isPresent()) {
            TestHistoryEntry t = test.orElse(new TestHistoryEntry(testId, null, null, null));
            return Optional.of(end(vif, t, Practice.decidedEarlier(vif.practiceDecided().get()), states, now,
                    notifyDryRun)).map(w -> new Watched(w.result(), w.states(), Set.of(vif.id())));
        }
        if (Practice.isRunning(vif, test.filter(t -> t.runningAt(now)))) {
            return Practice.watch(config, vif.id(), states, seen.watchAlarms(), firing, now)
                    .map(ending -> end(vif, test.get(), ending, states, now, notifyDryRun))
                    .map(w -> new Watched(w.result(), w.states(), Set.of(vif.id())));
        }
        return Optional.of(judge(seen, vif, testId, test, states, notifyDryRun));
    }

    /**
     * The operator's restore of a VIF whose practice run is running: PRACTICE_INTERRUPTED, "ended by an operator"
     * (§16); empty when no practice run is running on it (no tag, or a tag naming a test that has ended: a plain
     * restore). Without a practice tag no call is made.
     */
    Optional<Result> endByOperator(Observation seen, VifState vif, VifStates states) {
        if (vif.practiceTestId().isEmpty()) {
            return Optional.empty();
        }
        Optional<TestHistoryEntry> running = seen.runningTest(vif.id());
        if (!Practice.isRunning(vif, running)) {
            return Optional.empty();
        }
        return Optional.of(end(vif, running.get(), new Practice.Ending(Outcome.PRACTICE_INTERRUPTED,
                Practice.Interruption.OPERATOR, null), states, seen.now(), true).result());
    }

    /** The practice run's test in the VIF's history (every page of it). */
    private static Optional<TestHistoryEntry> test(Observation seen, String vifId, String testId) {
        return seen.history(vifId).stream().filter(t -> testId.equals(t.testId())).findFirst();
    }

    /**
     * Ends the run now and records why: PRACTICE_FAILED or PRACTICE_INTERRUPTED, one notification. The decision is
     * written on the practice tag first, so that whatever fails after it, no later invocation judges the run from the
     * traffic (§8); then the test is stopped (unless it has ended already), recorded and told.
     */
    private Watched end(VifState vif, TestHistoryEntry test, Practice.Ending ending, VifStates states, Instant now,
                        boolean notifyDryRun) {
        String vifId = vif.id();
        List<String> errors = new java.util.ArrayList<>();
        try {
            apply.tag(vif, PracticeRecord.RUNNING, test.testId() + " " + ending.outcome());
        } catch (AwsCallFailed e) {
            // The run must end all the same: an outcome alarm in ALARM means the applications suffer.
            errors.add(recordNotWritten(e));
        }
        // A test an earlier invocation already stopped is not stopped again.
        Optional<FailoverTestRun> stopped;
        try {
            stopped = test.runningAt(now) ? apply.stop(vifId)
                    : apply.applies() ? Optional.of(new FailoverTestRun(test.testId(), test.endsAt())) : Optional.empty();
        } catch (AwsCallFailed e) {
            // The run must end: tell the team it could not be stopped, and let Lambda retry (its decided outcome
            // stays on its tag, so the retry or the next pass stops and records it, §8).
            String why = Messages.failed(e);
            LOG.error(why, e);
            notifier.send(writer.forPractice(Result.of(Outcome.ERROR, vifId, PracticeText.notStopped(vifId,
                    ending, why), states)));
            throw new RetryableFailure(why, e);
        }
        if (stopped.isEmpty()) {
            Result dry = Result.of(Outcome.DRY_RUN, vifId, PracticeText.wouldEnd(vifId, ending, test.startedAt(), now),
                            states)
                    .withPractice(new PracticeReport(vifId, test.testId(), ending.outcome(), null, null, List.of(), null));
            return dryRun(dry, states, notifyDryRun); // the run goes on: its VIF still settles
        }
        Instant endedAt = stopped.get().endsAt() != null ? stopped.get().endsAt() : now;
        Result result = Result.of(ending.outcome(), vifId, PracticeText.ended(vifId, ending, test.startedAt(), endedAt),
                        states)
                .withTest(stopped.get())
                .withPractice(new PracticeReport(vifId, test.testId(), ending.outcome(), null, endedAt, List.of(), null))
                .withErrors(errors);
        // A stopped test is a change the team must hear of now, even should its record wait for the next pass.
        return recorded(result, vif, new PracticeRecord(endedAt, ending.outcome(), test.testId()), states,
                notifyDryRun, true);
    }

    /** A run recorded by an earlier invocation whose message or tag removal failed: told now, the tag removed. */
    private Watched retold(VifState vif, PracticeRecord record, Optional<TestHistoryEntry> test, VifStates states,
                           boolean notifyDryRun) {
        Result result = Result.of(record.outcome(), vif.id(), PracticeText.retold(vif.id(), record), states)
                .withPractice(new PracticeReport(vif.id(), record.testId(), record.outcome(), null, record.endedAt(),
                        List.of(), null));
        if (!apply.applies()) {
            // Under DRY_RUN the tag could not be removed: telling it would repeat every pass (§13 step 4).
            return dryRun(Result.of(Outcome.DRY_RUN, vif.id(), result.message() + PracticeText.NOT_RECORDED, states)
                    .withPractice(result.practice()), states.withPracticeRecorded(vif.id(), record), notifyDryRun);
        }
        return new Watched(toldThenUntagged(result, vif), states.withPracticeRecorded(vif.id(), record));
    }

    /** The one message of an ended run; once it is told the practice tag goes, and with it the run (§8). */
    private Result toldThenUntagged(Result r, VifState vif) {
        Result told = notifier.afterChange(r, writer.forPractice(r));
        if (told.errors().size() == r.errors().size()) {
            // Not told: the tag stays, and the next pass tells it.
            try {
                apply.untag(vif, PracticeRecord.RUNNING);
            } catch (AwsCallFailed e) {
                told = told.withError(recordNotWritten(e));
            }
        }
        return told;
    }

    private static String recordNotWritten(AwsCallFailed e) {
        String why = Messages.failed(e) + ": the next pass tries again";
        LOG.error(why, e);
        return why;
    }

    /** Judges a run whose test ended by itself, from the traffic before and during it (one GetMetricData). */
    private Watched judge(Observation seen, VifState vif, String testId, Optional<TestHistoryEntry> test,
                          VifStates states, boolean notifyDryRun) {
        Instant start = test.map(TestHistoryEntry::startedAt).orElse(null);
        Instant end = test.map(TestHistoryEntry::endsAt).orElse(seen.now());
        Practice.Windows windows = start == null ? new Practice.Windows(Map.of(), Map.of())
                : Practice.windows(seen.traffic(List.copyOf(states.byId().values()), Practice.trafficFrom(start), end),
                start, end);
        Practice.Judgement j = Practice.judge(vif.id(), states.ids(), windows.before(), windows.during());
        Map<String, PracticeReport.Traffic> evidence = new LinkedHashMap<>();
        states.ids().forEach(id -> evidence.put(id,
                new PracticeReport.Traffic(windows.before().get(id), windows.during().get(id))));
        PracticeRecord record = new PracticeRecord(end, j.outcome(), testId);
        PracticeReport report = new PracticeReport(vif.id(), testId, j.outcome(), null, end, List.of(), evidence);
        Result result = Result.of(j.outcome(), vif.id(), PracticeText.judged(vif.id(), j), states).withPractice(report);
        return recorded(result, vif, record, states, notifyDryRun, false);
    }

    /** Under DRY_RUN nothing was changed: notified on events and commands (a failure throws), silent in a pass. */
    private Watched dryRun(Result dry, VifStates after, boolean notifyDryRun) {
        if (notifyDryRun) {
            notifier.beforeChange(writer.forPractice(dry));
        }
        return new Watched(dry, after);
    }

    /**
     * The record on the VIF: {@code dx-failover:last-practice} written; then the one notification; then
     * {@code dx-failover:practice} removed, the sign that the run was recorded and told. After the test has ended
     * nothing may throw (§8): failures are in errors, and the next invocation finishes what is missing (the tag stays
     * until then). A record that cannot be written leaves the message to the next pass, unless the invocation
     * changed something the team must hear of now ({@code tellAnyway}: it stopped the test). Under DRY_RUN nothing
     * is written: the result says what would have been recorded.
     */
    private Watched recorded(Result result, VifState vif, PracticeRecord record, VifStates states,
                             boolean notifyDryRun, boolean tellAnyway) {
        Result r = result;
        boolean applied;
        try {
            applied = apply.tag(vif, PracticeRecord.LAST, record.tagValue());
        } catch (AwsCallFailed e) {
            r = r.withError(recordNotWritten(e));
            return new Watched(tellAnyway ? notifier.afterChange(r, writer.forPractice(r)) : r, states);
        }
        VifStates after = states.withPracticeRecorded(vif.id(), record);
        if (!applied) {
            Result dry = Result.of(Outcome.DRY_RUN, vif.id(), r.message() + PracticeText.NOT_RECORDED, states)
                    .withPractice(r.practice());
            return dryRun(dry, after, notifyDryRun); // the run did end
        }
        LOG.info("practice run {} on {}: {}", record.testId(), vif.id(), record.outcome());
        return new Watched(toldThenUntagged(r, vif), after);
    }
}
