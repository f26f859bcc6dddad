package io.github.dxfailover.text;

import io.github.dxfailover.decision.Minimum;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.Maintenance;
import io.github.dxfailover.decision.MaintenanceWindow;
import io.github.dxfailover.decision.MaintenanceWindow.Effect;
import io.github.dxfailover.result.GivenBack;
import io.github.dxfailover.result.Result;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What maintenance windows and give-backs say (docs/behaviour.md §17, §19), word for word. */
class MaintenanceTextTest {
    private static final Instant START = Instant.parse("2026-12-05T02:00:00Z");
    private static final Instant END = Instant.parse("2026-12-05T06:30:00Z");
    private static final String A = "dxvif-aaaa1111";
    private static final String B = "dxvif-bbbb2222";
    private static final HealthEvent EVENT = new HealthEvent("DIRECTCONNECT", "scheduledChange",
            "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED", "upcoming", "arn:aws:health:eu-west-1::event/X/e-1", START, END,
            List.of("dxcon-a", "dxcon-m1"));

    private static Map<String, MaintenanceWindow> affected() {
        Map<String, MaintenanceWindow> m = new LinkedHashMap<>();
        m.put(A, new MaintenanceWindow(START, END, Effect.DOWN, "dxcon-a", "e-1"));
        m.put(B, new MaintenanceWindow(START, END, Effect.REDUCED, "dxcon-m1", "e-1"));
        return m;
    }

    @Test
    void aWindowReadsInUtcWithItsLength() {
        assertThat(MaintenanceText.window(affected().get(A)))
                .isEqualTo("Sat 5 Dec 2026 02:00 to 06:30 UTC (4 h 30 min), down by dxcon-a");
        assertThat(MaintenanceText.span(START, START.plusSeconds(26 * 3600)))
                .isEqualTo("Sat 5 Dec 2026 02:00 to Sun 6 Dec 2026 04:00 UTC (26 h)");
        assertThat(MaintenanceText.span(START, START.plusSeconds(48 * 3600)))
                .isEqualTo("Sat 5 Dec 2026 02:00 to Mon 7 Dec 2026 02:00 UTC (48 h)");
        // Issue 32: the open-window sample (ending 2099) said "(639940 h)".
        assertThat(MaintenanceText.span(START, START.plusSeconds(72 * 3600 + 60)))
                .isEqualTo("Sat 5 Dec 2026 02:00 to Tue 8 Dec 2026 02:01 UTC (3 days)");
    }

    @Test
    void aSafeNoticeSaysHowManyStayAndWhatTheFunctionWillDo() {
        Maintenance.Verdict safe = new Maintenance.Verdict(List.of(), 2, new Minimum(1),
                new Capacity(80, 1e9, 10_000_000_000L, List.of()));
        assertThat(MaintenanceText.noted(EVENT, affected(), safe, true)).isEqualTo("AWS maintenance e-1 Sat 5 Dec 2026 "
                + "02:00 to 06:30 UTC (4 h 30 min) on dxcon-a, dxcon-m1 affects " + A + " down, " + B + " reduced: "
                + "safe (2 VIF(s) stay healthy, MINVIFS is 1)");
        assertThat(MaintenanceText.lines(EVENT, affected(), safe)).isEqualTo(
                "AWS Health: AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED (upcoming), event e-1\n"
                        + "When: Sat 5 Dec 2026 02:00 to 06:30 UTC (4 h 30 min)\n"
                        + "Resources: dxcon-a, dxcon-m1\n"
                        + "  " + A + " goes down (dxcon-a)\n"
                        + "  " + B + " loses bandwidth (dxcon-m1)\n"
                        + "Verdict: SAFE — 2 VIF(s) stay healthy during the window, MINVIFS is 1; the VIFs that stay "
                        + "would carry 1.0 Gbit/s on 10.0 Gbit/s: 10.0 % (MAX_UTILIZATION 80 %) (their busiest 5 minutes "
                        + "of the last 24 hours, summed)\n");
        assertThat(MaintenanceText.whatNext(affected(), true)).isEqualTo("During the window the function starts no "
                + "failover test on " + A + ", " + B + " (Direct Connect's guide: no BGP failover test during "
                + "maintenance), counts them as not healthy where the window takes them down, and starts no practice run "
                + "that overlaps it.\n");
    }

