package io.github.dxfailover.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/behaviour.md §19 as a table, without any client: four listed VIFs, each "up" (healthy), "down", "test@N" (under
 * a failover test that started N minutes ago), "ended" (testing by its state, its test ended by the history),
 * "practice" (a running practice run) or "missing"; MINVIFS; which VIFs are given back, in order; whether the history
 * was read at all.
 */
class GiveBackTest {
    private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    private static final List<String> IDS = List.of("dxvif-aaaa1111", "dxvif-bbbb2222", "dxvif-cccc3333",
            "dxvif-dddd4444");

    static Stream<Arguments> table() {
        return Stream.of(
                // above and at the minimum: nothing to give back, and no history read
                Arguments.of("up,up,test@30,down", 1, false, List.of(), false),
                Arguments.of("up,up,test@30,down", 2, false, List.of(), false),
                Arguments.of("up,test@30,down,down", 1, false, List.of(), false),
                // below the minimum, one test holds a VIF out
                Arguments.of("down,test@30,down,down", 1, false, List.of("b"), true),
                Arguments.of("up,test@30,down,down", 2, false, List.of("b"), true),
                // several tests: oldest first, only as many as the minimum needs
                Arguments.of("down,test@30,test@90,test@60", 1, false, List.of("c"), true),
                Arguments.of("down,test@30,test@90,test@60", 2, false, List.of("c", "d"), true),
                Arguments.of("down,test@30,test@90,test@60", 3, false, List.of("c", "d", "b"), true),
                // one healthy already: only the difference to the minimum is given back
                Arguments.of("up,test@30,test@90,down", 2, false, List.of("c"), true),
                // ties by VIF ID
                Arguments.of("down,test@60,down,test@60", 1, false, List.of("b"), true),
                // a practice run ends by its own watch (§16); a test already ended holds nothing out
                // (its tag names the test running now: the history says so, so it is read)
                Arguments.of("down,practice,down,up", 2, false, List.of(), true),
                // a practice tag naming a test that has ended does not shield the test running now (issue 31, defect 3)
                Arguments.of("down,stale,down,up", 2, false, List.of("b"), true),
                Arguments.of("down,ended,test@10,down", 1, false, List.of("c"), true),
                Arguments.of("down,ended,down,down", 1, false, List.of(), true),
                // below the minimum with nothing held out: nothing can be given back
                Arguments.of("down,down,missing,up", 2, false, List.of(), false),
                // DRY_RUN plans the same: the service then changes nothing (docs/behaviour.md §19)
                Arguments.of("down,test@30,test@90,down", 1, true, List.of("c"), true));
    }

    @ParameterizedTest(name = "{0}, MINVIFS {1}, DRY_RUN {2} -> {3}")
    @MethodSource("table")
    void whichTestsAreEndedAndInWhichOrder(String vifs, int minVifs, boolean dryRun, List<String> expected,
                                           boolean readsHistory) {
        Map<String, String> env = Fixtures.env();
        env.put("VIFLIST", String.join(",", IDS));
        env.put("MINVIFS", String.valueOf(minVifs));
        env.put("DRY_RUN", String.valueOf(dryRun));
        FailoverConfig config = Fixtures.config(env);
        List<VifState> returned = new ArrayList<>();
        Map<String, TestHistoryEntry> running = new HashMap<>();
        String[] cells = vifs.split(",");
        for (int i = 0; i < cells.length; i++) {
            String id = IDS.get(i);
            String cell = cells[i];
            if (cell.equals("missing")) {
                continue;
            }
            VifState up = VifState.of(id, "available", "up");
            returned.add(switch (cell.split("@")[0]) {
                case "up" -> up;
                case "down" -> VifState.of(id, "down", "down");
                case "ended" -> up.withTestRunning();
                case "practice", "stale" -> up.withTestRunning().tagged(Map.of(PracticeRecord.RUNNING, "t-practice"));
                default -> up.withTestRunning();
            });
            if (cell.startsWith("test@") || cell.equals("practice") || cell.equals("stale")) {
                int ago = cell.startsWith("test@") ? Integer.parseInt(cell.substring(5)) : 5;
                running.put(id, new TestHistoryEntry(cell.equals("practice") ? "t-practice" : "t-" + id.charAt(6),
                        "IN_PROGRESS", NOW.minusSeconds(ago * 60L), NOW.plusSeconds(3600)));
            }
        }
        List<String> asked = new ArrayList<>();
        GiveBack.Plan plan = GiveBack.plan(config, VifStates.select(config.managed(), returned), Set.of(), vif -> {
            asked.add(vif);
            return Optional.ofNullable(running.get(vif));
        });
        assertThat(plan.tests()).extracting(h -> String.valueOf(h.vifId().charAt(6))).containsExactlyElementsOf(expected);
        assertThat(plan.tests()).allSatisfy(h -> assertThat(h.testId()).isEqualTo("t-" + h.vifId().charAt(6)));
        assertThat(!asked.isEmpty()).as("history read").isEqualTo(readsHistory);
        long healthy = returned.stream().filter(VifState::healthy).count();
        assertThat(plan.healthyBefore()).isEqualTo(healthy);
        assertThat(plan.healthyAfter()).isEqualTo(healthy + expected.size());
    }
}
