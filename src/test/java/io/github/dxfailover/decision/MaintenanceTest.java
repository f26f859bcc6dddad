package io.github.dxfailover.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Maintenance.Recording;
import io.github.dxfailover.decision.Maintenance.Risk;
import io.github.dxfailover.decision.MaintenanceWindow.Effect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/behaviour.md §17 as tables, without any client. */
class MaintenanceTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Instant START = Instant.parse("2026-12-05T02:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(4));
    private static final String A = "dxvif-aaaa1111";
    private static final String B = "dxvif-bbbb2222";
    private static final String C = "dxvif-cccc3333";
    private static final String D = "dxvif-dddd4444";
    private static final double G = 1e9;
    /** A on its own connection, B and C on one LAG of three 10G members (minimumLinks 2), D on another connection. */
    private static final List<Link> LINKS = List.of(Link.connection("dxcon-a", "10Gbps"),
            new Link("dxlag-bc", "10Gbps", 3, null, 2, List.of("dxcon-m1", "dxcon-m2", "dxcon-m3")),
            new Link("dxcon-m1", "10Gbps", 1, "dxlag-bc", 0, List.of()),
            new Link("dxcon-m2", "10Gbps", 1, "dxlag-bc", 0, List.of()),
            new Link("dxcon-m3", "10Gbps", 1, "dxlag-bc", 0, List.of()),
            Link.connection("dxcon-d", "10Gbps"));

    private static FailoverConfig config(int minVifs, int maxUtilization) {
        Map<String, String> env = Fixtures.env();
        env.put("VIFLIST", String.join(",", A, B, C, D, "dxvif-eeee5555")); // room for MINVIFS 4
        env.put("MINVIFS", String.valueOf(minVifs));
        env.put("MAX_UTILIZATION", String.valueOf(maxUtilization));
        return Fixtures.config(env);
    }

    private static VifStates states(VifState... changed) {
        Map<String, VifState> all = new java.util.LinkedHashMap<>();
        all.put(A, VifState.of(A, "available", "up").on("dxcon-a"));
        all.put(B, VifState.of(B, "available", "up").on("dxlag-bc"));
        all.put(C, VifState.of(C, "available", "up").on("dxlag-bc"));
        all.put(D, VifState.of(D, "available", "up").on("dxcon-d"));
        for (VifState v : changed) {
            all.put(v.id(), v);
        }
        return new VifStates(all);
    }

    private static HealthEvent event(String id, String... resources) {
        return new HealthEvent("DIRECTCONNECT", "scheduledChange", "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
                "upcoming", "arn:aws:health:eu-west-1::event/DIRECTCONNECT/AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/" + id,
                START, END, List.of(resources));
    }

    private static VifState recorded(String vif, String link, String tag) {
        return VifState.of(vif, "available", "up").on(link).tagged(Map.of(MaintenanceWindow.TAG, tag));
    }

    static Stream<Arguments> whatAnEventTakes() {
        return Stream.of(
                Arguments.of(List.of(A), Map.of(A, "down " + A)),
                Arguments.of(List.of("dxcon-a"), Map.of(A, "down dxcon-a")),
                Arguments.of(List.of("dxlag-bc"), Map.of(B, "down dxlag-bc", C, "down dxlag-bc")),
                // one member of three, minimumLinks 2: two left, the LAG stays up with less bandwidth
                Arguments.of(List.of("dxcon-m2"), Map.of(B, "reduced dxcon-m2", C, "reduced dxcon-m2")),
                // two members: one left, fewer than minimumLinks: its VIFs go down
                Arguments.of(List.of("dxcon-m1", "dxcon-m2"), Map.of(B, "down dxcon-m1", C, "down dxcon-m1")),
                Arguments.of(List.of("dxcon-zzzz"), Map.of()),
                Arguments.of(List.of(D, "dxcon-a"), Map.of(A, "down dxcon-a", D, "down " + D)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("whatAnEventTakes")
    void whichManagedVifsAnEventTakesDownOrReduces(List<String> resources, Map<String, String> expected) {
        Map<String, MaintenanceWindow> affected = Maintenance.affected(event("e1", resources.toArray(String[]::new)),
                states(), LINKS);
        Map<String, String> got = new java.util.HashMap<>();
        affected.forEach((id, w) -> got.put(id, w.effect().word() + " " + w.resourceId()));
        assertThat(got).isEqualTo(expected);
        assertThat(affected.values()).allSatisfy(w -> assertThat(w.eventId()).isEqualTo("e1"));
    }

    @Test
    void aLagWithMinimumLinksZeroGoesDownOnlyWhenNoMemberIsLeft() {
        List<Link> links = List.of(new Link("dxlag-bc", "10Gbps", 2, null, 0, List.of("dxcon-m1", "dxcon-m2")));
        assertThat(Maintenance.affected(event("e", "dxcon-m1"), states(), links).get(B).effect()).isEqualTo(Effect.REDUCED);
        assertThat(Maintenance.affected(event("e", "dxcon-m1", "dxcon-m2"), states(), links).get(B).effect())
                .isEqualTo(Effect.DOWN);
    }

    /** Two members of one LAG in one event: the LAG keeps one of its three, whichever list names the members. */
    @Test
    void aReducedLagLosesEveryMemberTheEventNames() {
        List<Link> links = List.of(Link.connection("dxcon-a", "10Gbps"),
                new Link("dxlag-bc", "10Gbps", 3, null, 1, List.of()), // members known by their lagId only
                new Link("dxcon-m1", "10Gbps", 1, "dxlag-bc", 0, List.of()),
                new Link("dxcon-m2", "10Gbps", 1, "dxlag-bc", 0, List.of()),
                Link.connection("dxcon-d", "10Gbps"));
        HealthEvent e = event("e1", "dxcon-m1", "dxcon-m2");
        VifStates s = states();
        assertThat(Maintenance.affected(e, s, links).get(B).effect()).isEqualTo(Effect.REDUCED);
        // 10 Gbit/s of load on A's 10, the LAG's one member left (10) and D's 10: 33 %.
        Maintenance.Verdict v = Maintenance.verdict(config(1, 30), s, Maintenance.affected(e, s, links), e.resources(),
                links, Map.of(A, 4 * G, B, 2 * G, C, 2 * G, D, 2 * G));
        assertThat(v.capacity().remainingCapacityBps()).isEqualTo(30_000_000_000L);
        assertThat(v.risks()).containsExactly(Risk.OVER_CAPACITY);
    }

    /**
     * Issue 31, defect 2: a notice for a LAG member that is down already. The LAG (three members, minimumLinks 2) has
     * two members available; the notice takes none of them: its VIFs are reduced, not down, and the verdict is safe.
     */
    @Test
    void aNoticeForAMemberThatIsDownAlreadyTakesNothingMoreAway() {
        List<Link> links = List.of(Link.connection("dxcon-a", "10Gbps"),
                new Link("dxlag-bc", "10Gbps", 2, null, 2, List.of("dxcon-m1", "dxcon-m2")), // m3 is down
                new Link("dxcon-m1", "10Gbps", 1, "dxlag-bc", 0, List.of()),
                new Link("dxcon-m2", "10Gbps", 1, "dxlag-bc", 0, List.of()),
                new Link("dxcon-m3", "10Gbps", 1, "dxlag-bc", 0, List.of()),
                Link.connection("dxcon-d", "10Gbps"));
        HealthEvent e = event("e1", "dxcon-m3");
        VifStates s = states();
        Map<String, MaintenanceWindow> affected = Maintenance.affected(e, s, links);
        assertThat(affected.get(B).effect()).isEqualTo(Effect.REDUCED);
        assertThat(affected.get(C).effect()).isEqualTo(Effect.REDUCED);
        // 16 Gbit/s of load on A's 10, the LAG's two members (20) and D's 10: 40 %, as before the notice.
        Maintenance.Verdict v = Maintenance.verdict(config(1, 80), s, affected, e.resources(), links,
                Map.of(A, 4 * G, B, 4 * G, C, 4 * G, D, 4 * G));
        assertThat(v.safe()).isTrue();
        assertThat(v.healthyDuring()).isEqualTo(4);
        assertThat(v.capacity().remainingCapacityBps()).isEqualTo(40_000_000_000L);
        assertThat(v.capacity().projectedPercent()).isEqualTo(40.0);
    }

    /** A notice naming a member that is down and one that is available records the available one (§15 reads it). */
    @Test
    void theRecordNamesAMemberTheWindowTakesAway() {
        List<Link> links = List.of(new Link("dxlag-bc", "10Gbps", 2, null, 1, List.of("dxcon-m1", "dxcon-m2")),
                new Link("dxcon-m3", "10Gbps", 1, "dxlag-bc", 0, List.of()));
        MaintenanceWindow w = Maintenance.affected(event("e1", "dxcon-m3", "dxcon-m1"), states(), links).get(B);
        assertThat(w.effect().word() + " " + w.resourceId()).isEqualTo("reduced dxcon-m1");
    }

    /**
     * Issue 31, defect 1: capacity counts a LAG's members less those in an open window that reduces it. Four 10G
     * members, one in maintenance now: 30 Gbit/s, not 40; a window that has not opened yet, or ended, takes nothing.
     */
    @Test
    void anOpenWindowOnALagMemberTakesItsBandwidthFromTheCapacity() {
        List<Link> links = List.of(Link.connection("dxcon-a", "10Gbps"),
                new Link("dxlag-bc", "10Gbps", 4, null, 1, List.of("dxcon-m1", "dxcon-m2", "dxcon-m3", "dxcon-m4")));
        String open = NOW.minus(Duration.ofHours(1)) + "/" + NOW.plus(Duration.ofHours(1)) + " reduced dxcon-m2 e1";
        VifStates s = states(recorded(B, "dxlag-bc", open));
        Map<String, Long> bps = CapacityFigures.of(links, Map.of(), s, NOW).linkBps();
        assertThat(bps).containsEntry("dxlag-bc", 30_000_000_000L).containsEntry("dxcon-a", 10_000_000_000L);

        String later = START + "/" + END + " reduced dxcon-m2 e1";
        assertThat(CapacityFigures.of(links, Map.of(), states(recorded(B, "dxlag-bc", later)), NOW)
                .linkBps()).containsEntry("dxlag-bc", 40_000_000_000L);
        // Both VIFs of the LAG record the same member: it is lost once.
        VifStates both = states(recorded(B, "dxlag-bc", open), recorded(C, "dxlag-bc", open));
        assertThat(CapacityFigures.of(links, Map.of(), both, NOW).linkBps())
                .containsEntry("dxlag-bc", 30_000_000_000L);
    }

    @Test
    void theLinksAreNeededOnlyForAResourceThatIsNoVifNorAVifsOwnLink() {
        assertThat(Maintenance.needsLinks(event("e", A, "dxcon-a", "dxlag-bc"), states())).isFalse();
        assertThat(Maintenance.needsLinks(event("e", "dxcon-m1"), states())).isTrue();
    }

    @Test
    void theEventIdIsTheLastSegmentOfItsArn() {
        assertThat(new HealthEvent("DIRECTCONNECT", "scheduledChange", "X", "open", "/e-2", START, END, List.of())
                .eventId()).isEqualTo("e-2");
        assertThat(new HealthEvent("DIRECTCONNECT", "scheduledChange", "X", "open", "e-3", START, END, List.of())
                .eventId()).isEqualTo("e-3");
    }

    @Test
    void theRecordIsItsTagValueAndReadsBack() {
        MaintenanceWindow w = new MaintenanceWindow(START, END, Effect.REDUCED, "dxcon-m2", "e1");
        assertThat(w.tagValue()).isEqualTo("2026-12-05T02:00:00Z/2026-12-05T06:00:00Z reduced dxcon-m2 e1");
        assertThat(MaintenanceWindow.parse(w.tagValue())).contains(w);
        assertThat(MaintenanceWindow.parse("someone else's tag")).isEmpty();
        assertThat(MaintenanceWindow.parse(null)).isEmpty();
    }

    static Stream<Arguments> recordings() {
        MaintenanceWindow notice = new MaintenanceWindow(START, END, Effect.DOWN, "dxcon-a", "e1");
        return Stream.of(
                Arguments.of(null, Recording.WRITE),
                Arguments.of(notice, Recording.ALREADY),
                Arguments.of(new MaintenanceWindow(START.minusSeconds(3600), END, Effect.DOWN, "dxcon-a", "e1"),
                        Recording.WRITE), // rescheduled: the same event replaces
                Arguments.of(new MaintenanceWindow(NOW.minusSeconds(7200), NOW.minusSeconds(3600), Effect.DOWN, "x",
                        "e0"), Recording.WRITE), // another event's window has ended
                Arguments.of(new MaintenanceWindow(END, END.plusSeconds(3600), Effect.DOWN, "x", "e2"),
                        Recording.WRITE), // another event's window starts later
                Arguments.of(new MaintenanceWindow(NOW.plusSeconds(3600), NOW.plusSeconds(7200), Effect.DOWN, "x",
                        "e2"), Recording.KEEP)); // another event's earlier window stays
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("recordings")
    void aVifHoldsOneWindow(MaintenanceWindow existing, Recording expected) {
        MaintenanceWindow notice = new MaintenanceWindow(START, END, Effect.DOWN, "dxcon-a", "e1");
        assertThat(Maintenance.recording(Optional.ofNullable(existing), notice, NOW)).isEqualTo(expected);
    }

    @Test
    void anEndRemovesItsEventsRecordsAndThoseOfItsResourcesInItsWindow() {
        VifStates s = states(recorded(A, "dxcon-a", START + "/" + END + " down dxcon-a e1"),
                recorded(B, "dxlag-bc", START + "/" + END + " reduced dxcon-m2 e2"),
                recorded(D, "dxcon-d", END.plusSeconds(86_400) + "/" + END.plusSeconds(90_000) + " down dxcon-d e3"));
        assertThat(Maintenance.endedBy(event("e1"), s)).containsExactly(A);
        // A completion announced as an event of its own: another ID, the same resources, an overlapping window.
        assertThat(Maintenance.endedBy(event("done", "dxcon-m2", "dxcon-d"), s)).containsExactly(B);
        assertThat(Maintenance.expired(s, END.plusSeconds(1))).containsExactly(A, B);
    }

    @Test
    void anOpenWindowThatTakesAVifDownMakesItNotHealthy() {
        VifStates s = states(recorded(A, "dxcon-a", START + "/" + END + " down dxcon-a e1"),
                recorded(B, "dxlag-bc", START + "/" + END + " reduced dxcon-m2 e1"));
        assertThat(s.at(NOW).get(A).healthy()).as("before the window").isTrue();
        assertThat(s.at(START).get(A).healthy()).as("open, down").isFalse();
        assertThat(s.at(START).get(A).carriesTraffic()).as("Direct Connect still says available").isTrue();
        assertThat(s.at(START).get(B).healthy()).as("open, reduced").isTrue();
        assertThat(s.at(END).get(A).healthy()).as("ended").isTrue();
        assertThat(s.at(START).healthyCount()).isEqualTo(3);
    }

    @Test
    void theAlarmedVifInAnOpenWindowIsInMaintenanceAfterTheStateCheck() {
        VifStates s = states(recorded(A, "dxcon-a", START + "/" + END + " down dxcon-a e1")).at(START);
        FailoverConfig config = config(1, 0);
        Decision d = Decision.decide(config, Fixtures.alarm(A + " loss", "ALARM"), s, java.util.Set.of(),
                Fixtures.NO_FIGURES);
        assertThat(d.outcome()).isEqualTo(Outcome.IN_MAINTENANCE);
        VifStates down = states(recorded(A, "dxcon-a", START + "/" + END + " down dxcon-a e1")
                .withTestRunning()).at(START);
        assertThat(Decision.decide(config, Fixtures.alarm(A + " loss", "ALARM"), down, java.util.Set.of(),
                Fixtures.NO_FIGURES).outcome()).isEqualTo(Outcome.ALREADY_UNAVAILABLE);
        // Another VIF's alarm: A does not count toward the minimum while its window is open.
        assertThat(Decision.decide(config(3, 0), Fixtures.alarm(B + " loss", "ALARM"), s, java.util.Set.of(),
                Fixtures.NO_FIGURES).outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
    }

    static Stream<Arguments> verdicts() {
        Map<String, Double> peaks = Map.of(A, 4 * G, B, 2 * G, C, 2 * G, D, 2 * G);
        return Stream.of(
                // A down: B, C, D stay; MINVIFS 3 is exactly met: safe; 10 Gbit/s of load on 30+10
                Arguments.of(List.of("dxcon-a"), 3, 0, peaks, List.of(), 3L),
                Arguments.of(List.of("dxcon-a"), 4, 0, peaks, List.of(Risk.BELOW_MINIMUM), 3L),
                // the LAG down: A and D stay, 10 Gbit/s on 20: 50 %, over a limit of 40
                Arguments.of(List.of("dxlag-bc"), 1, 40, peaks, List.of(Risk.OVER_CAPACITY), 2L),
                Arguments.of(List.of("dxlag-bc"), 1, 60, peaks, List.of(), 2L),
                // one LAG member: 10 Gbit/s on 10 + 20 + 10 = 40 (25 %)
                Arguments.of(List.of("dxcon-m1"), 1, 26, peaks, List.of(), 4L),
                Arguments.of(List.of("dxcon-m1"), 1, 24, peaks, List.of(Risk.OVER_CAPACITY), 4L),
                // no datapoint for D: unknown
                Arguments.of(List.of("dxcon-a"), 1, 80, Map.of(A, G, B, G, C, G), List.of(Risk.CAPACITY_UNKNOWN), 3L));
    }

    @ParameterizedTest(name = "{0}, MINVIFS {1}, MAX_UTILIZATION {2} -> {4}")
    @MethodSource("verdicts")
    void theVerdictCountsTheVifsThatStayAndTheirCapacity(List<String> resources, int minVifs, int maxUtilization,
                                                         Map<String, Double> peaks, List<Risk> risks, long healthyDuring) {
        HealthEvent e = event("e1", resources.toArray(String[]::new));
        VifStates s = states();
        Maintenance.Verdict v = Maintenance.verdict(config(minVifs, maxUtilization), s,
                Maintenance.affected(e, s, LINKS), e.resources(), LINKS, peaks);
        assertThat(v.risks()).containsExactlyElementsOf(risks);
        assertThat(v.healthyDuring()).isEqualTo(healthyDuring);
        assertThat(v.safe()).isEqualTo(risks.isEmpty());
        assertThat(v.capacity() == null).isEqualTo(maxUtilization == 0);
    }

    @Test
    void anotherRecordedWindowThatOverlapsCountsItsVifsDownToo() {
        VifStates s = states(recorded(D, "dxcon-d", START.plusSeconds(3600) + "/" + END.plusSeconds(3600)
                + " down dxcon-d e0"));
        HealthEvent e = event("e1", "dxcon-a");
        Maintenance.Verdict v = Maintenance.verdict(config(3, 0), s, Maintenance.affected(e, s, LINKS), e.resources(),
                LINKS, Map.of());
        assertThat(v.healthyDuring()).isEqualTo(2);
        assertThat(v.risks()).containsExactly(Risk.BELOW_MINIMUM);
        VifStates later = states(recorded(D, "dxcon-d", END + "/" + END.plusSeconds(3600) + " down dxcon-d e0"));
        assertThat(Maintenance.verdict(config(3, 0), later, Maintenance.affected(e, later, LINKS), e.resources(), LINKS,
                Map.of()).safe()).as("a window after this one does not overlap").isTrue();
    }

    @Test
    void onlyDirectConnectsScheduledMaintenanceIsAWindowAndEndsAreRecognised() {
        HealthEvent e = event("e1");
        assertThat(e.isMaintenance()).isTrue();
        assertThat(e.isEnd()).isFalse();
        assertThat(e.eventId()).isEqualTo("e1");
        assertThat(new HealthEvent("EC2", "scheduledChange", "AWS_EC2_MAINTENANCE_SCHEDULED", "upcoming", "a", START,
                END, List.of()).isMaintenance()).isFalse();
        assertThat(new HealthEvent("DIRECTCONNECT", "issue", "AWS_DIRECTCONNECT_OPERATIONAL_ISSUE", "open", "a", START,
                END, List.of()).isMaintenance()).isFalse();
        for (String code : List.of("AWS_DIRECTCONNECT_MAINTENANCE_COMPLETE", "AWS_DIRECTCONNECT_MAINTENANCE_CANCELLED",
                "AWS_DIRECTCONNECT_MAINTENANCE_CANCELED", "AWS_DIRECTCONNECT_MAINTENANCE_COMPLETED")) {
            assertThat(new HealthEvent("DIRECTCONNECT", "scheduledChange", code, "open", "a", START, END, List.of())
                    .isEnd()).as(code).isTrue();
        }
        assertThat(new HealthEvent("DIRECTCONNECT", "scheduledChange", "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
                "closed", "a", START, END, List.of()).isEnd()).isTrue();
    }
}
