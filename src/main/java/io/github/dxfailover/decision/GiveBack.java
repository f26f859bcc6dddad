package io.github.dxfailover.decision;

import java.util.Set;
import io.github.dxfailover.config.FailoverConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Giving back (docs/behaviour.md §19) as a pure function: when fewer than MINVIFS listed VIFs are healthy, which
 * failover tests to end, oldest start first (ties by VIF ID), until the healthy VIFs and those given back reach
 * MINVIFS. A running practice run is not given back: its own watch ends it (§16).
 */
public final class GiveBack {
    private static final Comparator<Held> OLDEST_FIRST = Comparator
            .comparing(Held::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Held::vifId);

    private GiveBack() {
    }

    /**
     * A VIF held out by a failover test that has not ended.
     *
     * @param startedAt when the test started, or null when the history does not say
     */
    public record Held(String vifId, String testId, Instant startedAt) {
    }

    /**
     * What to give back.
     *
     * @param tests         the tests to end, in order; empty when the minimum holds or nothing holds a VIF out
     * @param healthyBefore the healthy VIFs before
     * @param minimum       MINVIFS
     */
    public record Plan(List<Held> tests, long healthyBefore, Minimum minimum) {
        public Plan {
            tests = List.copyOf(tests);
        }

        public boolean isEmpty() {
            return tests.isEmpty();
        }

        /** The healthy VIFs once the tests are ended (those given back count as healthy). */
        public long healthyAfter() {
            return healthyBefore + tests.size();
        }
    }

    /**
     * @param runningTest the test now running on a VIF, from its history; asked only for the VIFs under test, and only
     *                    when the minimum does not hold (so a pass where it holds makes no extra call)
     * @param restored the VIFs whose practice run this invocation has just ended (§16 Watching): paths restored, so
     *                 they count among the healthy before anything else is given back, and are never given back
     */
    public static Plan plan(FailoverConfig config, VifStates states, Set<String> restored,
                            Function<String, Optional<TestHistoryEntry>> runningTest) {
        long healthy = states.healthyCount(restored);
        Minimum minimum = Minimum.of(config);
        if (!minimum.isBelow(healthy)) {
            return new Plan(List.of(), healthy, minimum);
        }
        List<Held> held = new ArrayList<>();
        for (VifState vif : states.byId().values()) {
            if (vif.isUnderTest() && !restored.contains(vif.id())) {
                // A VIF whose test has ended by the history (its state lags) is not held out by anything; a running
                // practice run ends by its own watch (§16). A stale practice tag does not make a test a practice run.
                Optional<TestHistoryEntry> running = runningTest.apply(vif.id());
                if (!Practice.isRunning(vif, running)) {
                    running.ifPresent(t -> held.add(new Held(vif.id(), t.testId(), t.startedAt())));
                }
            }
        }
        List<Held> ordered = held.stream().sorted(OLDEST_FIRST).toList();
        int needed = (int) minimum.missing(healthy);
        return new Plan(ordered.subList(0, Math.min(needed, ordered.size())), healthy, minimum);
    }
}
