package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.Link;
import io.github.dxfailover.decision.MaintenanceWindow;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.result.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Maintenance windows (docs/behaviour.md §17) through the service, on in-memory ports: calls made and not made. */
class MaintenanceServiceTest {
    private static final Instant NOW = InMemoryAws.NOW;
    private static final Instant START = NOW.plus(Duration.ofDays(1));
    private static final Instant END = START.plus(Duration.ofHours(4));
    private final InMemoryAws aws = new InMemoryAws().healthy(VIF_A, VIF_B, VIF_C);

    private static FailoverConfig config(String... overrides) {
        Map<String, String> env = Fixtures.env();
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return Fixtures.config(env);
    }

    private static Request notice(String status, Instant start, Instant end, String... resources) {
        return new Request.Maintenance(new HealthEvent("DIRECTCONNECT", "scheduledChange",
                "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED", status, "arn:aws:health:eu-west-1::event/DIRECTCONNECT/"
                + "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/evt-1", start, end, List.of(resources)));
    }

    private void trafficEveryHour(String vif, double bps) {
        for (int h = 1; h <= 24; h++) {
            aws.traffic.computeIfAbsent(vif, v -> new java.util.HashMap<>()).put(NOW.minus(Duration.ofHours(h)), bps);
        }
    }

    private String connectionOf(String vif) {
        return aws.vifs.get(vif).connectionId();
    }

