package io.github.dxfailover.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.Capacity.Gap;
import io.github.dxfailover.decision.Capacity.Missing;
import io.github.dxfailover.decision.Practice;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.result.Preflight;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The figures of the capacity guard and of practice runs in the units a network engineer reads. */
class CapacityTextTest {

    @ParameterizedTest(name = "{0} bit/s = {1}")
    @CsvSource({"0,0 bit/s", "999,999 bit/s", "1000,1 kbit/s", "950000,950 kbit/s", "999999,1000 kbit/s",
        "1000000,1.0 Mbit/s", "2500000,2.5 Mbit/s", "99940000,99.9 Mbit/s", "100000000,100 Mbit/s",
        "500000000,500 Mbit/s", "999000000,999 Mbit/s", "1000000000,1.0 Gbit/s", "3050000000,3.1 Gbit/s",
        "400000000000,400.0 Gbit/s"})
    void rates(double bps, String text) {
        assertThat(CapacityText.rate(bps)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} % = {1}")
    @CsvSource({"0,0.0 %", "30,30.0 %", "99.94,99.9 %", "100,100 %", "305.4,305 %"})
    void percents(double percent, String text) {
        assertThat(CapacityText.percent(percent)).isEqualTo(text);
    }

    @Test
    void noCapacityLeftAndEveryGapInWords() {
        assertThat(CapacityText.figures(new Capacity(80, 1e9, 0, List.of())))
                .isEqualTo("1.0 Gbit/s on 0 bit/s: no capacity left (MAX_UTILIZATION 80 %)");
        Capacity unknown = new Capacity(80, 0, 0, List.of(
                new Gap(Missing.NO_DATAPOINTS, "dxvif-a", null), new Gap(Missing.NO_CONNECTION, "dxvif-b", null),
                new Gap(Missing.LINK_NOT_VISIBLE, "dxvif-c", "dxcon-p"),
                new Gap(Missing.BANDWIDTH_NOT_UNDERSTOOD, "dxvif-d", "dxcon-q"),
                new Gap(Missing.NO_DATAPOINTS, "dxvif-a", null)));
        assertThat(CapacityText.unknown(unknown)).isEqualTo("no traffic datapoints for dxvif-a in the last 30 minutes "
                + "(AWS/DX VirtualInterfaceBpsEgress/Ingress); Direct Connect names no connection for dxvif-b; the "
                + "connection dxcon-p of dxvif-c is not visible to this account (a hosted VIF on a partner's "
                + "connection?); the bandwidth of dxcon-q is not one this function reads");
        assertThat(CapacityText.note(null)).isEmpty();
        assertThat(CapacityText.note(unknown)).startsWith("; capacity not checked: no traffic datapoints");
        assertThat(StatusText.ifTakenOut(unknown)).isEqualTo("taken out, what the rest would carry is unknown");
        assertThat(StatusText.ifTakenOut(new Capacity(80, 1e9, 10_000_000_000L, List.of())))
                .isEqualTo("taken out, the rest would carry 1.0 Gbit/s on 10.0 Gbit/s: 10.0 % (MAX_UTILIZATION 80 %)");
    }

    @Test
    void statusOfPracticeRuns() {
        VifState running = VifState.of("dxvif-a", "testing", "down").tagged(Map.of("dx-failover:practice", "t-1"));
        assertThat(StatusText.runningPractice(running, List.of("apps", "db"), Map.of("apps", "OK")))
                .isEqualTo("dxvif-a (test t-1); outcome alarms: apps OK, db missing");
        assertThat(StatusText.runningPractice(running, List.of(), Map.of()))
                .isEqualTo("dxvif-a (test t-1); outcome alarms: none configured");
        java.time.Instant now = java.time.Instant.parse("2026-12-07T03:00:00Z");
        Preflight.Calendar anyTime = new Preflight.Calendar(List.of(), List.of(), now);
        assertThat(StatusText.practice(List.of(), List.of(), null, List.of("dxvif-a never tested"), 35, "dxvif-a",
                anyTime)).containsExactly("Practice runs: none running; a practice run could start now (next: dxvif-a)",
                        "  practice windows (UTC): none; by the calendar a run could start from 2026-12-07T03:00:00Z",
                        "  every VIF proven in the last 35 days", "  dxvif-a never tested");
        Preflight.Calendar blocked = new Preflight.Calendar(List.of("Mon:02:00-Mon:06:00", "Sat:00:00-Sat:23:59"),
                List.of(), now.plusSeconds(3 * 3600));
        assertThat(StatusText.practice(List.of("dxvif-a", "dxvif-b"), List.of("r1", "r2"), "dxvif-a (test t-1)",
                List.of("x"), 14, "dxvif-b", blocked)).containsExactly("Practice runs: running on dxvif-a (test t-1); "
                + "a practice run could not start now:", "  - r1", "  - r2", "  practice windows (UTC): blocked "
                + "Mon:02:00-Mon:06:00, Sat:00:00-Sat:23:59; by the calendar a run could start from 2026-12-07T06:00:00Z",
                "  not proven (no PRACTICE_SUCCEEDED in the last 14 days): dxvif-a, dxvif-b", "  x");
        assertThat(StatusText.practice(List.of(), List.of(), null, List.of(), 35, null,
                new Preflight.Calendar(List.of(), List.of("Tue:09:00-Tue:17:00"), null)))
                .contains("  practice windows (UTC): allowed only Tue:09:00-Tue:17:00; by the calendar a run could start "
                        + "at no time in the next year");
        assertThat(StatusText.practice(List.of(), List.of("r"), null, List.of(), 35, null, anyTime))
                .as("a group whose tag is on no VIF").contains("  no VIF to prove");
        assertThat(StatusText.practiceRecord(VifState.of("dxvif-a", "available", "up"), null))
                .isEqualTo("dxvif-a never tested; never practised");
    }

    @Test
    void eachInconclusiveRunSaysWhatToCheck() {
        for (Practice.Inconclusive why : Practice.Inconclusive.values()) {
            Practice.Judgement j = new Practice.Judgement(io.github.dxfailover.decision.Outcome.PRACTICE_INCONCLUSIVE,
                    why, 2e9, 1e9, 1e9, 1.5e9);
            assertThat(PracticeText.judged("dxvif-a", j)).startsWith("practice run on dxvif-a inconclusive: ")
                    .endsWith("(dxvif-a carried 2.0 Gbit/s before and 1.0 Gbit/s during; the other VIFs rose from "
                            + "1.0 Gbit/s to 1.5 Gbit/s)")
                    .contains(switch (why) {
                        case NO_DATAPOINTS -> "check the VIFs' metrics";
                        case NOTHING_TO_MOVE -> "there was nothing to move";
                        case STILL_CARRYING -> "check that the test took all its BGP sessions down";
                        case NOT_PICKED_UP -> "check the routes they advertise";
                    });
        }
    }
}
