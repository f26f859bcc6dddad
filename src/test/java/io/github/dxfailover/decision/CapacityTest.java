package io.github.dxfailover.decision;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Capacity.Gap;
import io.github.dxfailover.decision.Capacity.Missing;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The capacity projection of docs/behaviour.md §15 and step 4a of §4, as tables: no client anywhere. */
class CapacityTest {
    private static final FailoverConfig CONFIG = config(); // A, B, C listed; MINVIFS 1; MAX_UTILIZATION 80
    private static final double G = 1e9;

    private static VifState up(String id, String connection) {
        return VifState.of(id, "available", "up").on(connection);
    }

    private static VifStates states(VifState... vifs) {
        return VifStates.select(CONFIG.managed(), List.of(vifs));
    }

    private static CapacityFigures figures(Map<String, Long> links, Map<String, Double> loads) {
        return new CapacityFigures(links, Map.of(), loads);
    }

    @ParameterizedTest(name = "{0} = {1} bit/s")
    @CsvSource({"50Mbps,50000000", "100Mbps,100000000", "500Mbps,500000000", "1Gbps,1000000000",
        "2Gbps,2000000000", "10Gbps,10000000000", "25Gbps,25000000000", "100Gbps,100000000000",
        "400Gbps,400000000000", "' 10Gbps ',10000000000"})
    void bandwidthsFrom50MbpsTo400Gbps(String text, long bps) {
        assertThat(Link.bps(text)).hasValue(bps);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "10G", "10 Gbit/s", "fast", "10gbps", "1Tbps"})
    void aBandwidthNotUnderstoodIsNoNumber(String text) {
        assertThat(Link.bps(text)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aTenGigPrimaryCannotFailOverOntoAOneGigBackup() {
        // The issue's own network: 3 Gbit/s on the primary, the 1 Gbit/s backup idle.
        VifStates s = states(up(VIF_A, "dxcon-primary"), up(VIF_B, "dxcon-backup"));
        CapacityFigures f = figures(Map.of("dxcon-primary", 10_000_000_000L, "dxcon-backup", 1_000_000_000L),
                Map.of(VIF_A, 3 * G, VIF_B, 0.0));
        Capacity c = Capacity.project(80, s, Set.of(), VIF_A, f);
        assertThat(c.loadBps()).isEqualTo(3 * G);
        assertThat(c.remainingCapacityBps()).isEqualTo(1_000_000_000L);
        assertThat(c.projectedPercent()).isEqualTo(300.0);
        assertThat(c.exceeded()).isTrue();
        // The other way round the primary carries it easily.
        Capacity backupOut = Capacity.project(80, s, Set.of(), VIF_B, f);
        assertThat(backupOut.projectedPercent()).isEqualTo(30.0);
        assertThat(backupOut.exceeded()).isFalse();
    }

    @Test
    void vifsOnOneConnectionShareIt() {
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxcon-2"), up(VIF_C, "dxcon-2"));
        CapacityFigures f = figures(Map.of("dxcon-1", 10_000_000_000L, "dxcon-2", 10_000_000_000L),
                Map.of(VIF_A, 2 * G, VIF_B, 2 * G, VIF_C, 2 * G));
        Capacity c = Capacity.project(80, s, Set.of(), VIF_A, f);
        assertThat(c.remainingCapacityBps()).isEqualTo(10_000_000_000L); // dxcon-2 counted once
        assertThat(c.projectedPercent()).isEqualTo(60.0);
    }

    @Test
    void aLagCarriesItsAvailableMembers() {
        CapacityFigures f = CapacityFigures.of(List.of(new Link("dxlag-1", "10Gbps", 2, null, 1, List.of("dxcon-l1", "dxcon-l2")),
                Link.connection("dxcon-1", "1Gbps"), new Link("dxlag-2", "100Gbps", 0, null, 1, List.of())), Map.of());
        assertThat(f.linkBps()).containsEntry("dxlag-1", 20_000_000_000L).containsEntry("dxcon-1", 1_000_000_000L)
                .containsEntry("dxlag-2", 0L);
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxlag-1"));
        Capacity c = Capacity.project(80, s, Set.of(), VIF_A,
                new CapacityFigures(f.linkBps(), Map.of(), Map.of(VIF_A, 1 * G, VIF_B, 5 * G)));
        assertThat(c.remainingCapacityBps()).isEqualTo(20_000_000_000L);
        assertThat(c.projectedPercent()).isEqualTo(30.0);
    }

    @Test
    void aLagWithNoAvailableMemberLeavesNoCapacity() {
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxlag-2"));
        Capacity c = Capacity.project(80, s, Set.of(), VIF_A,
                figures(Map.of("dxcon-1", 1_000_000_000L, "dxlag-2", 0L), Map.of(VIF_A, 1e6, VIF_B, 0.0)));
        assertThat(c.projectedPercent()).isInfinite();
        assertThat(c.exceeded()).isTrue();
        Capacity idle = Capacity.project(80, s, Set.of(), VIF_A,
                figures(Map.of("dxcon-1", 1_000_000_000L, "dxlag-2", 0L), Map.of(VIF_A, 0.0, VIF_B, 0.0)));
        assertThat(idle.projectedPercent()).isZero();
    }

    @Test
    void aHostedVifWhoseConnectionIsNotVisibleIsUnknown() {
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxcon-partner"));
        Capacity c = Capacity.project(80, s, Set.of(), VIF_A,
                figures(Map.of("dxcon-1", 10_000_000_000L), Map.of(VIF_A, G, VIF_B, G)));
        assertThat(c.known()).isFalse();
        assertThat(c.exceeded()).isFalse();
        assertThat(c.gaps()).containsExactly(new Gap(Missing.LINK_NOT_VISIBLE, VIF_B, "dxcon-partner"));
    }

    @Test
    void aVifWithoutDatapointsOrConnectionOrReadableBandwidthIsUnknown() {
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxcon-2"), VifState.of(VIF_C, "available", "up"));
        Capacity c = Capacity.project(80, s, Set.of(), VIF_A, new CapacityFigures(Map.of("dxcon-1", 1L),
                Map.of("dxcon-2", "12Gbit"), Map.of(VIF_A, G, VIF_C, G)));
        assertThat(c.gaps()).containsExactly(new Gap(Missing.NO_DATAPOINTS, VIF_B, "dxcon-2"),
                new Gap(Missing.NO_CONNECTION, VIF_C, null),
                new Gap(Missing.BANDWIDTH_NOT_UNDERSTOOD, VIF_B, "dxcon-2"));
    }

    @Test
    void theHighestDatapointOfEitherDirectionIsTheLoad() {
        // readPeakLoads keeps each VIF's highest value of egress and ingress; the projection sums them.
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxcon-2"));
        Capacity c = Capacity.project(80, s, Set.of(), VIF_A,
                figures(Map.of("dxcon-1", 10_000_000_000L, "dxcon-2", 10_000_000_000L), Map.of(VIF_A, 7.5 * G,
                        VIF_B, 0.5 * G)));
        assertThat(c.loadBps()).isEqualTo(8 * G);
        assertThat(c.projectedPercent()).isEqualTo(80.0);
        assertThat(c.exceeded()).as("exactly at the limit is not over").isFalse();
    }

    @Test
    void aVifThatIsNotHealthyCarriesNoLoadAndNoCapacity() {
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxcon-2"), VifState.of(VIF_C, "down", "down").on("dxcon-3"));
        Capacity c = Capacity.project(80, s, Set.of(), VIF_A, figures(Map.of("dxcon-1", 1_000_000_000L,
                "dxcon-2", 1_000_000_000L, "dxcon-3", 100_000_000_000L), Map.of(VIF_A, 0.5 * G, VIF_B, 0.1 * G)));
        assertThat(c.known()).isTrue(); // C has no datapoint, but it carries nothing
        assertThat(c.remainingCapacityBps()).isEqualTo(1_000_000_000L);
        assertThat(c.loadBps()).isEqualTo(0.6 * G);
    }

    @Test
    void stepFourAHoldsAVifTheOthersCannotCarry() {
        VifStates s = states(up(VIF_A, "dxcon-primary"), up(VIF_B, "dxcon-backup"), VifState.of(VIF_C, "down", "down"));
        CapacityFigures f = figures(Map.of("dxcon-primary", 10_000_000_000L, "dxcon-backup", 1_000_000_000L),
                Map.of(VIF_A, 3 * G, VIF_B, 0.0));
        Decision d = Decision.decide(CONFIG, alarm(VIF_A + " loss", "ALARM"), s, Set.of(), () -> f);
        assertThat(d.outcome()).isEqualTo(Outcome.CAPACITY_REACHED);
        assertThat(d.why()).isEqualTo(Decision.Why.OVER_CAPACITY);
        assertThat(d.capacity().projectedPercent()).isEqualTo(300.0);

        assertThat(Decision.decide(CONFIG, alarm(VIF_B + " loss", "ALARM"), s, Set.of(), () -> f).outcome())
                .isEqualTo(Outcome.FAILED_OVER);
        FailoverConfig dry = config(envWith("DRY_RUN", "true"));
        assertThat(Decision.decide(dry, alarm(VIF_A + " loss", "ALARM"), s, Set.of(), () -> f).outcome())
                .isEqualTo(Outcome.CAPACITY_REACHED);
    }

    @Test
    void theDecisionAsksForTheFiguresOnlyWhenItReachesStepFourAAndOnlyWithTheCapacityChecked() {
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxcon-2"), VifState.of(VIF_C, "down", "down"));
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<CapacityFigures> counting = () -> {
            asked.incrementAndGet();
            return figures(Map.of(), Map.of());
        };
        Decision.decide(CONFIG, alarm(VIF_A + " loss", "OK"), s, Set.of(), counting);
        Decision.decide(CONFIG, alarm("dxvif-zzzz9999 loss", "ALARM"), s, Set.of(), counting);
        Decision.decide(CONFIG, alarm(VIF_C + " loss", "ALARM"), s, Set.of(), counting);
        Decision.decide(CONFIG, alarm(VIF_A + " loss", "ALARM"), states(up(VIF_A, "dxcon-1")), Set.of(), counting);
        assertThat(asked).as("IGNORED, NOT_MANAGED, ALREADY_UNAVAILABLE, MINIMUM_REACHED read nothing").hasValue(0);
        FailoverConfig off = config(envWith("MAX_UTILIZATION", "0"));
        Decision unchecked = Decision.decide(off, alarm(VIF_A + " loss", "ALARM"), s, Set.of(), counting);
        assertThat(asked).as("MAX_UTILIZATION=0: no capacity step, no read").hasValue(0);
        assertThat(unchecked.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(unchecked.capacity()).isNull();
        assertThat(Decision.decide(CONFIG, alarm(VIF_A + " loss", "ALARM"), s, Set.of(), counting).capacity()).isNotNull();
        assertThat(asked).as("step 4a asks once").hasValue(1);
    }

    @Test
    void anUnknownCapacityDoesNotBlockAFailover() {
        VifStates s = states(up(VIF_A, "dxcon-1"), up(VIF_B, "dxcon-partner"), VifState.of(VIF_C, "down", "down"));
        Decision d = Decision.decide(CONFIG, alarm(VIF_A + " loss", "ALARM"), s, Set.of(),
                () -> figures(Map.of("dxcon-1", 1L), Map.of(VIF_A, G, VIF_B, G)));
        assertThat(d.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(d.capacity().known()).isFalse();
    }

    @Test
    void aReconcilePassCountsTheCapacityItAlreadyTookOut() {
        // Three 10 Gbit/s VIFs, 4 Gbit/s each, MINVIFS 1: the first out leaves 12 on 20 (60 %), the second would
        // leave 12 on 10 (120 %): held by the capacity although the minimum would allow it.
        VifStates s = states(up(VIF_A, "dxcon-a"), up(VIF_B, "dxcon-b"), up(VIF_C, "dxcon-c"));
        CapacityFigures f = figures(Map.of("dxcon-a", 10_000_000_000L, "dxcon-b", 10_000_000_000L,
                "dxcon-c", 10_000_000_000L), Map.of(VIF_A, 4 * G, VIF_B, 4 * G, VIF_C, 4 * G));
        Instant seen = Instant.parse("2026-11-26T04:00:00Z");
        List<FiringAlarm> alarms = List.of(
                new FiringAlarm(alarm(VIF_A + " loss", "ALARM"), seen.minusSeconds(1200), true, seen),
                new FiringAlarm(alarm(VIF_B + " loss", "ALARM"), seen.minusSeconds(600), true, seen));
        ReconcilePlan plan = ReconcilePlan.of(CONFIG, alarms, s, () -> f);
        assertThat(plan.steps()).extracting(st -> st.decision().outcome())
                .containsExactly(Outcome.FAILED_OVER, Outcome.CAPACITY_REACHED);
        assertThat(plan.steps().get(0).decision().capacity().projectedPercent()).isEqualTo(60.0);
        assertThat(plan.steps().get(1).decision().capacity().projectedPercent()).isEqualTo(120.0);
    }
}
