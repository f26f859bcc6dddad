package io.github.dxfailover.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over arbitrary alarms, VIF states, VIFLIST or VIFGROUP (with VIFs of another group and untagged ones) and
 * MINVIFS: a pass never starts a test on a VIF it does not manage, never two on one VIF, none under DRY_RUN, and
 * never leaves fewer healthy managed VIFs than MINVIFS when there were more than MINVIFS before it.
 */
class ReconcilePlanPropertyTest {
    private static final List<String> POOL = List.of("dxvif-prop0001", "dxvif-prop0002", "dxvif-prop0003",
            "dxvif-prop0004", "dxvif-prop0005", "dxvif-prop0006");
    private static final Instant SEEN = Instant.parse("2026-11-26T06:00:00Z");

    record World(FailoverConfig config, List<FiringAlarm> alarms, VifStates states) {
    }

    @Property(tries = 2000)
    void aPassKeepsEveryPromise(@ForAll("worlds") World w) {
        ReconcilePlan plan = ReconcilePlan.of(w.config(), w.alarms(), w.states(), Fixtures.NO_FIGURES);

        List<String> started = plan.steps().stream().filter(s -> s.decision().outcome() == Outcome.FAILED_OVER)
                .map(s -> s.decision().vifId()).toList();
        assertThat(started).allMatch(w.states()::manages);
        assertThat(started).as("never a VIF of another group or outside the list")
                .allMatch(v -> w.states().get(v).tags().isEmpty() ? w.config().managed().mayManage(v)
                        : "core".equals(w.states().get(v).tags().get(ManagedVifs.GROUP_TAG)));
        assertThat(new HashSet<>(started)).hasSameSizeAs(started);
        if (w.config().dryRun()) {
            assertThat(started).isEmpty();
        }
        VifStates after = w.states();
        for (String vif : started) {
            after = after.withTestStarted(vif);
        }
        if (w.states().healthyCount() > w.config().minVifs()) {
            assertThat(after.healthyCount()).isGreaterThanOrEqualTo(w.config().minVifs());
        } else {
            assertThat(started).isEmpty();
        }
        // And as many as the minimum allows: every healthy alarmed candidate is started until the minimum is reached.
        long healthyCandidates = plan.steps().stream().filter(st -> w.states().get(st.decision().vifId()).healthy())
                .count();
        long room = Math.max(0, w.states().healthyCount() - w.config().minVifs());
        long decidedToStart = plan.steps().stream().filter(st -> st.decision().outcome() == Outcome.FAILED_OVER
                || st.decision().outcome() == Outcome.DRY_RUN).count();
        assertThat(decidedToStart).isEqualTo(Math.min(healthyCandidates, room));
        // Oldest alarm first, ties by VIF ID.
        assertThat(plan.steps()).isSortedAccordingTo(java.util.Comparator.comparing((ReconcilePlan.Step st) -> st.alarm().since())
                .thenComparing(st -> st.decision().vifId()));
        // Every step is a listed VIF, each at most once.
        List<String> considered = plan.steps().stream().map(s -> s.decision().vifId()).toList();
        assertThat(new HashSet<>(considered)).hasSameSizeAs(considered);
        assertThat(considered).allMatch(w.states()::manages);
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<Integer> listedCount = Arbitraries.integers().between(2, POOL.size());
        Arbitrary<Integer> minVifs = Arbitraries.integers().between(1, POOL.size() - 1);
        Arbitrary<Boolean> dryRun = Arbitraries.of(true, false);
        Arbitrary<List<String>> vifStates = Arbitraries.of("available", "down", "testing", "pending", "missing")
                .list().ofSize(POOL.size());
        Arbitrary<List<String>> bgp = Arbitraries.of("up", "down", "none").list().ofSize(POOL.size());
        Arbitrary<List<FiringAlarm>> alarms = Combinators.combine(
                        Arbitraries.integers().between(0, POOL.size() - 1),
                        Arbitraries.integers().between(0, 600),
                        Arbitraries.of(true, true, true, false),
                        Arbitraries.of("name", "dimension", "none", "unlisted"))
                .as(ReconcilePlanPropertyTest::alarm).list().ofMaxSize(10);
        // VIFLIST, or a group (docs/behaviour.md §18): the first n VIFs of the pool tagged with it, the others with
        // another group's tag or none, so that a group's VIFs are read, never configured.
        Arbitrary<Boolean> group = Arbitraries.of(false, true);
        return Combinators.combine(listedCount, minVifs, dryRun, vifStates, bgp, alarms, group)
                .flatAs((n, min, dry, st, b, a, g) -> {
            int minimum = Math.min(min, n - 1);
            Map<String, String> env = new HashMap<>();
            if (g) {
                env.put("VIFGROUP", "core");
            } else {
                env.put("VIFLIST", String.join(",", POOL.subList(0, n)));
            }
            env.put("MINVIFS", String.valueOf(minimum));
            env.put("SNSARN", Fixtures.TOPIC);
            env.put("DRY_RUN", String.valueOf(dry));
            FailoverConfig config = Fixtures.config(env);
            List<VifState> returned = new ArrayList<>();
            for (int i = 0; i < POOL.size(); i++) {
                if (!st.get(i).equals("missing")) {
                    VifState v = b.get(i).equals("none") ? VifState.of(POOL.get(i), st.get(i))
                            : VifState.of(POOL.get(i), st.get(i), b.get(i));
                    returned.add(i < n ? v.tagged(Map.of(ManagedVifs.GROUP_TAG, "core"))
                            : i % 2 == 0 ? v.tagged(Map.of(ManagedVifs.GROUP_TAG, "edge")) : v);
                }
            }
            return Arbitraries.just(new World(config, a, VifStates.select(config.managed(), returned)));
        });
    }

    private static FiringAlarm alarm(int vif, int minutesAgo, boolean enabled, String naming) {
        String id = naming.equals("unlisted") ? "dxvif-unlisted9" : POOL.get(vif);
        Instant since = SEEN.minusSeconds(60L * minutesAgo);
        String name = switch (naming) {
            case "dimension", "none" -> "loss " + minutesAgo;
            default -> id + " loss " + minutesAgo;
        };
        List<VifDimension> dims = naming.equals("dimension") ? Fixtures.probe(id) : List.of();
        return new FiringAlarm(new Alarm(name, "ALARM", "", since.toString(), "", "", dims), since, enabled, SEEN);
    }
}
