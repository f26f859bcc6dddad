package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.result.GivenBack;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.result.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Giving back (docs/behaviour.md §19) through the service, on in-memory fakes of its ports: the calls made and not
 * made, the result, and the one notification.
 */
class GiveBackServiceTest {
    private final InMemoryAws aws = new InMemoryAws();

    private static FailoverConfig minVifs(int n) {
        return config(envWith("MINVIFS", String.valueOf(n)));
    }

    @Test
    void aReconcilePassEndsTheTestThatHoldsTheOnlyUsablePathOut() {
        // The trial: one VIF out on the function's own test (170 minutes left), the others then down.
        aws.underTest(VIF_A, "test-a", 10, 170).down(VIF_B, VIF_C);
        Result r = aws.service(minVifs(1)).handle(new Request.Reconcile(), Deadline.none());

        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A);
        assertThat(r.outcome()).isEqualTo(Outcome.RECONCILED);
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::vifId, ReconcileAction::outcome,
                ReconcileAction::testId).containsExactly(org.assertj.core.groups.Tuple.tuple(VIF_A, Outcome.GIVEN_BACK,
                "test-a"));
        assertThat(r.message()).contains("gave back 1 VIF(s) to hold the minimum");
        assertThat(aws.published).hasSize(1);
        Notification n = aws.published.get(0);
        assertThat(n.outcome()).isEqualTo(Outcome.GIVEN_BACK);
        assertThat(n.vifId()).isEqualTo(VIF_A);
        assertThat(n.subject()).isEqualTo("GIVEN_BACK " + VIF_A + " - below the minimum (DX failover)");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body()))
                .startsWith("GIVEN_BACK: 0 healthy VIF(s), fewer than MINVIFS (1); ended the failover test on " + VIF_A
                        + " (test test-a, running for 10 min) so that the network has that path back\n")
                .contains("The network is below its minimum: 0 healthy VIF(s), MINVIFS is 1.\n")
                .contains("Not carrying traffic: " + VIF_B + " (down, BGP down), " + VIF_C + " (down, BGP down).\n")
                .contains("Ended: failover test test-a on " + VIF_A + ", running since 2026-11-26T03:50:00Z.\n")
                .contains("it broke your own minimum")
                .contains("Next: " + VIF_A + " is back in service but may still carry traffic badly: its alarms still "
                        + "count, and the function takes it out again once enough other VIFs are healthy. No new support "
                        + "case was opened.");
        assertThat(aws.cases).as("no new support case").isEmpty();
        assertThat(aws.calls("StartBgpFailoverTest")).isEmpty();
    }

    @Test
    void whenTheMinimumHoldsNothingIsReadOrStopped() {
        aws.underTest(VIF_A, "test-a", 10, 170).healthy(VIF_B).down(VIF_C);
        Result r = aws.service(minVifs(1)).handle(new Request.Reconcile(), Deadline.none());
        assertThat(aws.calls).containsExactly("DescribeAlarms", "DescribeVirtualInterfaces");
        assertThat(r.reconciled().actions()).isEmpty();
        assertThat(aws.published).isEmpty();
    }

    @Test
    void oldestFirstAndOnlyAsManyAsTheMinimumNeeds() {
        aws.underTest(VIF_A, "test-a", 20, 100).underTest(VIF_B, "test-b", 90, 30).down(VIF_C);
        Result r = aws.service(minVifs(1)).handle(new Request.Reconcile(), Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_B);
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::vifId).containsExactly(VIF_B);
    }

    @Test
    void anAlarmEventGivesBackFirstAndIsThenDecidedWithTheGivenBackVifHealthy() {
        // MINVIFS 2: A out on a test, B down, C up (1 healthy). The alarm on C gives A back; then C is held in service.
        aws.underTest(VIF_A, "test-a", 30, 150).down(VIF_B).healthy(VIF_C);
        Result r = aws.service(minVifs(2)).handle(new Request.Evaluate(alarm(VIF_C + " loss", "ALARM"), null),
                Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest", "StartBgpFailoverTest"))
                .containsExactly("StopBgpFailoverTest " + VIF_A);
        assertThat(r.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(r.givenBack()).containsExactly(new GivenBack(VIF_A, "test-a",
                InMemoryAws.NOW.minusSeconds(30 * 60), true));
        assertThat(r.toMap().get("givenBack")).isEqualTo(java.util.List.of(Map.of("virtualInterfaceId", VIF_A,
                "testId", "test-a", "testStartedAt", "2026-11-26T03:30:00Z")));
        assertThat(r.message()).startsWith("2 healthy VIF(s), MINVIFS is 2: taking " + VIF_C + " out");
        assertThat(aws.published).extracting(Notification::outcome)
                .containsExactly(Outcome.GIVEN_BACK, Outcome.MINIMUM_REACHED);
    }

    @Test
    void anOperatorsFailoverCommandGivesBackToo() {
        aws.underTest(VIF_A, "test-a", 30, 150).down(VIF_B, VIF_C);
        Result r = aws.service(minVifs(1)).handle(new Request.Evaluate(new OperatorCommand("failover", VIF_A), null),
                Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest", "StartBgpFailoverTest"))
                .containsExactly("StopBgpFailoverTest " + VIF_A);
        // A, given back, is now the only healthy VIF: it is not taken out again.
        assertThat(r.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(r.givenBack()).extracting(GivenBack::vifId).containsExactly(VIF_A);
    }

    @Test
    void underDryRunNothingIsStoppedAndAPassStaysSilent() {
        aws.underTest(VIF_A, "test-a", 10, 170).down(VIF_B, VIF_C);
        FailoverConfig dry = config(Map.of("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C, "MINVIFS", "1",
                "SNSARN", InMemoryAws.TOPIC, "DRY_RUN", "true"));
        Result r = aws.service(dry).handle(new Request.Reconcile(), Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest")).isEmpty();
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::outcome).containsExactly(Outcome.DRY_RUN);
        assertThat(r.message()).contains("would have given back 1 VIF(s)");
        assertThat(aws.published).isEmpty();
    }

    @Test
    void underDryRunAnAlarmEventSaysWhatWouldHaveBeenGivenBack() {
        aws.underTest(VIF_A, "test-a", 10, 170).down(VIF_B).healthy(VIF_C);
        FailoverConfig dry = config(Map.of("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C, "MINVIFS", "2",
                "SNSARN", InMemoryAws.TOPIC, "DRY_RUN", "true"));
        Result r = aws.service(dry).handle(new Request.Evaluate(alarm(VIF_C + " loss", "ALARM"), null),
                Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest", "StartBgpFailoverTest")).isEmpty();
        assertThat(r.givenBack()).extracting(GivenBack::vifId).containsExactly(VIF_A);
        assertThat(aws.published).extracting(Notification::outcome)
                .containsExactly(Outcome.DRY_RUN, Outcome.MINIMUM_REACHED);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(aws.published.get(0).body())).contains("would end the failover test on " + VIF_A)
                .contains("Would end: failover test test-a").contains("Nothing was changed (DRY_RUN=true).");
    }

    @Test
    void aRefusedStopBeforeAnyOtherChangeIsNotifiedOnceAndFailsTheInvocation() {
        aws.underTest(VIF_A, "test-a", 10, 170).down(VIF_B, VIF_C).failing(Call.STOP_BGP_FAILOVER_TEST);
        FailoverService service = aws.service(minVifs(1));
        assertThatThrownBy(() -> service.handle(new Request.Reconcile(), Deadline.none()))
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("stopping the BGP failover test on " + VIF_A + " failed: InternalError: injected");
        assertThat(aws.published).hasSize(1);
        assertThat(aws.published.get(0).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(aws.published.get(0).body())).contains("could not give " + VIF_A + " back")
                .contains("The network is below its minimum").contains("Lambda retries the event");
    }

    @Test
    void aRefusedStopAfterAFirstSuccessIsReportedAndTheInvocationCompletes() {
        aws.underTest(VIF_A, "test-a", 90, 90).underTest(VIF_B, "test-b", 10, 170).down(VIF_C)
                .failing(Call.STOP_BGP_FAILOVER_TEST, VIF_B);
        Result r = aws.service(minVifs(2)).handle(new Request.Reconcile(), Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A,
                "StopBgpFailoverTest " + VIF_B);
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::vifId).containsExactly(VIF_A);
        assertThat(r.errors()).containsExactly("stopping the BGP failover test on " + VIF_B
                + " failed: InternalError: injected");
        assertThat(aws.published).hasSize(1);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(aws.published.get(0).body())).contains("Ended: failover test test-a")
                .contains("Errors:\n- stopping the BGP failover test on " + VIF_B);
    }

    @Test
    void aNotificationThatFailsAfterAGiveBackIsReportedNotThrown() {
        aws.underTest(VIF_A, "test-a", 10, 170).down(VIF_B, VIF_C).failing(Call.PUBLISH);
        Result r = aws.service(minVifs(1)).handle(new Request.Reconcile(), Deadline.none());
        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A);
        assertThat(r.errors()).containsExactly("notification not sent: InternalError: injected");
    }

    @Test
    void aRunningPracticeRunIsLeftToItsOwnWatch() {
        aws.underTest(VIF_A, "t-practice", 10, 20).tagged(VIF_A, PracticeRecord.RUNNING, "t-practice")
                .down(VIF_B, VIF_C);
        Result r = aws.service(minVifs(1)).handle(new Request.Reconcile(), Deadline.none());
        // §16's watch ends it (another listed VIF is not healthy): PRACTICE_INTERRUPTED, never GIVEN_BACK.
        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_INTERRUPTED);
        assertThat(r.reconciled().actions()).isEmpty();
        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A);
    }
}