    @Test
    void aNoticeIsRecordedOnTheAffectedVifsProjectedWithTheDayPeaksAndNotifiedOnce() {
        aws.links.addAll(List.of(Link.connection(connectionOf(VIF_A), "10Gbps"),
                Link.connection(connectionOf(VIF_B), "1Gbps"), Link.connection(connectionOf(VIF_C), "1Gbps")));
        trafficEveryHour(VIF_A, 3e9);
        trafficEveryHour(VIF_B, 1e8);
        trafficEveryHour(VIF_C, 1e8);
        Result r = aws.service(config()).handle(notice("upcoming", START, END, connectionOf(VIF_A)), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.MAINTENANCE_NOTED);
        // Recorded untold, told, then marked told (docs/behaviour.md §8, §17).
        assertThat(aws.calls).containsExactly("DescribeVirtualInterfaces", "DescribeConnections", "GetMetricData",
                "TagResource " + VIF_A, "Publish", "TagResource " + VIF_A);
        assertThat(aws.vifs.get(VIF_A).tags()).containsEntry(MaintenanceWindow.TAG,
                START + "/" + END + " down " + connectionOf(VIF_A) + " evt-1");
        Map<String, Object> m = (Map<String, Object>) r.toMap().get("maintenance");
        assertThat(m).containsEntry("eventId", "evt-1").containsEntry("verdict", "at risk")
                .containsEntry("vifs", Map.of(VIF_A, "down")).containsEntry("healthyDuring", 2L);
        assertThat((List<String>) m.get("reasons")).singleElement().asString()
                .startsWith("the VIFs that stay would carry 3.2 Gbit/s on 2.0 Gbit/s");
        Notification n = aws.published.get(0);
        assertThat(n.outcome()).isEqualTo(Outcome.MAINTENANCE_NOTED);
        assertThat(n.subject()).isEqualTo("MAINTENANCE_NOTED AT RISK " + VIF_A + " - AWS maintenance (DX failover)");
        assertThat(n.body()).startsWith("MAINTENANCE_NOTED: AT RISK, " + VIF_A + " down, Fri 27 Nov 2026 04:00 to 08:00 UTC (4 h)\n");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).contains("When: Fri 27 Nov 2026 04:00 to 08:00 UTC (4 h)")
                .contains("  " + VIF_A + " goes down (" + connectionOf(VIF_A) + ")")
                .contains("Verdict: AT RISK").contains("starts no failover test on " + VIF_A);
    }

    @Test
    void withTheCapacityUncheckedANoticeReadsNoTraffic() {
        Result r = aws.service(config("MAX_UTILIZATION", "0")).handle(notice("upcoming", START, END, VIF_A),
                Deadline.none());
        assertThat(aws.calls).containsExactly("DescribeVirtualInterfaces", "TagResource " + VIF_A, "Publish",
                "TagResource " + VIF_A);
        assertThat(r.message()).contains(": safe (2 VIF(s) stay healthy, MINVIFS is 1)");
    }

    @Test
    void theSameWindowAgainChangesNothingAndSendsNothing() {
        FailoverService service = aws.service(config("MAX_UTILIZATION", "0"));
        service.handle(notice("upcoming", START, END, VIF_A), Deadline.none());
        aws.calls.clear();
        Result again = service.handle(notice("open", START, END, VIF_A), Deadline.none());
        assertThat(again.outcome()).isEqualTo(Outcome.MAINTENANCE_NOTED);
        assertThat(aws.calls).containsExactly("DescribeVirtualInterfaces");
        assertThat(aws.published).hasSize(1);
    }

    @Test
    void anEndRemovesTheRecordSilently() {
        aws.tagged(VIF_A, MaintenanceWindow.TAG, START + "/" + END + " down " + VIF_A + " evt-1");
        Result r = aws.service(config()).handle(notice("closed", START, END, VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.MAINTENANCE_ENDED);
        assertThat(aws.calls).containsExactly("DescribeVirtualInterfaces", "UntagResource " + VIF_A);
        assertThat(aws.vifs.get(VIF_A).tags()).doesNotContainKey(MaintenanceWindow.TAG);
        assertThat(aws.published).isEmpty();
    }

    @Test
    void aRecordThatCannotBeWrittenFirstFailsTheInvocationAndAfterAWriteIsReported() {
        aws.vifs.put(VIF_B, aws.vifs.get(VIF_B).on(connectionOf(VIF_A)));
        aws.failing(io.github.dxfailover.port.AwsCallFailed.Call.TAG_RESOURCE, VIF_B);
        Result r = aws.service(config("MAX_UTILIZATION", "0")).handle(notice("upcoming", START, END,
                connectionOf(VIF_A)), Deadline.none());
        // B's record failed; A's was written, told, and marked told.
        assertThat(aws.calls("TagResource")).containsExactly("TagResource " + VIF_A, "TagResource " + VIF_B,
                "TagResource " + VIF_A);
        assertThat(r.errors()).singleElement().asString().startsWith("writing the function's record (a dx-failover:* tag) on " + VIF_B);
        assertThat(aws.published).hasSize(1);

        InMemoryAws first = new InMemoryAws().healthy(VIF_A, VIF_B, VIF_C)
                .failing(io.github.dxfailover.port.AwsCallFailed.Call.TAG_RESOURCE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.service(config("MAX_UTILIZATION", "0"))
                .handle(notice("upcoming", START, END, VIF_A), Deadline.none())).isInstanceOf(RetryableFailure.class);
        assertThat(first.published).isEmpty();
    }

    @Test
    void aRecordThatCannotBeRemovedIsReported() {
        aws.tagged(VIF_A, MaintenanceWindow.TAG, START + "/" + END + " down " + VIF_A + " evt-1")
                .failing(io.github.dxfailover.port.AwsCallFailed.Call.UNTAG_RESOURCE);
        Result r = aws.service(config()).handle(notice("closed", START, END, VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.MAINTENANCE_ENDED);
        assertThat(r.errors()).hasSize(1);
        assertThat(aws.published).isEmpty();
    }

    @Test
    void anotherHealthEventIsIgnoredWithoutACall() {
        Result r = aws.service(config()).handle(new Request.Maintenance(new HealthEvent("EC2", "scheduledChange",
                "AWS_EC2_MAINTENANCE_SCHEDULED", "upcoming", "arn/e", START, END, List.of())), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(aws.calls).isEmpty();
    }

    @Test
    void anUnreadableHealthEventIsRejectedAndNotified() {
        Result r = aws.service(config()).handle(new Request.Invalid("detail.startTime: expected a time", true, true),
                Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(n.subject())
                .isEqualTo("REJECTED (no VIF) - AWS Health event (DX failover)"));
    }

    @Test
    void underDryRunANoticeWritesNoTagButIsStillNotified() {
        Result r = aws.service(config("DRY_RUN", "true", "MAX_UTILIZATION", "0"))
                .handle(notice("upcoming", START, END, VIF_A), Deadline.none());
        assertThat(aws.calls("TagResource")).isEmpty();
        assertThat(r.message()).endsWith("(not recorded on the VIFs' tags)");
        assertThat(aws.published).hasSize(1);
    }

    /**
     * Issue 31, defect 1 (§15 × §17): B runs on a LAG of four 10G members, one of them in an open window that reduces
     * it. The capacity left if A is taken out is 30 + 1 Gbit/s for 26 Gbit/s of load (83.9 %), not 40 + 1 (63.4 %):
     * CAPACITY_REACHED, nothing started, no case.
     */
    @Test
    void anAlarmCountsALagLessItsMembersInAnOpenWindow() {
        aws.vifs.put(VIF_B, aws.vifs.get(VIF_B).on("dxlag-bbbb"));
        aws.tagged(VIF_B, MaintenanceWindow.TAG, NOW.minusSeconds(600) + "/" + END + " reduced dxcon-m2 evt-1");
        aws.links.addAll(List.of(Link.connection(connectionOf(VIF_A), "10Gbps"),
                new Link("dxlag-bbbb", "10Gbps", 4, null, 1, List.of("dxcon-m1", "dxcon-m2", "dxcon-m3", "dxcon-m4")),
                Link.connection(connectionOf(VIF_C), "1Gbps")));
        for (var load : Map.of(VIF_A, 20e9, VIF_B, 5e9, VIF_C, 1e9).entrySet()) {
            aws.traffic.put(load.getKey(), Map.of(NOW.minus(Duration.ofMinutes(10)), load.getValue()));
        }
        Result r = aws.service(config()).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.CAPACITY_REACHED);
        assertThat(r.capacity().capacity().remainingCapacityBps()).isEqualTo(31_000_000_000L);
        assertThat(aws.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(aws.cases).isEmpty();
        assertThat(aws.published).singleElement().extracting(Notification::outcome)
                .isEqualTo(Outcome.CAPACITY_REACHED);
    }

    /** An open window on A: its alarm is IN_MAINTENANCE, notified; the §4 path makes no extra call for it. */
    @Test
    void anAlarmDuringAnOpenWindowIsInMaintenanceAndCostsNoExtraCall() {
        aws.tagged(VIF_A, MaintenanceWindow.TAG, NOW.minusSeconds(600) + "/" + END + " down " + VIF_A + " evt-1");
        Result r = aws.service(config("MAX_UTILIZATION", "0")).handle(new Request.Evaluate(alarm(VIF_A + " loss",
                "ALARM"), null), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.IN_MAINTENANCE);
        assertThat(aws.calls).containsExactly("DescribeAlarms", "DescribeVirtualInterfaces", "Publish " + VIF_A);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(aws.published.get(0).body())).contains("not to run the BGP failover test during maintenance");
        Result command = aws.service(config("MAX_UTILIZATION", "0")).handle(new Request.Evaluate(
                new OperatorCommand("failover", VIF_A), null), Deadline.none());
        assertThat(command.outcome()).isEqualTo(Outcome.IN_MAINTENANCE);
    }

    @Test
    void aReconcilePassLeavesAVifInMaintenanceAsideSilentlyAndRemovesEndedRecords() {
        aws.tagged(VIF_A, MaintenanceWindow.TAG, NOW.minusSeconds(600) + "/" + END + " down " + VIF_A + " evt-1");
        aws.tagged(VIF_C, MaintenanceWindow.TAG, NOW.minusSeconds(7200) + "/" + NOW.minusSeconds(60) + " down "
                + VIF_C + " evt-0");
        aws.alarmInAlarm(VIF_A + " loss", 5);
        Result r = aws.service(config("MAX_UTILIZATION", "0")).handle(new Request.Reconcile(), Deadline.none());
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::outcome).containsExactly(Outcome.IN_MAINTENANCE);
        assertThat(r.message()).contains("1 in a maintenance window");
        assertThat(aws.calls).containsExactly("DescribeAlarms", "DescribeVirtualInterfaces", "UntagResource " + VIF_C);
        assertThat(aws.published).isEmpty();
    }

    @Test
    void aPracticeRunOverlappingAWindowIsBlocked() {
        aws.tagged(VIF_B, MaintenanceWindow.TAG, NOW.plus(Duration.ofMinutes(40)) + "/" + END + " down " + VIF_B
                + " evt-1");
        aws.alarmStates.put("app-latency", "OK");
        Result r = aws.service(config("PRACTICE_OUTCOME_ALARMS", "app-latency", "MAX_UTILIZATION", "0"))
                .handle(new Request.Practice(VIF_A, 30), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_BLOCKED);
        assertThat(r.practice().reasons()).singleElement().asString().startsWith("an AWS maintenance window on " + VIF_B);
        assertThat(aws.calls("StartBgpFailoverTest")).isEmpty();
        // The same run ending before the window (and its settling) may start.
        aws.vifs.put(VIF_B, aws.vifs.get(VIF_B).tagged(Map.of(MaintenanceWindow.TAG, NOW.plus(Duration.ofMinutes(46))
                + "/" + END + " down " + VIF_B + " evt-1")));
        Result later = aws.service(config("PRACTICE_OUTCOME_ALARMS", "app-latency", "MAX_UTILIZATION", "0"))
                .handle(new Request.Practice(VIF_A, 30), Deadline.none());
        assertThat(later.outcome()).isEqualTo(Outcome.PRACTICE_STARTED);
    }

    @Test
    void aRunningPracticeRunIsInterruptedWhenAWindowOpens() {
        aws.underTest(VIF_A, "t-practice", 5, 25).tagged(VIF_A, PracticeRecord.RUNNING, "t-practice");
        aws.tagged(VIF_B, MaintenanceWindow.TAG, NOW.minusSeconds(60) + "/" + END + " reduced dxcon-x evt-1");
        aws.alarmStates.put("app-latency", "OK");
        Result r = aws.service(config("PRACTICE_OUTCOME_ALARMS", "app-latency", "MAX_UTILIZATION", "0"))
                .handle(new Request.Reconcile(), Deadline.none());
        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_INTERRUPTED);
        assertThat(r.message()).contains("an AWS maintenance window opened on " + VIF_B);
        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A);
    }

    @Test
    void statusListsTheRecordedWindowsWithTheirVerdictNow() {
        aws.tagged(VIF_A, MaintenanceWindow.TAG, START + "/" + END + " down " + VIF_A + " evt-1");
        Result r = aws.service(config("MAX_UTILIZATION", "0")).handle(new Request.Status(), Deadline.none());
        List<Map<String, Object>> windows = (List<Map<String, Object>>) r.toMap().get("maintenance");
        assertThat(windows).singleElement().satisfies(w -> assertThat(w).containsEntry("eventId", "evt-1")
                .containsEntry("open", false).containsEntry("verdict", "safe").containsEntry("vifs", Map.of(VIF_A, "down")));
        assertThat(r.preflight().ready()).isTrue();
        assertThat(r.message()).contains("\nAWS maintenance:\n  - evt-1 ").endsWith(" on " + VIF_A + " down: safe")
                .doesNotContain("(open now)");
        assertThat(aws.calls("TagResource", "UntagResource", "Publish")).isEmpty();
    }

    /** §17: an open window makes its VIF not healthy, but never status not ready; the VIF's line says why. */
    @Test
    void statusDuringAnOpenWindowCountsTheVifOutButStaysReady() {
        aws.tagged(VIF_A, MaintenanceWindow.TAG, NOW.minusSeconds(600) + "/" + END + " down " + VIF_A + " evt-1");
        Result r = aws.service(config("MAX_UTILIZATION", "0")).handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().ready()).as(String.valueOf(r.preflight().reasons())).isTrue();
        assertThat(r.message()).startsWith("READY: 2 of 3 listed VIFs healthy, MINVIFS 1: 1 can be taken out now\n")
                .contains("\n  " + VIF_A + " available, not healthy (AWS maintenance window open); BGP ")
                .contains("\nAWS maintenance:\n  - evt-1 ").contains(" (open now)");
    }
}
