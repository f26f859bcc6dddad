package io.github.dxfailover.service;

import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.decision.Outcome;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.AwsCallFailed.Call;
import org.junit.jupiter.api.Test;

/**
 * A fault at any call (docs/behaviour.md §8, issue 36), through the service on in-memory ports: every read before a
 * change is a read, and a lost answer is read back, never guessed.
 */
class FaultAtAnyCallTest {
    private final InMemoryAws aws = new InMemoryAws().healthy(VIF_A, VIF_B, VIF_C);

    /**
     * Defect 5: StartBgpFailoverTest's answer is lost on the alarm path. The VIF is read back: the test runs, so it
     * is a test started — FAILED_OVER, its case, its one message — and a retried event adds nothing.
     */
    @Test
    void aStartWhoseAnswerIsLostIsReadBackAsStarted() {
        aws.losingAnswer(Call.START_BGP_FAILOVER_TEST);
        FailoverService service = aws.service(Fixtures.config());

        Result r = service.handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.testId()).isEqualTo("test-1");
        assertThat(r.caseId()).isEqualTo("case-1");
        assertThat(aws.calls("StartBgpFailoverTest", "ListVirtualInterfaceTestHistory")).containsExactly(
                "StartBgpFailoverTest " + VIF_A, "ListVirtualInterfaceTestHistory " + VIF_A);
        assertThat(aws.published).singleElement().extracting(Notification::outcome).isEqualTo(Outcome.FAILED_OVER);

