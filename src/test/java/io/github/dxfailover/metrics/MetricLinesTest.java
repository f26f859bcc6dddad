package io.github.dxfailover.metrics;

import io.github.dxfailover.decision.Minimum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.CapacityReport;
import io.github.dxfailover.result.PracticeReport;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.result.ReconcileSummary;
import io.github.dxfailover.result.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The metric lines of docs/behaviour.md §11: what CloudWatch will make of each, read back as EMF. */
class MetricLinesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String A = "dxvif-fgab1234";
    private static final String B = "dxvif-fgcd5678";
    private static final String C = "dxvif-fgef9012";
    private static final String D = "dxvif-fggh3456";
    /** The function's name: every metric's Deployment dimension (docs/behaviour.md §11). */
    private static final String DEPLOYMENT = "my-dx-DxFailoverFunction-1AB2C3";

    /** Every metric name with its dimensions that the tests of this class saw written. */
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    /** One EMF object as CloudWatch reads it: its dimension (or none), and each metric's value. */
    private record Emitted(String vifId, Map<String, Double> metrics, JsonNode json) {
    }

    /** Parses every line as EMF and checks it is a metric the catalogue (and so the dashboard test) knows. */
    private static List<Emitted> emitted(List<String> lines) throws Exception {
        List<Emitted> out = new ArrayList<>();
        for (String line : lines) {
            JsonNode json = new ObjectMapper().readTree(line);
            JsonNode directive = json.at("/_aws/CloudWatchMetrics/0");
            assertThat(json.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
            assertThat(directive.get("Namespace").asText()).isEqualTo("DxFailover");
            assertThat(json.at("/_aws/CloudWatchMetrics").size()).isEqualTo(1);
            List<String> dimensions = new ArrayList<>();
            directive.at("/Dimensions/0").forEach(d -> dimensions.add(d.asText()));
            assertThat(directive.get("Dimensions").size()).isEqualTo(1);
            // Issue 32: every dimension set carries the deployment, so two stacks never mix their figures.
            assertThat(dimensions).as("every dimension set carries Deployment: %s", line).startsWith("Deployment");
            assertThat(json.get("Deployment").asText()).isEqualTo(DEPLOYMENT);
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (JsonNode m : directive.get("Metrics")) {
                String name = m.get("Name").asText();
                assertThat(MetricLines.catalogue()).containsKey(name);
                assertThat(MetricLines.catalogue().get(name)).contains(dimensions);
                assertThat(json.get(name).isNumber()).as("%s is a number in %s", name, line).isTrue();
                assertThat(m.get("Unit").asText()).isIn("Count", "Percent", "None");
                SEEN.add(name + " " + dimensions);
                metrics.put(name, json.get(name).asDouble());
            }
            String vif = dimensions.contains("VirtualInterfaceId") ? json.get("VirtualInterfaceId").asText() : null;
            out.add(new Emitted(vif, metrics, json));
        }
        return out;
    }

    private static VifState vif(String id, String state, String bgp) {
        return VifState.of(id, state, bgp);
    }

    private static VifState practised(VifState v, Duration ago, Outcome outcome) {
        return v.tagged(Map.of(PracticeRecord.LAST, new PracticeRecord(NOW.minus(ago), outcome, "dxfail-1").tagValue()));
    }

    private static CapacityReport projected(double loadBps, long remainingBps) {
        return new CapacityReport(new Capacity(80, loadBps, remainingBps, List.of()), null);
    }

    @Test
    void anAlarmEventsLineCarriesItsVifBesideTheLineWithoutDimension() throws Exception {
        Result failover = Result.of(Outcome.FAILED_OVER, A, "m", VifStates.notRead(), false)
                .withCapacity(projected(625e6, 1_000_000_000L)).withError("support case: denied");

        List<Emitted> lines = emitted(MetricLines.of(failover, NOW, DEPLOYMENT));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).vifId()).isNull();
        assertThat(lines.get(0).metrics()).containsExactly(entry("FAILED_OVER", 1.0), entry("Errors", 1.0));
        assertThat(lines.get(0).json().get("outcome").asText()).isEqualTo("FAILED_OVER");
        assertThat(lines.get(0).json().get("virtualInterfaceId").asText()).isEqualTo(A);
        assertThat(lines.get(1).vifId()).isEqualTo(A);
        assertThat(lines.get(1).metrics())
                .containsExactly(entry("FAILED_OVER", 1.0), entry("ProjectedUtilization", 62.5));
    }

    @Test
    void aReconcilePassWritesEachListedVifAndTheHealthyCountAgainstTheMinimum() throws Exception {
        VifStates read = VifStates.select(new ManagedVifs.Listed(List.of(A, B, C, D)), List.of(
                practised(vif(A, "available", "up"), Duration.ofHours(252), Outcome.PRACTICE_SUCCEEDED), // 10.5 days
                practised(vif(B, "testing", "down"), Duration.ofDays(40), Outcome.PRACTICE_SUCCEEDED),
                vif(C, "available", "up"), // never practised
                practised(vif(D, "available", "up"), Duration.ofDays(2), Outcome.PRACTICE_FAILED)));
        ReconcileAction start = new ReconcileAction(C, C + " loss", Outcome.FAILED_OVER, "dxfail-2", "case-1",
                projected(1.25e9, 2_000_000_000L));
        Result pass = Result.of(Outcome.RECONCILED, null, "m", read, false)
                .withReconciliation(new ReconcileSummary(List.of(start), 0, 0, 0, 0, new Minimum(2), List.of(C, D)));

        List<Emitted> lines = emitted(MetricLines.of(pass, NOW, DEPLOYMENT));

        assertThat(lines).extracting(Emitted::vifId).containsExactly(null, A, B, C, D);
        assertThat(lines.get(0).metrics()).containsExactly(entry("RECONCILED", 1.0), entry("FAILED_OVER", 1.0),
                entry("Errors", 0.0), entry("HealthyVifs", 3.0), entry("MarginOverMinimum", 1.0),
                entry("VifsNotProven", 2.0));
        assertThat(lines.get(1).metrics()).containsExactly(entry("Healthy", 1.0), entry("UnderTest", 0.0), entry("InMaintenance", 0.0),
                entry("DaysSinceProven", 10.5));
        assertThat(lines.get(2).metrics()).containsExactly(entry("Healthy", 0.0), entry("UnderTest", 1.0), entry("InMaintenance", 0.0),
                entry("DaysSinceProven", 40.0));
        assertThat(lines.get(3).metrics()).containsExactly(entry("FAILED_OVER", 1.0), entry("Healthy", 1.0),
                entry("UnderTest", 0.0), entry("InMaintenance", 0.0), entry("ProjectedUtilization", 62.5));
        // Its last run failed: not proven, so no days since proven.
        assertThat(lines.get(4).metrics()).containsExactly(entry("Healthy", 1.0), entry("UnderTest", 0.0), entry("InMaintenance", 0.0));
    }

    /** docs/behaviour.md §17: a VIF whose recorded window is open reads InMaintenance 1, and as not healthy when down. */
    @Test
    void aPassWritesWhichVifsAreInAnOpenMaintenanceWindow() throws Exception {
        VifStates read = VifStates.select(new ManagedVifs.Listed(List.of(A, B)), List.of(vif(A, "available", "up").tagged(java.util.Map.of(
                "dx-failover:maintenance", NOW.minusSeconds(600) + "/" + NOW.plusSeconds(3600) + " down dxcon-a e1")),
                vif(B, "available", "up"))).at(NOW);
        Result pass = Result.of(Outcome.RECONCILED, null, "m", read, false)
                .withReconciliation(new ReconcileSummary(List.of(), 0, 0, 0, 0, new Minimum(1), List.of()));
        List<Emitted> lines = emitted(MetricLines.of(pass, NOW, DEPLOYMENT));
        assertThat(lines.get(0).metrics()).containsEntry("HealthyVifs", 1.0).containsEntry("MarginOverMinimum", 0.0);
        assertThat(lines.get(1).metrics()).containsExactly(entry("Healthy", 0.0), entry("UnderTest", 0.0),
                entry("InMaintenance", 1.0));
        assertThat(lines.get(2).metrics()).containsEntry("InMaintenance", 0.0);
    }

    @Test
    void aPassBelowTheMinimumHasANegativeMarginAndNoProofAge() throws Exception {
        VifStates read = VifStates.select(new ManagedVifs.Listed(List.of(A, B)), List.of(vif(A, "down", "down")));
        Result pass = Result.of(Outcome.RECONCILED, null, "m", read, false)
                .withReconciliation(new ReconcileSummary(List.of(), 0, 0, 0, 0, new Minimum(1), List.of(A, B)));

        List<Emitted> lines = emitted(MetricLines.of(pass, NOW, DEPLOYMENT));

        assertThat(lines.get(0).metrics()).containsEntry("HealthyVifs", 0.0).containsEntry("MarginOverMinimum", -1.0)
                .containsEntry("VifsNotProven", 2.0).doesNotContainKey("DaysSinceProven");
        // B was not returned by Direct Connect: it reads as missing, not healthy.
        assertThat(lines.get(2).vifId()).isEqualTo(B);
        assertThat(lines.get(2).metrics()).containsExactly(entry("Healthy", 0.0), entry("UnderTest", 0.0), entry("InMaintenance", 0.0));
    }

    @Test
    void twoStartsOfOnePassAreCountedTwiceWithoutDimensionAndOnceOnEachVif() throws Exception {
        VifStates read = VifStates.select(new ManagedVifs.Listed(List.of(A, B, C)), List.of(vif(A, "available", "up"), vif(B, "available", "up"),
                vif(C, "available", "up")));
        Result pass = Result.of(Outcome.RECONCILED, null, "m", read, false).withReconciliation(new ReconcileSummary(
                List.of(new ReconcileAction(A, A + " loss", Outcome.FAILED_OVER, "dxfail-6", null, null),
                        new ReconcileAction(B, B + " loss", Outcome.FAILED_OVER, "dxfail-7", null, null)),
                0, 0, 0, 0, new Minimum(1), List.of(A, B, C)));

        List<Emitted> lines = emitted(MetricLines.of(pass, NOW, DEPLOYMENT));

        assertThat(lines.get(0).metrics()).containsEntry("FAILED_OVER", 2.0);
        assertThat(lines.get(1).metrics()).containsEntry("FAILED_OVER", 1.0);
        assertThat(lines.get(2).metrics()).containsEntry("FAILED_OVER", 1.0);
        assertThat(lines.get(3).metrics()).doesNotContainKey("FAILED_OVER");
    }

    @Test
    void aPracticeRunAPassJudgedIsCountedOnItsVif() throws Exception {
        VifStates read = VifStates.select(new ManagedVifs.Listed(List.of(A, B)), List.of(vif(A, "available", "up"), vif(B, "available", "up")));
        Result pass = Result.of(Outcome.RECONCILED, null, "m", read, false)
                .withReconciliation(new ReconcileSummary(List.of(), 0, 0, 0, 0, new Minimum(1), List.of()))
                .withPractice(new PracticeReport(B, "dxfail-3", Outcome.PRACTICE_SUCCEEDED, null, NOW, List.of(), null));

        List<Emitted> lines = emitted(MetricLines.of(pass, NOW, DEPLOYMENT));

        assertThat(lines.get(0).metrics()).containsEntry("PRACTICE_SUCCEEDED", 1.0);
        assertThat(lines.get(1).metrics()).doesNotContainKey("PRACTICE_SUCCEEDED");
        assertThat(lines.get(2).metrics()).containsEntry("PRACTICE_SUCCEEDED", 1.0);
    }

    @Test
    void aPracticeInvocationCountsItsOutcomeOnceOnEachLine() throws Exception {
        Result started = Result.of(Outcome.PRACTICE_STARTED, A, "m", VifStates.notRead(), false)
                .withPractice(new PracticeReport(A, "dxfail-4", Outcome.PRACTICE_STARTED, NOW, null, List.of(), null));

        List<Emitted> lines = emitted(MetricLines.of(started, NOW, DEPLOYMENT));

        assertThat(lines.get(0).metrics()).containsExactly(entry("PRACTICE_STARTED", 1.0), entry("Errors", 0.0));
        assertThat(lines.get(1).metrics()).containsExactly(entry("PRACTICE_STARTED", 1.0));
    }

    @Test
    void aFailedPassCountsErrorAndWhatItStartedPerVif() throws Exception {
        VifStates read = VifStates.select(new ManagedVifs.Listed(List.of(A, B)), List.of(vif(A, "available", "up"), vif(B, "available", "up")));
        Result partial = Result.of(Outcome.RECONCILED, null, "m", read, false).withReconciliation(new ReconcileSummary(
                List.of(new ReconcileAction(A, A + " loss", Outcome.FAILED_OVER, "dxfail-5", null, null)), 0, 0, 0, 0, new Minimum(1), List.of()));

        List<Emitted> lines = emitted(MetricLines.ofFailure(partial, NOW, DEPLOYMENT));

        assertThat(lines.get(0).metrics()).containsEntry("ERROR", 1.0).containsEntry("FAILED_OVER", 1.0)
                .containsEntry("Errors", 1.0).doesNotContainKey("RECONCILED");
        assertThat(lines.get(1).metrics()).containsEntry("FAILED_OVER", 1.0).doesNotContainKey("ERROR");
        assertThat(emitted(MetricLines.ofFailure(null, NOW, DEPLOYMENT))).singleElement()
                .extracting(Emitted::metrics).isEqualTo(Map.of("ERROR", 1.0, "Errors", 1.0));
    }

    @Test
    void noVifLineWithoutAVifIdAndNoUtilizationWithoutAKnownFiniteProjection() throws Exception {
        assertThat(emitted(MetricLines.of(Result.of(Outcome.REJECTED, "dxvif-x", "m", VifStates.notRead(), false), NOW, DEPLOYMENT)))
                .singleElement().satisfies(l -> assertThat(l.json().get("virtualInterfaceId").isNull()).isTrue());
        Result nowhere = Result.of(Outcome.CAPACITY_REACHED, A, "m", VifStates.notRead(), false)
                .withCapacity(projected(1e9, 0));
        Result unknown = Result.of(Outcome.FAILED_OVER, A, "m", VifStates.notRead(), false).withCapacity(
                new CapacityReport(new Capacity(80, 0, 0, List.of(new Capacity.Gap(Capacity.Missing.NO_DATAPOINTS, B,
                        null))), "no traffic datapoints for " + B));

        assertThat(emitted(MetricLines.of(nowhere, NOW, DEPLOYMENT)).get(1).metrics()).containsExactly(entry("CAPACITY_REACHED", 1.0));
        assertThat(emitted(MetricLines.of(unknown, NOW, DEPLOYMENT)).get(1).metrics()).containsExactly(entry("FAILED_OVER", 1.0));
    }

    @Test
    void theCatalogueSaysWhichOutcomesAreCountedOnAVif() throws Exception {
        for (Outcome o : List.of(Outcome.STATUS, Outcome.RECONCILED, Outcome.CONFIG_ERROR, Outcome.ERROR)) {
            assertThat(MetricLines.catalogue().get(o.name())).containsExactly(List.of("Deployment"));
        }
        assertThat(MetricLines.catalogue().get("FAILED_OVER")).containsExactlyInAnyOrder(List.of("Deployment"),
                List.of("Deployment", "VirtualInterfaceId"));
        assertThat(MetricLines.catalogue().get("Errors")).containsExactly(List.of("Deployment"));
        // A status command names a VIF in no metric even when its result has one.
        assertThat(emitted(MetricLines.of(Result.of(Outcome.STATUS, A, "m", VifStates.notRead(), false), NOW, DEPLOYMENT)))
                .hasSize(1);
    }

    /** Runs last: every gauge of the catalogue was seen written by one of the scenarios above, as catalogued. */
    @AfterAll
    static void everyGaugeOfTheCatalogueIsWritten() {
        MetricLines.catalogue().forEach((name, dimensionSets) -> {
            if (Arrays.stream(Outcome.values()).noneMatch(o -> o.name().equals(name))) {
                dimensionSets.forEach(d -> assertThat(SEEN).contains(name + " " + d));
            }
        });
    }
}
