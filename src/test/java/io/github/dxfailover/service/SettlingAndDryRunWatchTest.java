package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settling counts from the practice run's end and concerns alarms only; DRY_RUN holds for the practice watch
 * (docs/behaviour.md §5, §16). Each test failed before the one-direction change.
 */
class SettlingAndDryRunWatchTest {
    private static final String OUTCOME_ALARM = "app-latency";
    private final InMemoryAws aws = new InMemoryAws();

    private static FailoverConfig config(boolean dryRun) {
        Map<String, String> env = Fixtures.env();
        env.put("PRACTICE_OUTCOME_ALARMS", OUTCOME_ALARM);
        env.put("DRY_RUN", String.valueOf(dryRun));
        return Fixtures.config(env);
    }

    /** A's practice run ended {@code minutesAgo}, not yet judged: its tag still names the test. */
    private void endedUnjudgedRun(int minutesAgo) {
        aws.healthy(VIF_A, VIF_B, VIF_C).tagged(VIF_A, PracticeRecord.RUNNING, "t-practice");
        aws.history.put(VIF_A, new ArrayList<>(List.of(new TestHistoryEntry("t-practice", "COMPLETED",
                InMemoryAws.NOW.minusSeconds((minutesAgo + 30) * 60L), InMemoryAws.NOW.minusSeconds(minutesAgo * 60L)))));
        aws.alarmStates.put(OUTCOME_ALARM, "OK");
    }

    @Test
    void anAlarmFortyMinutesAfterAnEndedUnjudgedRunIsActedOn() {
        endedUnjudgedRun(40);
        Result r = aws.service(config(false)).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                Deadline.none());
        assertThat(r.practice().outcome()).as("the run is judged first").isEqualTo(Outcome.PRACTICE_INCONCLUSIVE);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(aws.calls("StartBgpFailoverTest")).containsExactly("StartBgpFailoverTest " + VIF_A);
    }

    @Test
    void anAlarmTenMinutesAfterTheRunEndedStillSettles() {
        endedUnjudgedRun(10);
        Result r = aws.service(config(false)).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(r.message()).contains("until 15 minutes after it ended");
        assertThat(aws.calls("StartBgpFailoverTest")).isEmpty();
    }

    @Test
    void anOperatorsFailoverCommandForThePractisedVifIsDecidedAsUsual() {
        aws.underTest(VIF_A, "t-practice", 5, 25).tagged(VIF_A, PracticeRecord.RUNNING, "t-practice")
                .healthy(VIF_B, VIF_C);
        aws.alarmStates.put(OUTCOME_ALARM, "OK");
        Result r = aws.service(config(false)).handle(new Request.Evaluate(new OperatorCommand("failover", VIF_A), null),
                Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.ALREADY_UNAVAILABLE);
        assertThat(aws.published).extracting(Notification::outcome).containsExactly(Outcome.ALREADY_UNAVAILABLE);
    }

    @Test
    void underDryRunAnOutcomeAlarmStopsNothingWritesNoTagAndSaysWhatItWouldHaveDone() {
        aws.underTest(VIF_A, "t-practice", 5, 25).tagged(VIF_A, PracticeRecord.RUNNING, "t-practice")
                .healthy(VIF_B, VIF_C);
        aws.alarmStates.put(OUTCOME_ALARM, "ALARM");
        Result r = aws.service(config(true)).handle(new Request.Evaluate(alarm(OUTCOME_ALARM, "ALARM"), null),
                Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest", "TagResource", "UntagResource")).isEmpty();
        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_FAILED);
        assertThat(r.message()).isEqualTo("practice run on " + VIF_A + " would end after 5 min: outcome alarm '"
                + OUTCOME_ALARM + "' went to ALARM (DRY_RUN: its failover test goes on, and nothing is recorded)");
        assertThat(aws.published).hasSize(1);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(aws.published.get(0).body())).contains("Without it the function would have recorded the practice run "
                + "as PRACTICE_FAILED on the VIF's tag dx-failover:last-practice, after stopping its failover test.");
        assertThat(aws.vifs.get(VIF_A).tags()).containsEntry(PracticeRecord.RUNNING, "t-practice");
    }

    @Test
    void underDryRunAReconcilePassLeavesTheWatchSilent() {
        aws.underTest(VIF_A, "t-practice", 5, 25).tagged(VIF_A, PracticeRecord.RUNNING, "t-practice")
                .healthy(VIF_B, VIF_C);
        aws.alarmStates.put(OUTCOME_ALARM, "ALARM");
        Result r = aws.service(config(true)).handle(new Request.Reconcile(), Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest", "TagResource", "UntagResource")).isEmpty();
        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_FAILED);
        assertThat(aws.published).isEmpty();
    }

    @Test
    void underDryRunAnEndedRunIsJudgedButNotRecorded() {
        endedUnjudgedRun(40);
        Result r = aws.service(config(true)).handle(new Request.Reconcile(), Deadline.none());
        assertThat(aws.calls("TagResource", "UntagResource")).isEmpty();
        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_INCONCLUSIVE);
        assertThat(r.message()).contains("(DRY_RUN: not recorded on the VIF's tag)");
    }
}