        Result retry = service.handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null), Deadline.none());
        assertThat(retry.outcome()).isEqualTo(Outcome.ALREADY_UNAVAILABLE);
        assertThat(aws.cases).hasSize(1);
        assertThat(aws.calls("StartBgpFailoverTest")).hasSize(1);
    }

    /** A start that failed for good (nothing runs on the VIF) is notified and fails the invocation, as before. */
    @Test
    void aStartThatFailedAndReadsBackNotStartedIsNotifiedAndThrown() {
        aws.failing(Call.START_BGP_FAILOVER_TEST);

        assertThatThrownBy(() -> aws.service(Fixtures.config()).handle(new Request.Evaluate(
                alarm(VIF_A + " loss", "ALARM"), null), Deadline.none())).isInstanceOf(RetryableFailure.class);
        assertThat(aws.calls("ListVirtualInterfaceTestHistory")).containsExactly(
                "ListVirtualInterfaceTestHistory " + VIF_A);
        assertThat(aws.published).singleElement().extracting(Notification::outcome).isEqualTo(Outcome.ERROR);
        assertThat(aws.cases).isEmpty();
    }

    /** Defect 5, give back: a StopBgpFailoverTest whose answer is lost, yet the test ended, is a VIF given back. */
    @Test
    void aGiveBackWhoseStopAnswerIsLostIsReadBackAsGivenBack() {
        InMemoryAws below = new InMemoryAws().underTest(VIF_A, "test-a", 10, 170).down(VIF_B, VIF_C)
                .losingAnswer(Call.STOP_BGP_FAILOVER_TEST);

        Result r = below.service(Fixtures.config()).handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.reconciled().actions()).extracting(ReconcileAction::outcome).containsExactly(Outcome.GIVEN_BACK);
        assertThat(r.errors()).isEmpty();
        assertThat(below.published).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.GIVEN_BACK);
            assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).doesNotContain("could not give");
        });
    }

    private FailoverService practising() {
        aws.alarmStates.put("app-latency", "OK");
        java.util.Map<String, String> env = Fixtures.env();
        env.put("PRACTICE_OUTCOME_ALARMS", "app-latency");
        env.put("MAX_UTILIZATION", "0");
        return aws.service(Fixtures.config(env));
    }

    /**
     * Defect 1: a practice start whose answer is lost is read back as started, so its record is written and the run
     * is watched: PRACTICE_STARTED, the tag on the VIF, one message.
     */
    @Test
    void aPracticeStartWhoseAnswerIsLostIsRecordedAndWatched() {
        aws.losingAnswer(Call.START_BGP_FAILOVER_TEST);

        Result r = practising().handle(new Request.Practice(VIF_A, null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_STARTED);
        assertThat(aws.vifs.get(VIF_A).tags()).containsEntry(PracticeRecord.RUNNING, "test-1");
        assertThat(aws.published).singleElement().extracting(Notification::outcome)
                .isEqualTo(Outcome.PRACTICE_STARTED);
    }

    /** Defect 1: a practice start that fails (nothing started) is told, then the invocation fails (§8). */
    @Test
    void aPracticeStartThatFailsIsToldThenThrown() {
        aws.failing(Call.START_BGP_FAILOVER_TEST);

        assertThatThrownBy(() -> practising().handle(new Request.Practice(VIF_A, null), Deadline.none()))
                .isInstanceOf(RetryableFailure.class);
        assertThat(aws.published).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(n.subject()).contains("practice run");
        });
        assertThat(aws.vifs.get(VIF_A).tags()).doesNotContainKey(PracticeRecord.RUNNING);
    }

    /** A's practice run is on (test t-p, 10 of 30 minutes gone) and its outcome alarm is in ALARM. */
    private FailoverService practiceRunFailing() {
        aws.underTest(VIF_A, "t-p", 10, 20).tagged(VIF_A, PracticeRecord.RUNNING, "t-p");
        FailoverService service = practising();
        aws.alarmStates.put("app-latency", "ALARM");
        return service;
    }

    /**
     * Defect 2: the watch ends the run on its outcome alarm, but last-practice cannot be written. The team hears of
     * PRACTICE_FAILED at once; the next pass finishes the record with that outcome (its tag says so) and never judges
     * the run from the traffic: no PRACTICE_INCONCLUSIVE.
     */
    @Test
    void aFailedRunWhoseRecordCannotBeWrittenKeepsItsOutcome() {
        FailoverService service = practiceRunFailing();
        aws.failingTag(PracticeRecord.LAST);

        Result first = service.handle(new Request.Reconcile(), Deadline.none());

        assertThat(first.practice().outcome()).isEqualTo(Outcome.PRACTICE_FAILED);
        assertThat(first.errors()).singleElement().asString().contains("the next pass tries again");
        assertThat(aws.vifs.get(VIF_A).tags()).containsEntry(PracticeRecord.RUNNING, "t-p PRACTICE_FAILED");
        aws.failingTag(null);

        Result next = service.handle(new Request.Reconcile(), Deadline.none());

        assertThat(next.practice().outcome()).isEqualTo(Outcome.PRACTICE_FAILED);
        assertThat(aws.vifs.get(VIF_A).tags()).doesNotContainKey(PracticeRecord.RUNNING)
                .hasEntrySatisfying(PracticeRecord.LAST, v -> assertThat(v).contains(" PRACTICE_FAILED t-p"));
        assertThat(aws.published).extracting(Notification::outcome)
                .containsExactly(Outcome.PRACTICE_FAILED, Outcome.PRACTICE_FAILED);
        assertThat(aws.calls("GetMetricData")).as("never judged from the traffic").isEmpty();
        assertThat(aws.calls("StopBgpFailoverTest")).hasSize(1);
    }

    /** What must be told is told until it is (§8): a recorded run whose message failed is told by the next pass. */
    @Test
    void aRecordedRunWhoseMessageFailedIsToldByTheNextPass() {
        FailoverService service = practiceRunFailing();
        aws.failing(Call.PUBLISH);

        Result first = service.handle(new Request.Reconcile(), Deadline.none());

        assertThat(first.errors()).singleElement().asString().startsWith("notification not sent");
        assertThat(aws.vifs.get(VIF_A).tags()).containsKey(PracticeRecord.RUNNING);
        aws.clearFaults();

        Result next = service.handle(new Request.Reconcile(), Deadline.none());

        assertThat(next.practice().outcome()).isEqualTo(Outcome.PRACTICE_FAILED);
        assertThat(next.message()).contains("told now");
        assertThat(aws.published).extracting(Notification::outcome).containsExactly(Outcome.PRACTICE_FAILED);
        assertThat(aws.vifs.get(VIF_A).tags()).doesNotContainKey(PracticeRecord.RUNNING);
        assertThat(aws.calls("GetMetricData", "StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A);
    }

    private static Request notice(String status) {
        java.time.Instant start = InMemoryAws.NOW.plus(java.time.Duration.ofDays(1));
        return new Request.Maintenance(new io.github.dxfailover.decision.HealthEvent("DIRECTCONNECT", "scheduledChange",
                "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED", status, "arn:aws:health:eu-west-1::event/DIRECTCONNECT/"
                + "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/evt-1", start, start.plus(java.time.Duration.ofHours(4)),
                java.util.List.of(VIF_A)));
    }

    private String record(String vif) {
        return aws.vifs.get(vif).tags().get(io.github.dxfailover.decision.MaintenanceWindow.TAG);
    }

    /** Defect 3: TagResource's answer is lost; the record reads back as written, so the notice is told at once. */
    @Test
    void aNoticeWhoseRecordAnswerIsLostIsToldAtOnce() {
        aws.losingAnswer(Call.TAG_RESOURCE);
        FailoverService service = aws.service(Fixtures.config(Fixtures.envWith("MAX_UTILIZATION", "0")));

        Result r = service.handle(notice("upcoming"), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.MAINTENANCE_NOTED);
        assertThat(aws.published).singleElement().extracting(Notification::outcome)
                .isEqualTo(Outcome.MAINTENANCE_NOTED);
        assertThat(record(VIF_A)).endsWith(" evt-1");
    }

    /**
     * Defect 3: Publish fails after the record was written. The record says untold; the next reconcile pass tells
     * it (one message) and marks it told; a pass after that is silent.
     */
    @Test
    void aNoticeWhoseMessageFailedIsToldByTheNextPass() {
        FailoverService service = aws.service(Fixtures.config(Fixtures.envWith("MAX_UTILIZATION", "0")));
        aws.failing(Call.PUBLISH);

        Result r = service.handle(notice("upcoming"), Deadline.none());

        assertThat(r.errors()).singleElement().asString().startsWith("notification not sent");
        assertThat(record(VIF_A)).endsWith(" evt-1 untold");
        aws.clearFaults();

        service.handle(new Request.Reconcile(), Deadline.none());

        assertThat(aws.published).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.MAINTENANCE_NOTED);
            assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).contains(VIF_A);
        });
        assertThat(record(VIF_A)).endsWith(" evt-1");
        service.handle(new Request.Reconcile(), Deadline.none());
        assertThat(aws.published).hasSize(1);
    }

    /** The same event again (an open event repeating the notice) tells a window recorded but untold. */
    @Test
    void theSameNoticeAgainTellsAWindowStillUntold() {
        FailoverService service = aws.service(Fixtures.config(Fixtures.envWith("MAX_UTILIZATION", "0")));
        aws.failing(Call.PUBLISH);
        service.handle(notice("upcoming"), Deadline.none());
        aws.clearFaults();

        Result again = service.handle(notice("open"), Deadline.none());

        assertThat(again.errors()).isEmpty();
        assertThat(aws.published).singleElement().extracting(Notification::outcome)
                .isEqualTo(Outcome.MAINTENANCE_NOTED);
        assertThat(record(VIF_A)).endsWith(" evt-1");
    }

    /** Another event's untold record is kept (§17's one-window rule) and told by the next pass, not overwritten. */
    @Test
    void aNoticeKeepsAnotherEventsUntoldRecord() {
        java.time.Instant start = InMemoryAws.NOW.plus(java.time.Duration.ofHours(20));
        String evt0 = start + "/" + start.plus(java.time.Duration.ofHours(2)) + " down " + VIF_A + " evt-0 untold";
        aws.tagged(VIF_A, io.github.dxfailover.decision.MaintenanceWindow.TAG, evt0);
        FailoverService service = aws.service(Fixtures.config(Fixtures.envWith("MAX_UTILIZATION", "0")));

        service.handle(notice("upcoming"), Deadline.none());

        assertThat(record(VIF_A)).isEqualTo(evt0);
        service.handle(new Request.Reconcile(), Deadline.none());
        assertThat(record(VIF_A)).isEqualTo(evt0.replace(" untold", ""));
        assertThat(aws.published).extracting(Notification::outcome)
                .containsExactly(Outcome.MAINTENANCE_NOTED, Outcome.MAINTENANCE_NOTED);
    }

    /** Telling an untold window needs reads; when one fails, the pass reports it and completes (§8). */
    @Test
    void aPassWhoseUntoldWindowCannotBeToldYetCompletes() {
        java.time.Instant start = InMemoryAws.NOW.plus(java.time.Duration.ofHours(20));
        aws.tagged(VIF_A, io.github.dxfailover.decision.MaintenanceWindow.TAG,
                start + "/" + start.plus(java.time.Duration.ofHours(2)) + " down " + VIF_A + " evt-0 untold");
        aws.failing(Call.DESCRIBE_CONNECTIONS);

        Result r = aws.service(Fixtures.config()).handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.RECONCILED);
        assertThat(r.errors()).singleElement().asString().contains("still untold waits for the next pass");
        assertThat(aws.published).isEmpty();
    }

    /** Under DRY_RUN a recorded-but-untold run is not told again and again: a pass stays silent (§13 step 4). */
    @Test
    void underDryRunARecordedRunIsNotToldEveryPass() {
        aws.tagged(VIF_A, PracticeRecord.RUNNING, "t-p")
                .tagged(VIF_A, PracticeRecord.LAST, InMemoryAws.NOW.minusSeconds(600) + " PRACTICE_FAILED t-p");
        java.util.Map<String, String> env = Fixtures.envWith("DRY_RUN", "true");
        env.put("PRACTICE_OUTCOME_ALARMS", "app-latency");
        FailoverService service = aws.service(Fixtures.config(env));

        service.handle(new Request.Reconcile(), Deadline.none());
        service.handle(new Request.Reconcile(), Deadline.none());

        assertThat(aws.published).isEmpty();
        assertThat(aws.calls("TagResource", "UntagResource")).isEmpty();
    }

    /** A run that must end and whose Stop fails is told, and the invocation fails so that Lambda retries it. */
    @Test
    void aPracticeRunThatCannotBeStoppedIsTold() {
        FailoverService service = practiceRunFailing();
        aws.failing(Call.STOP_BGP_FAILOVER_TEST);

        assertThatThrownBy(() -> service.handle(new Request.Reconcile(), Deadline.none()))
                .isInstanceOf(RetryableFailure.class);

        assertThat(aws.published).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).contains("could not be stopped").contains("\"action\": \"restore\"");
        });
        assertThat(aws.vifs.get(VIF_A).tags()).containsEntry(PracticeRecord.RUNNING, "t-p PRACTICE_FAILED");
    }

    /** Defect 6: the alarm's own mute check fails: the invocation fails before any change, nothing is guessed. */
    @Test
    void aFailedMuteCheckFailsTheInvocationInsteadOfOverridingAMute() {
        aws.failing(Call.DESCRIBE_ALARMS);

        assertThatThrownBy(() -> aws.service(Fixtures.config()).handle(new Request.Evaluate(
                alarm(VIF_A + " loss", "ALARM"), null), Deadline.none()))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("from CloudWatch failed (nothing was changed)");
        assertThat(aws.calls("StartBgpFailoverTest", "CreateCase", "Publish")).isEmpty();
    }
}
