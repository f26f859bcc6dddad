package io.github.dxfailover.decision;

import io.github.dxfailover.Fixtures;
import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.awsDx;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static io.github.dxfailover.Fixtures.healthy;
import static io.github.dxfailover.Fixtures.probe;
import static io.github.dxfailover.Fixtures.states;
import static io.github.dxfailover.Fixtures.vif;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dxfailover.config.FailoverConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconcile pass of docs/behaviour.md §13 as a table, without any AWS client. */
class ReconcilePlanTest {
    static final Instant SEEN = Instant.parse("2026-11-26T06:00:00Z");
    private final FailoverConfig config = config(); // A, B, C listed; MINVIFS 1
    private final VifStates allHealthy = states(config, healthy(VIF_A), healthy(VIF_B), healthy(VIF_C));

    /** An alarm in ALARM for {@code minutesAgo} minutes. */
    static FiringAlarm firing(String name, int minutesAgo, String... dimensionVifIds) {
        return firing(name, minutesAgo, true, dimensionVifIds);
    }

    static FiringAlarm firing(String name, int minutesAgo, boolean actionsEnabled, String... dimensionVifIds) {
        Instant since = SEEN.minusSeconds(60L * minutesAgo);
        return new FiringAlarm(new Alarm(name, "ALARM", "Threshold Crossed", since.toString(), "eu-west-1",
                "123456789012", probe(dimensionVifIds)), since, actionsEnabled, SEEN);
    }

    private static List<Outcome> outcomes(ReconcilePlan plan) {
        return plan.steps().stream().map(s -> s.decision().outcome()).toList();
    }

    private static List<String> vifs(ReconcilePlan plan) {
        return plan.steps().stream().map(s -> s.decision().vifId()).toList();
    }

