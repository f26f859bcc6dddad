package io.github.dxfailover.decision;

import io.github.dxfailover.Fixtures;
import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.awsDx;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static io.github.dxfailover.Fixtures.healthy;
import static io.github.dxfailover.Fixtures.probe;
import static io.github.dxfailover.Fixtures.states;
import static io.github.dxfailover.Fixtures.vif;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Decision.Why;
import java.util.Set;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The table of docs/behaviour.md §4, without any AWS client. */
class DecisionTest {
    private final FailoverConfig config = config(); // A, B, C listed; MINVIFS 1
    private final VifStates allHealthy = states(config, healthy(VIF_A), healthy(VIF_B), healthy(VIF_C));

    @ParameterizedTest
    @ValueSource(strings = {"OK", "INSUFFICIENT_DATA"})
    void onlyAlarmStateActs(String state) {
        Decision d = Decision.decide(config, alarm(VIF_A + " packet loss", state), allHealthy, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(d.why()).isEqualTo(Why.NOT_IN_ALARM);
    }

    @Test
    void alarmNamingNoVifIsRejected() {
        Decision d = Decision.decide(config, alarm("packet loss to on-prem", "ALARM"), allHealthy, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.vifId()).isNull();
        assertThat(d.why()).isEqualTo(Why.NAMES_NO_VIF);
    }

    @Test
    void vifNotInListIsNeverTouched() {
        Decision d = Decision.decide(config, alarm(OTHER_VIF + " latency", "ALARM"), allHealthy, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(d.vifId()).isEqualTo(OTHER_VIF);
    }

    /**
     * With VIFGROUP the managed VIFs are those tagged with it as read now (docs/behaviour.md §18): a tagged VIF is
     * decided by §4 like a listed one; an untagged one is NOT_MANAGED and notified; another group's is NOT_MANAGED and
     * silent; a tag the invocation did not read yet does not count.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "tagged core, two others healthy         | dxvif-core0001 | FAILED_OVER    | STARTING",
        "untagged                                | dxvif-none0001 | NOT_MANAGED    | NOT_LISTED",
        "tagged with another group               | dxvif-edge0001 | NOT_MANAGED    | OTHER_GROUP",
        "not returned at all                     | dxvif-gone0001 | NOT_MANAGED    | NOT_LISTED",
        "tagged core, only the minimum healthy   | dxvif-core0003 | MINIMUM_REACHED | AT_MINIMUM",
    })
    void withAGroupTheTagAsReadDecides(String what, String vif, Outcome outcome, Why why) {
        FailoverConfig group = config(java.util.Map.of("VIFGROUP", "core", "MINVIFS", what.contains("minimum") ? "3"
                : "2", "SNSARN", Fixtures.TOPIC));
        java.util.Map<String, String> core = java.util.Map.of(io.github.dxfailover.config.ManagedVifs.GROUP_TAG, "core");
        VifStates states = VifStates.select(group.managed(), List.of(healthy("dxvif-core0001").tagged(core),
                healthy("dxvif-core0002").tagged(core), healthy("dxvif-core0003").tagged(core),
                healthy("dxvif-none0001"), healthy("dxvif-edge0001").tagged(java.util.Map.of(
                        io.github.dxfailover.config.ManagedVifs.GROUP_TAG, "edge"))));
        Decision d = Decision.decide(group, alarm(vif + " loss", "ALARM"), states, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.why()).isEqualTo(why);
        assertThat(d.silent()).isEqualTo(why == Why.OTHER_GROUP);
        Decision restore = Decision.restore(group, vif, states);
        assertThat(restore.outcome()).isEqualTo(outcome == Outcome.NOT_MANAGED ? Outcome.NOT_MANAGED
                : Outcome.NOTHING_TO_RESTORE);
        assertThat(restore.silent()).isEqualTo(why == Why.OTHER_GROUP);
    }

    static Stream<Arguments> unhealthyAlarmedVif() {
        return Stream.of(
                Arguments.of("down", vif(VIF_A, "down", "down")),
                Arguments.of("testing", vif(VIF_A, "testing", "down")),
                Arguments.of("BGP down", vif(VIF_A, "available", "down", "down")),
                Arguments.of("no BGP peers", vif(VIF_A, "available")),
                Arguments.of("missing from Direct Connect", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unhealthyAlarmedVif")
    void alarmedVifThatCarriesNoTrafficIsAlreadyUnavailable(String why, VifState alarmed) {
        VifStates states = alarmed == null
                ? states(config, healthy(VIF_B), healthy(VIF_C))
                : states(config, alarmed, healthy(VIF_B), healthy(VIF_C));
        Decision d = Decision.decide(config, alarm(VIF_A + " packet loss", "ALARM"), states, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.ALREADY_UNAVAILABLE);
        assertThat(d.why()).isEqualTo(Why.NOT_HEALTHY);
        assertThat(d.vifId()).isEqualTo(VIF_A);
    }

    @Test
    void minimumReachedWhenHealthyCountEqualsMinimum() {
        // A healthy, B BGP down (does not count), C down: 1 healthy = MINVIFS 1.
        VifStates states = states(config, healthy(VIF_A), vif(VIF_B, "available", "down"), vif(VIF_C, "down", "down"));
        Decision d = Decision.decide(config, alarm(VIF_A + " packet loss", "ALARM"), states, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(d.why()).isEqualTo(Why.AT_MINIMUM);
    }

    @Test
    void minimumReachedWhenHealthyCountIsBelowMinimum() {
        FailoverConfig two = config(envWith("MINVIFS", "2"));
        VifStates states = states(two, healthy(VIF_A), healthy(VIF_B), vif(VIF_C, "down", "down"));
        assertThat(Decision.decide(two, alarm(VIF_A, "ALARM"), states, Set.of(), Fixtures.NO_FIGURES).outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
    }

    @Test
    void failsOverWhenMoreThanMinimumAreHealthy() {
        VifStates states = states(config, healthy(VIF_A), healthy(VIF_B), vif(VIF_C, "down", "down"));
        Decision d = Decision.decide(config, alarm(VIF_A + " packet loss", "ALARM"), states, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(d.vifId()).isEqualTo(VIF_A);
    }

    @Test
    void dryRunDecidesTheSameButSaysDryRun() {
        FailoverConfig dry = config(envWith("DRY_RUN", "true"));
        Decision d = Decision.decide(dry, alarm(VIF_A + " packet loss", "ALARM"),
                states(dry, healthy(VIF_A), healthy(VIF_B), healthy(VIF_C)), Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(d.why()).isEqualTo(Why.WOULD_START);
        // Dry run does not override the guards before it.
        VifStates one = states(dry, healthy(VIF_A));
        assertThat(Decision.decide(dry, alarm(VIF_A, "ALARM"), one, Set.of(), Fixtures.NO_FIGURES).outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
    }

    @Test
    void vifFromMetricDimensionWhenNameHasNone() {
        Alarm byDimension = new Alarm("packet loss to 10.0.0.1", "ALARM", "", "", "", "", probe(VIF_B, VIF_B));
        Decision d = Decision.decide(config, byDimension, allHealthy, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(d.vifId()).isEqualTo(VIF_B);
    }

    @Test
    void twoDifferentDimensionVifsNameNone() {
        Alarm ambiguous = new Alarm("loss on both", "ALARM", "", "", "", "", probe(VIF_A, VIF_B));
        assertThat(Decision.decide(config, ambiguous, allHealthy, Set.of(), Fixtures.NO_FIGURES).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DXVIF-AAAA1111 loss", "dxvif-aaa1 loss", "dxvif-aaaa1111: loss", "xdxvif-aaaa1111",
        "dxvif_aaaa1111", "\u0000dxvif-aaaa1111", "dxvif-аааа1111 cyrillic"})
    void lookalikesAreNotVifIds(String name) {
        assertThat(Decision.decide(config, alarm(name, "ALARM"), allHealthy, Set.of(), Fixtures.NO_FIGURES).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void firstWordAfterLeadingWhitespaceCounts() {
        assertThat(Decision.decide(config, alarm("  \t" + VIF_C + "\nloss", "ALARM"), allHealthy, Set.of(), Fixtures.NO_FIGURES).vifId())
                .isEqualTo(VIF_C);
    }

    @Test
    void restorePutsBackOnlyAListedVifUnderTestAndNotUnderDryRun() {
        VifStates aUnderTest = states(config, vif(VIF_A, "testing", "down"), healthy(VIF_B), healthy(VIF_C));
        assertThat(Decision.restore(config, VIF_A, aUnderTest).outcome()).isEqualTo(Outcome.RESTORED);
        assertThat(Decision.restore(config, VIF_B, aUnderTest).outcome()).isEqualTo(Outcome.NOTHING_TO_RESTORE);
        assertThat(Decision.restore(config, OTHER_VIF, aUnderTest).outcome()).isEqualTo(Outcome.NOT_MANAGED);
        FailoverConfig dry = config(envWith("DRY_RUN", "true"));
        Decision d = Decision.restore(dry, VIF_A, states(dry, vif(VIF_A, "testing", "down")));
        assertThat(d.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(d.why()).isEqualTo(Why.WOULD_STOP);
    }

    /** docs/behaviour.md §3: AWS/DX metrics (load, BGP state) never name a VIF by their dimension; a name that starts with the VIF ID does. */
    static Stream<Arguments> whichDimensionsNameAVif() {
        return Stream.of(
                Arguments.of("utilization on AWS/DX", "DX link 1 utilization high", awsDx(VIF_A), Outcome.REJECTED, null),
                Arguments.of("egress and ingress in metric math, both AWS/DX", "DX link 1 load",
                        awsDx(VIF_A, VIF_A), Outcome.REJECTED, null),
                Arguments.of("a probe metric", "loss to 10.0.0.1", probe(VIF_A), Outcome.FAILED_OVER, VIF_A),
                Arguments.of("metric math over AWS/DX and a probe", "loss per bit",
                        concat(awsDx(VIF_A), probe(VIF_B)), Outcome.FAILED_OVER, VIF_B),
                Arguments.of("metric math over two AWS/DX VIFs and one probe", "loss per bit",
                        concat(awsDx(VIF_A, VIF_C), probe(VIF_B)), Outcome.FAILED_OVER, VIF_B),
                Arguments.of("an AWS/DX alarm named after its VIF", VIF_A + " utilization high", awsDx(VIF_A),
                        Outcome.FAILED_OVER, VIF_A),
                Arguments.of("named after one VIF, AWS/DX dimension of another", VIF_B + " utilization", awsDx(VIF_A),
                        Outcome.FAILED_OVER, VIF_B),
                Arguments.of("a metric whose namespace the alarm did not give", "loss", List.of(new VifDimension(null, VIF_C)),
                        Outcome.FAILED_OVER, VIF_C),
                // The function's own per-VIF metrics (docs/behaviour.md §11): an alarm on them is about the function.
                Arguments.of("days since proven, on the function's own metric", "not proven for 35 days",
                        List.of(new VifDimension("DxFailover", VIF_A)), Outcome.REJECTED, null),
                Arguments.of("the function's own metric and a probe", "loss after failover",
                        List.of(new VifDimension("DxFailover", VIF_A), new VifDimension("DX/Probe", VIF_B)),
                        Outcome.FAILED_OVER, VIF_B),
                Arguments.of("the function's own metric, named after its VIF", VIF_A + " not proven",
                        List.of(new VifDimension("DxFailover", VIF_A)), Outcome.FAILED_OVER, VIF_A));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whichDimensionsNameAVif")
    void awsDxDimensionsNameNoVif(String what, String name, List<VifDimension> dims, Outcome outcome, String vif) {
        Alarm alarm = new Alarm(name, "ALARM", "", "", "", "", dims);
        Decision d = Decision.decide(config, alarm, allHealthy, Set.of(), Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.vifId()).isEqualTo(vif);
    }

    @Test
    void aUtilizationAlarmIsRejectedWithWhyItsDimensionDoesNotCount() {
        Alarm utilization = new Alarm("DX link 1 utilization high", "ALARM", "", "", "", "", awsDx(VIF_A));
        assertThat(Decision.decide(config, utilization, allHealthy, Set.of(), Fixtures.NO_FIGURES).why()).isEqualTo(Why.ONLY_AWS_DX_OR_OWN_DIMENSIONS);
        Alarm own = new Alarm("not proven", "ALARM", "", "", "", "", List.of(new VifDimension("DxFailover", VIF_A)));
        assertThat(Decision.decide(config, own, allHealthy, Set.of(), Fixtures.NO_FIGURES).why()).isEqualTo(Why.ONLY_AWS_DX_OR_OWN_DIMENSIONS);
        Alarm plain = new Alarm("loss", "ALARM", "", "", "", "", List.of());
        assertThat(Decision.decide(config, plain, allHealthy, Set.of(), Fixtures.NO_FIGURES).why()).isEqualTo(Why.NAMES_NO_VIF);
    }

    private static List<VifDimension> concat(List<VifDimension> a, List<VifDimension> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