    @Test
    void anAtRiskNoticeGivesEveryReason() {
        Maintenance.Verdict risky = new Maintenance.Verdict(List.of(Maintenance.Risk.BELOW_MINIMUM,
                Maintenance.Risk.CAPACITY_UNKNOWN), 0, new Minimum(1), new Capacity(80, 0, 0, List.of(new Capacity.Gap(
                Capacity.Missing.NO_DATAPOINTS, B, "dxcon-b"))));
        assertThat(MaintenanceText.reasons(risky)).containsExactly("only 0 VIF(s) would stay healthy, fewer than "
                + "MINVIFS (1)", "the capacity of the VIFs that stay cannot be known: "
                + CapacityText.unknown(risky.capacity()));
        assertThat(MaintenanceText.lines(EVENT, Map.of(A, affected().get(A)), risky)).endsWith("Verdict: AT RISK — 0 VIF(s) "
                + "stay healthy during the window, MINVIFS is 1\n- only 0 VIF(s) would stay healthy, fewer than MINVIFS "
                + "(1)\n- the capacity of the VIFs that stay cannot be known: " + CapacityText.unknown(risky.capacity())
                + "\n");
        assertThat(MaintenanceText.noted(EVENT, Map.of(A, affected().get(A)), risky, false)).endsWith(": at risk: only 0 "
                + "VIF(s) would stay healthy, fewer than MINVIFS (1); the capacity of the VIFs that stay cannot be known: "
                + CapacityText.unknown(risky.capacity()) + " (not recorded on the VIFs' tags)");
        assertThat(MaintenanceText.whatNext(Map.of(A, affected().get(A)), false)).isEqualTo("During the window the "
                + "function starts no failover test on " + A + " (Direct Connect's guide: no BGP failover test during "
                + "maintenance), counts it as not healthy where the window takes it down, and starts no practice run "
                + "that overlaps it. The rest may not carry it: move traffic, add capacity, or ask AWS to reschedule.\n");
    }

    @Test
    void eventsWithNothingToDoSaySo() {
        assertThat(MaintenanceText.notAWindow(new HealthEvent("EC2", "issue", "AWS_EC2_OPERATIONAL_ISSUE", "open",
                "arn/x", START, END, List.of()))).isEqualTo("AWS Health event x (EC2, issue, AWS_EC2_OPERATIONAL_ISSUE) "
                + "is no Direct Connect maintenance window: nothing to do");
        assertThat(MaintenanceText.touchesNoVif(EVENT)).isEqualTo("AWS maintenance e-1 on dxcon-a, dxcon-m1 touches no "
                + "listed VIF: nothing to do");
        assertThat(MaintenanceText.ended(EVENT, List.of(A, B), false)).isEqualTo("AWS maintenance e-1 ended (upcoming, "
                + "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED): removed the window recorded on " + A + ", " + B);
        assertThat(MaintenanceText.ended(EVENT, List.of(A), true)).endsWith(": would remove the window recorded on " + A
                + " (DRY_RUN)");
        assertThat(MaintenanceText.ended(EVENT, List.of(), false)).endsWith(": no window recorded for it");
    }

    @Test
    void aGiveBackSaysHowLongTheTestRan() {
        io.github.dxfailover.decision.GiveBack.Plan p = new io.github.dxfailover.decision.GiveBack.Plan(List.of(), 0, new Minimum(2));
        Result r = GiveBackText.result(p, List.of(new GivenBack(A, "t-1", START, true), new GivenBack(B, "t-2", null, true)),
                List.of(), io.github.dxfailover.decision.VifStates.notRead(), START.plusSeconds(125 * 60));
        assertThat(r.message()).isEqualTo("0 healthy VIF(s), fewer than MINVIFS (2); ended the failover test on " + A
                + " (test t-1, running for 2 h 5 min), " + B + " (test t-2, running for an unknown time) so that the "
                + "network has that path back");
        assertThat(GiveBackText.whatNext(r)).startsWith("Next: " + A + ", " + B + " are back in service but may still "
                + "carry traffic badly: their alarms still count, and the function takes them out again");
    }
}
