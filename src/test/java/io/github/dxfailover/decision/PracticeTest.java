package io.github.dxfailover.decision;

import io.github.dxfailover.Fixtures;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.env;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.Practice.Block;
import io.github.dxfailover.decision.Practice.Blocker;
import io.github.dxfailover.decision.Practice.Inconclusive;
import io.github.dxfailover.decision.Practice.Interruption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Practice runs of docs/behaviour.md §16 as tables: the choice, the blockers, the watch and the judgement. */
class PracticeTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final FailoverConfig CONFIG = practising(Map.of());
    private static final Map<String, String> ALL_OK = Map.of("apps-5xx", "OK", "change-freeze", "OK");

    private static FailoverConfig practising(Map<String, String> more) {
        Map<String, String> env = env();
        env.put("PRACTICE_OUTCOME_ALARMS", "apps-5xx");
        env.put("PRACTICE_BLOCKING_ALARMS", "change-freeze");
        env.put("PRACTICE_BLOCKED_DATES", "2026-12-24,2026-12-31");
        env.putAll(more);
        return config(env);
    }

    private static VifStates healthy() {
        return VifStates.select(CONFIG.managed(), List.of(VifState.of(VIF_A, "available", "up"),
                VifState.of(VIF_B, "available", "up"), VifState.of(VIF_C, "available", "up")));
    }

    private static List<Block> blocks(FailoverConfig c, VifStates s, Map<String, String> watch, List<FiringAlarm> firing,
                                      LocalDate today, Capacity capacity) {
        return Practice.blockers(c, VIF_A, s, watch, firing, today, capacity).stream().map(Blocker::block).toList();
    }

    @Test
    void theVifTestedLongestAgoFirstNeverTestedBeforeAnyTiesByIdOrTheOneNamed() {
        List<String> listed = List.of(VIF_C, VIF_B, VIF_A);
        Map<String, Instant> last = Map.of(VIF_A, NOW.minusSeconds(3600), VIF_B, NOW.minusSeconds(7200),
                VIF_C, NOW.minusSeconds(60));
        assertThat(Practice.chooseVif(listed, last)).isEqualTo(VIF_B);
        assertThat(Practice.chooseVif(listed, Map.of(VIF_A, NOW))).as("never tested first, ties by ID")
                .isEqualTo(VIF_B);
        assertThat(Practice.chooseVif(listed, Map.of())).isEqualTo(VIF_A);
    }

    @Test
    void nothingBlocksAWellNetwork() {
        assertThat(blocks(CONFIG, healthy(), ALL_OK, List.of(), TODAY, null)).isEmpty();
    }

    static Stream<Arguments> eachBlockerAlone() {
        Capacity unknown = new Capacity(80, 1, 1, List.of(new Capacity.Gap(Capacity.Missing.NO_DATAPOINTS, VIF_B, null)));
        Capacity over = new Capacity(80, 9e9, 1_000_000_000L, List.of());
        VifStates bDown = VifStates.select(CONFIG.managed(), List.of(VifState.of(VIF_A, "available", "up"),
                VifState.of(VIF_B, "down", "down"), VifState.of(VIF_C, "available", "up")));
        VifStates cTesting = VifStates.select(CONFIG.managed(), List.of(VifState.of(VIF_A, "available", "up"),
                VifState.of(VIF_B, "available", "up"), VifState.of(VIF_C, "testing", "down")));
        FiringAlarm onB = new FiringAlarm(alarm(VIF_B + " loss", "ALARM"), NOW, true, NOW);
        return Stream.of(
                Arguments.of(Block.NO_OUTCOME_ALARM, config(env()), healthy(), Map.of(), List.of(), TODAY, null),
                Arguments.of(Block.ALARM_MISSING, CONFIG, healthy(), Map.of("apps-5xx", "OK"), List.of(), TODAY, null),
                Arguments.of(Block.OUTCOME_ALARM_NOT_OK, CONFIG, healthy(),
                        Map.of("apps-5xx", "INSUFFICIENT_DATA", "change-freeze", "OK"), List.of(), TODAY, null),
                Arguments.of(Block.BLOCKING_ALARM_IN_ALARM, CONFIG, healthy(),
                        Map.of("apps-5xx", "OK", "change-freeze", "ALARM"), List.of(), TODAY, null),
                Arguments.of(Block.BLOCKED_DATE, CONFIG, healthy(), ALL_OK, List.of(), LocalDate.parse("2026-12-24"), null),
                Arguments.of(Block.VIF_NOT_HEALTHY, practising(Map.of("MINVIFS", "1")), bDown, ALL_OK, List.of(), TODAY,
                        null),
                Arguments.of(Block.VIF_UNDER_TEST, CONFIG, cTesting, ALL_OK, List.of(), TODAY, null),
                Arguments.of(Block.ALARM_NAMES_LISTED_VIF, CONFIG, healthy(), ALL_OK, List.of(onB), TODAY, null),
                Arguments.of(Block.AT_MINIMUM, practising(Map.of("MINVIFS", "3", "VIFLIST",
                        VIF_A + "," + VIF_B + "," + VIF_C + ",dxvif-dddd4444")), healthy(), ALL_OK, List.of(), TODAY, null),
                Arguments.of(Block.CAPACITY_UNKNOWN, CONFIG, healthy(), ALL_OK, List.of(), TODAY, unknown),
                Arguments.of(Block.CAPACITY_EXCEEDED, CONFIG, healthy(), ALL_OK, List.of(), TODAY, over));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachBlockerAlone")
    void eachBlockerAlone(Block expected, FailoverConfig c, VifStates s, Map<String, String> watch,
                          List<FiringAlarm> firing, LocalDate today, Capacity capacity) {
        List<Block> found = blocks(c, s, watch, firing, today, capacity);
        if (expected == Block.AT_MINIMUM) {
            // The fourth listed VIF is missing from Direct Connect: not healthy as well.
            assertThat(found).contains(Block.AT_MINIMUM);
        } else {
            assertThat(found).containsExactly(expected);
        }
    }

    @Test
    void allBlockersTogetherAreAllReported() {
        FailoverConfig c = practising(Map.of("PRACTICE_BLOCKING_ALARMS", "change-freeze,typo-alarm", "MINVIFS", "2"));
        VifStates s = VifStates.select(c.managed(), List.of(VifState.of(VIF_A, "available", "up"),
                VifState.of(VIF_B, "testing", "down"), VifState.of(VIF_C, "down", "down")));
        FiringAlarm onA = new FiringAlarm(alarm(VIF_A + " loss", "ALARM"), NOW, true, NOW);
        FiringAlarm muted = new FiringAlarm(alarm(VIF_C + " loss", "ALARM"), NOW, false, NOW);
        List<Block> found = blocks(c, s, Map.of("apps-5xx", "ALARM", "change-freeze", "ALARM"), List.of(onA, muted),
                LocalDate.parse("2026-12-31"), new Capacity(80, 9e9, 1, List.of()));
        assertThat(found).containsExactly(Block.OUTCOME_ALARM_NOT_OK, Block.BLOCKING_ALARM_IN_ALARM, Block.ALARM_MISSING,
                Block.BLOCKED_DATE, Block.VIF_UNDER_TEST, Block.VIF_NOT_HEALTHY, Block.ALARM_NAMES_LISTED_VIF,
                Block.AT_MINIMUM, Block.CAPACITY_EXCEEDED);
        assertThat(Practice.blockers(c, "dxvif-zzzz9999", s, Map.of(), List.of(), TODAY, null))
                .extracting(Blocker::block).contains(Block.VIF_NOT_LISTED);
    }

    @Test
    void watchAlarmsNeverNameAVifNorBlockAsAlarmsOnAVif() {
        FailoverConfig c = practising(Map.of("PRACTICE_OUTCOME_ALARMS", VIF_B + " apps"));
        FiringAlarm watchNamedLikeAVif = new FiringAlarm(alarm(VIF_B + " apps", "ALARM"), NOW, true, NOW);
        assertThat(blocks(c, healthy(), Map.of(VIF_B + " apps", "OK", "change-freeze", "OK"),
                List.of(watchNamedLikeAVif), TODAY, null)).isEmpty();
        ReconcilePlan plan = ReconcilePlan.of(c, List.of(watchNamedLikeAVif), healthy(), Fixtures.NO_FIGURES);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.namingNoVif()).isEqualTo(1);
    }

    @Test
    void aRunningRunEndsOnItsOutcomeAlarmsBlockingAlarmsAndTheOtherVifs() {
        VifStates s = healthy();
        assertThat(Practice.watch(CONFIG, VIF_A, s, ALL_OK, List.of(), NOW)).isEmpty();
        assertThat(Practice.watch(CONFIG, VIF_A, s, Map.of("apps-5xx", "ALARM", "change-freeze", "ALARM"), List.of(), NOW))
                .contains(new Practice.Ending(Outcome.PRACTICE_FAILED, Interruption.OUTCOME_ALARM, "apps-5xx"));
        assertThat(Practice.watch(CONFIG, VIF_A, s, Map.of("apps-5xx", "OK", "change-freeze", "ALARM"), List.of(), NOW))
                .contains(new Practice.Ending(Outcome.PRACTICE_INTERRUPTED, Interruption.BLOCKING_ALARM, "change-freeze"));
        FiringAlarm onB = new FiringAlarm(alarm(VIF_B + " loss", "ALARM"), NOW, true, NOW);
        FiringAlarm onA = new FiringAlarm(alarm(VIF_A + " loss", "ALARM"), NOW, true, NOW);
        assertThat(Practice.watch(CONFIG, VIF_A, s, ALL_OK, List.of(onA), NOW)).as("the practised VIF's own: settling")
                .isEmpty();
        assertThat(Practice.watch(CONFIG, VIF_A, s, ALL_OK, List.of(onB), NOW)).contains(new Practice.Ending(
                Outcome.PRACTICE_INTERRUPTED, Interruption.ALARM_ON_OTHER_VIF, VIF_B + " loss"));
        VifStates cDown = VifStates.select(CONFIG.managed(), List.of(VifState.of(VIF_A, "testing", "down"),
                VifState.of(VIF_B, "available", "up"), VifState.of(VIF_C, "available", "down")));
        assertThat(Practice.watch(CONFIG, VIF_A, cDown, ALL_OK, List.of(), NOW)).contains(new Practice.Ending(
                Outcome.PRACTICE_INTERRUPTED, Interruption.OTHER_VIF_NOT_HEALTHY, VIF_C));
    }

    /** §16: a run checked whole at its start never meets a window; one whose windows changed while it went does. */
    @Test
    void aRunningRunEndsWhenItsWindowsNoLongerLetItGo() {
        VifStates s = healthy();
        // NOW is Tuesday 03:00 UTC.
        assertThat(Practice.watch(practising(Map.of("PRACTICE_BLOCKED_WINDOWS", "Tue:02:30-Tue:03:30")), VIF_A, s,
                ALL_OK, List.of(), NOW)).contains(new Practice.Ending(Outcome.PRACTICE_INTERRUPTED,
                Interruption.BLOCKED_WINDOW, "Tue:02:30-Tue:03:30"));
        assertThat(Practice.watch(practising(Map.of("PRACTICE_BLOCKED_WINDOWS", "Tue:02:00-Tue:03:00")), VIF_A, s,
                ALL_OK, List.of(), NOW)).as("a window does not hold its end minute").isEmpty();
        assertThat(Practice.watch(practising(Map.of("PRACTICE_ALLOWED_WINDOWS", "Tue:02:00-Tue:03:00")), VIF_A, s,
                ALL_OK, List.of(), NOW)).contains(new Practice.Ending(Outcome.PRACTICE_INTERRUPTED,
                Interruption.OUTSIDE_ALLOWED_WINDOWS, null));
        assertThat(Practice.watch(practising(Map.of("PRACTICE_ALLOWED_WINDOWS", "Tue:03:00-Tue:04:00")), VIF_A, s,
                ALL_OK, List.of(), NOW)).isEmpty();
        assertThat(Practice.watch(practising(Map.of("PRACTICE_BLOCKED_WINDOWS", "Tue:02:30-Tue:03:30")), VIF_A, s,
                Map.of("apps-5xx", "ALARM", "change-freeze", "OK"), List.of(), NOW)).as("an outcome alarm first")
                .contains(new Practice.Ending(Outcome.PRACTICE_FAILED, Interruption.OUTCOME_ALARM, "apps-5xx"));
        VifStates cDown = VifStates.select(CONFIG.managed(), List.of(VifState.of(VIF_A, "testing", "down"),
                VifState.of(VIF_B, "available", "up"), VifState.of(VIF_C, "down", "down")));
        assertThat(Practice.watch(practising(Map.of("PRACTICE_BLOCKED_WINDOWS", "Tue:02:30-Tue:03:30")), VIF_A, cDown,
                ALL_OK, List.of(), NOW)).as("the windows last: what the watch always checked is said first")
                .contains(new Practice.Ending(Outcome.PRACTICE_INTERRUPTED, Interruption.OTHER_VIF_NOT_HEALTHY, VIF_C));
    }

    @Test
    void aCandidateRunIsBlockedByTheWindowsAsWellAsEverythingElse() {
        // Capacity not checked here: the figures are the capacity tests' business.
        FailoverConfig c = practising(Map.of("PRACTICE_BLOCKED_WINDOWS", "Tue:03:30-Tue:04:00", "MAX_UTILIZATION", "0"));
        Practice.Candidate blocked = Practice.candidate(c, null, healthy(), Map.of(), ALL_OK, List.of(), NOW, 30,
                Fixtures.NO_FIGURES);
        assertThat(blocked.blockers()).containsExactly(new Blocker(Block.BLOCKED_WINDOW, "Tue:03:30-Tue:04:00",
                "2026-12-01T04:00:00Z"));
        assertThat(Practice.candidate(c, null, healthy(), Map.of(), ALL_OK, List.of(), NOW, 15, Fixtures.NO_FIGURES)
                .blockers()).as("a 15-minute run and its settling end as the window opens").isEmpty();
        FailoverConfig allowed = practising(Map.of("PRACTICE_ALLOWED_WINDOWS", "Tue:02:00-Tue:04:00",
                "MAX_UTILIZATION", "0"));
        assertThat(Practice.candidate(allowed, null, healthy(), Map.of(), ALL_OK, List.of(), NOW, 90,
                Fixtures.NO_FIGURES).blockers()).extracting(Blocker::block).containsExactly(Block.LEAVES_ALLOWED_WINDOW);
    }

    @ParameterizedTest(name = "A {0} → {1}, others {2} → {3}: {4}")
    @CsvSource(nullValues = "NULL", value = {
        "2000000000, 0,         1000000000, 3100000000, NULL",
        "2000000000, 200000000, 1000000000, 2000000000, NULL",            // exactly 10 %: still succeeded
        "2000000000, 200000001, 1000000000, 3000000000, STILL_CARRYING",
        "2000000000, 0,         1000000000, 2000000000, NULL",            // exactly half of what it carried
        "2000000000, 0,         1000000000, 1999999999, NOT_PICKED_UP",
        "1000000,    0,         1000000000, 1000500000, NULL",            // 1 Mbit/s is something to move
        "999999,     0,         1000000000, 2000000000, NOTHING_TO_MOVE",
        "NULL,       0,         1000000000, 2000000000, NO_DATAPOINTS",
        "2000000000, NULL,      1000000000, 2000000000, NO_DATAPOINTS",
    })
    void theJudgementAtItsThresholds(Double before, Double during, double othersBefore, double othersDuring,
                                     Inconclusive why) {
        Map<String, Double> b = new java.util.HashMap<>(Map.of(VIF_B, othersBefore / 2, VIF_C, othersBefore / 2));
        Map<String, Double> d = new java.util.HashMap<>(Map.of(VIF_B, othersDuring / 2, VIF_C, othersDuring / 2));
        if (before != null) {
            b.put(VIF_A, before);
        }
        if (during != null) {
            d.put(VIF_A, during);
        }
        Practice.Judgement j = Practice.judge(VIF_A, List.of(VIF_A, VIF_B, VIF_C), b, d);
        assertThat(j.why()).isEqualTo(why);
        assertThat(j.outcome()).isEqualTo(why == null ? Outcome.PRACTICE_SUCCEEDED : Outcome.PRACTICE_INCONCLUSIVE);
    }

    @Test
    void anotherVifWithoutDatapointsIsInconclusive() {
        Practice.Judgement j = Practice.judge(VIF_A, List.of(VIF_A, VIF_B), Map.of(VIF_A, 2e9, VIF_B, 1e9),
                Map.of(VIF_A, 0.0));
        assertThat(j.why()).isEqualTo(Inconclusive.NO_DATAPOINTS);
    }

    @Test
    void notProvenIsNeverPractisedALastRunThatDidNotSucceedOrASuccessTooLongAgo() {
        VifState recent = VifState.of(VIF_A, "available", "up").tagged(Map.of(PracticeRecord.LAST,
                new PracticeRecord(NOW.minus(java.time.Duration.ofDays(34)), Outcome.PRACTICE_SUCCEEDED, "t-1").tagValue()));
        VifState old = VifState.of(VIF_B, "available", "up").tagged(Map.of(PracticeRecord.LAST,
                new PracticeRecord(NOW.minus(java.time.Duration.ofDays(35)), Outcome.PRACTICE_SUCCEEDED, "t-2").tagValue()));
        VifState failed = VifState.of(VIF_C, "available", "up").tagged(Map.of(PracticeRecord.LAST,
                new PracticeRecord(NOW.minus(java.time.Duration.ofDays(1)), Outcome.PRACTICE_FAILED, "t-3").tagValue()));
        VifStates s = VifStates.select(new ManagedVifs.Listed(List.of(VIF_A, VIF_B, VIF_C, "dxvif-fgzz0001")), List.of(recent, old, failed));

        assertThat(Practice.notProven(s, NOW, 35)).containsExactly(VIF_B, VIF_C, "dxvif-fgzz0001");
        assertThat(Practice.notProven(s, NOW, 36)).containsExactly(VIF_C, "dxvif-fgzz0001");
    }

    @Test
    void theRecordOnTheVifAndTheSettlingAfterIt() {
        PracticeRecord r = new PracticeRecord(Instant.parse("2026-12-01T02:50:00Z"), Outcome.PRACTICE_SUCCEEDED, "t-1");
        assertThat(r.tagValue()).isEqualTo("2026-12-01T02:50:00Z PRACTICE_SUCCEEDED t-1");
        assertThat(PracticeRecord.parse(r.tagValue())).contains(r);
        assertThat(PracticeRecord.parse("yesterday it went fine")).isEmpty();
        assertThat(PracticeRecord.parse("2026-12-01T02:50:00Z GREAT t-1")).isEmpty();
        assertThat(PracticeRecord.parse(null)).isEmpty();

        VifState running = VifState.of(VIF_A, "testing", "down").tagged(Map.of(PracticeRecord.RUNNING, "t-2"));
        VifState justEnded = VifState.of(VIF_A, "available", "up").tagged(Map.of(PracticeRecord.LAST, r.tagValue()));
        assertThat(running.settlingAt(NOW)).isTrue();
        assertThat(justEnded.settlingAt(Instant.parse("2026-12-01T03:04:59Z"))).isTrue();
        assertThat(justEnded.settlingAt(Instant.parse("2026-12-01T03:05:00Z"))).isFalse();
        assertThat(VifState.of(VIF_A, "available", "up").settlingAt(NOW)).isFalse();

        FiringAlarm onA = new FiringAlarm(alarm(VIF_A + " loss", "ALARM"), NOW, true, NOW);
        VifStates s = VifStates.select(CONFIG.managed(), List.of(running, VifState.of(VIF_B, "available", "up"),
                VifState.of(VIF_C, "available", "up")));
        ReconcilePlan plan = ReconcilePlan.of(CONFIG, List.of(onA), s, Fixtures.NO_FIGURES);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.settling()).isEqualTo(1);
        assertThat(List.of(plan.muted(), plan.unlisted(), plan.namingNoVif())).containsOnly(0);
    }

    @Test
    void aTestRunsUntilItEndsOrIsCompletedCancelledOrFailed() {
        Instant later = NOW.plusSeconds(60);
        assertThat(new TestHistoryEntry("t", "IN_PROGRESS", NOW, later).runningAt(NOW)).isTrue();
        assertThat(new TestHistoryEntry("t", null, NOW, null).runningAt(NOW)).isTrue();
        assertThat(new TestHistoryEntry("t", "IN_PROGRESS", NOW, NOW).runningAt(NOW)).isFalse();
        for (String ended : List.of("COMPLETED", "cancelled", "FAILED")) {
            assertThat(new TestHistoryEntry("t", ended, NOW, later).runningAt(NOW)).as(ended).isFalse();
        }
        List<TestHistoryEntry> history = List.of(new TestHistoryEntry("old", "COMPLETED", NOW.minusSeconds(7200), NOW),
                new TestHistoryEntry("new", "IN_PROGRESS", NOW.minusSeconds(60), later),
                new TestHistoryEntry("odd", "COMPLETED", null, null));
        assertThat(TestHistoryEntry.lastStart(history)).contains(NOW.minusSeconds(60));
        assertThat(TestHistoryEntry.lastStart(List.of())).isEmpty();
        assertThat(TestHistoryEntry.running(history, NOW)).map(TestHistoryEntry::testId).contains("new");
        assertThat(PracticeRecord.parse(NOW + " PRACTICE_FAILED t").orElseThrow().succeeded()).isFalse();
        assertThat(PracticeRecord.parse(NOW + " PRACTICE_SUCCEEDED t").orElseThrow().succeeded()).isTrue();
    }
}