    @Test
    void nothingInAlarmIsNothingToDo() {
        ReconcilePlan plan = ReconcilePlan.of(config, List.of(), allHealthy, Fixtures.NO_FIGURES);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.muted() + plan.unlisted() + plan.namingNoVif()).isZero();
    }

    @Test
    void oldestAlarmFirstAndTheMinimumCountsThisPassesStarts() {
        // Three healthy, MINVIFS 1: the two oldest go, the third stays for the minimum.
        ReconcilePlan plan = ReconcilePlan.of(config, List.of(
                firing(VIF_C + " loss", 5), firing(VIF_A + " loss", 30), firing(VIF_B + " loss", 10)), allHealthy, Fixtures.NO_FIGURES);
        assertThat(plan.steps()).extracting(s -> s.decision().vifId(), s -> s.decision().outcome()).containsExactly(
                tuple(VIF_A, Outcome.FAILED_OVER), tuple(VIF_B, Outcome.FAILED_OVER), tuple(VIF_C, Outcome.MINIMUM_REACHED));
        // Each decision saw the earlier starts: B was decided with A testing.
        assertThat(plan.steps().get(1).seen().get(VIF_A).state()).isEqualTo("testing");
        assertThat(plan.steps().get(2).seen().healthyCount()).isEqualTo(1);
    }

    @Test
    void tiesInAgeGoByVifId() {
        ReconcilePlan plan = ReconcilePlan.of(config(envWith("MINVIFS", "2")), List.of(
                firing(VIF_B + " loss", 10), firing(VIF_A + " loss", 10)), allHealthy, Fixtures.NO_FIGURES);
        assertThat(vifs(plan)).containsExactly(VIF_A, VIF_B);
        assertThat(outcomes(plan)).containsExactly(Outcome.FAILED_OVER, Outcome.MINIMUM_REACHED);
    }

    @Test
    void severalAlarmsOnOneVifAreOneCandidateDatedByTheOldest() {
        ReconcilePlan plan = ReconcilePlan.of(config, List.of(
                firing(VIF_B + " latency", 3), firing(VIF_A + " loss", 20), firing(VIF_B + " loss", 60)), allHealthy, Fixtures.NO_FIGURES);
        assertThat(vifs(plan)).containsExactly(VIF_B, VIF_A);
        assertThat(plan.steps().get(0).alarm().alarm().name()).isEqualTo(VIF_B + " loss");
        assertThat(outcomes(plan)).containsExactly(Outcome.FAILED_OVER, Outcome.FAILED_OVER);
    }

    @Test
    void mutedUnlistedAndUnnamedAlarmsAreLeftAsideAndCounted() {
        ReconcilePlan plan = ReconcilePlan.of(config, List.of(
                firing(VIF_A + " loss", 30, false), firing(OTHER_VIF + " loss", 30),
                firing("loss to the DNS servers", 30), firing(VIF_B + " loss", 5)), allHealthy, Fixtures.NO_FIGURES);
        assertThat(vifs(plan)).containsExactly(VIF_B);
        assertThat(plan.muted()).isEqualTo(1);
        assertThat(plan.unlisted()).isEqualTo(1);
        assertThat(plan.namingNoVif()).isEqualTo(1);
    }

    @Test
    void alarmedVifAlreadyTestingDownOrBgpDownIsAlreadyUnavailable() {
        VifStates states = states(config, vif(VIF_A, "testing", "down"), vif(VIF_B, "down", "down"),
                vif(VIF_C, "available", "down"));
        ReconcilePlan plan = ReconcilePlan.of(config, List.of(
                firing(VIF_A + " loss", 30), firing(VIF_B + " loss", 20), firing(VIF_C + " loss", 10)), states, Fixtures.NO_FIGURES);
        assertThat(outcomes(plan)).containsOnly(Outcome.ALREADY_UNAVAILABLE);
    }

    @Test
    void anAlarmThatOutlivedItsTestTakesTheVifOutAgain() {
        // Case (b): the test ended, BGP is back, the alarm never left ALARM.
        ReconcilePlan plan = ReconcilePlan.of(config, List.of(firing(VIF_A + " loss", 200)), allHealthy, Fixtures.NO_FIGURES);
        assertThat(outcomes(plan)).containsExactly(Outcome.FAILED_OVER);
    }

    @Test
    void dimensionNamedAndCompositeAlarmsCount() {
        // A metric-math alarm named by its VirtualInterfaceId dimension; a composite alarm named by its first word.
        ReconcilePlan plan = ReconcilePlan.of(config(envWith("MINVIFS", "1")), List.of(
                firing("packet loss to 10.0.0.1", 20, VIF_C, VIF_C), firing(VIF_A + " loss AND latency", 10)),
                allHealthy, Fixtures.NO_FIGURES);
        assertThat(vifs(plan)).containsExactly(VIF_C, VIF_A);
    }

    @Test
    void dryRunDecidesTheSameButStartsNothing() {
        FailoverConfig dry = config(envWith("DRY_RUN", "true"));
        ReconcilePlan plan = ReconcilePlan.of(dry, List.of(
                firing(VIF_A + " loss", 30), firing(VIF_B + " loss", 20), firing(VIF_C + " loss", 10)),
                states(dry, healthy(VIF_A), healthy(VIF_B), healthy(VIF_C)), Fixtures.NO_FIGURES);
        // The same counting as an armed pass: the third is held by the minimum.
        assertThat(outcomes(plan)).containsExactly(Outcome.DRY_RUN, Outcome.DRY_RUN, Outcome.MINIMUM_REACHED);
    }

    @Test
    void aUtilizationAlarmOnAwsDxNamesNoVifAndIsLeftAside() {
        Instant since = SEEN.minusSeconds(600);
        FiringAlarm utilization = new FiringAlarm(new Alarm("DX link 1 utilization high", "ALARM", "", since.toString(),
                "eu-west-1", "123456789012", awsDx(VIF_A)), since, true, SEEN);
        FiringAlarm namedAfterItsVif = new FiringAlarm(new Alarm(VIF_B + " utilization high", "ALARM", "",
                since.toString(), "eu-west-1", "123456789012", awsDx(VIF_B)), since, true, SEEN);
        ReconcilePlan plan = ReconcilePlan.of(config, List.of(utilization, namedAfterItsVif), allHealthy, Fixtures.NO_FIGURES);
        assertThat(vifs(plan)).containsExactly(VIF_B);
        assertThat(plan.namingNoVif()).isEqualTo(1);
    }
}
