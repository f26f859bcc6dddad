package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.CapacityFigures;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Link;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One invocation's picture of the network (docs/behaviour.md §4, §13, §15–§19): each read made at most once, when a
 * rule first needs it, and kept for the rest of the invocation, so that every rule decides on the same facts. One
 * "now" for the whole invocation. The managed VIFs are picked here (VIFLIST's, or the group's by tag, §18), with their
 * open maintenance windows applied (§17); the capacity figures count a LAG less its members in maintenance (§15).
 * A failed read throws: nothing has changed yet, so Lambda's retry is safe (§8).
 */
final class Observation {
    private final FailoverConfig config;
    private final Ports ports;
    private final Clock clock;
    private final Instant now;
    private VifStates vifs;
    private List<FiringAlarm> firing;
    private List<Link> links;
    private Map<String, String> watchAlarms;
    private CapacityFigures figures;
    private final Map<String, List<TestHistoryEntry>> history = new HashMap<>();
    private final Map<PeakRead, Map<String, Double>> peaks = new HashMap<>();

    /** Which VIFs' peaks since when: one invocation asks the same for each maintenance event it words. */
    private record PeakRead(List<String> vifIds, Instant from) {
    }

    Observation(FailoverConfig config, Ports ports, Clock clock) {
        this.config = config;
        this.ports = ports;
        this.clock = clock;
        this.now = clock.instant();
    }

    Instant now() {
        return now;
    }

    /** Whether {@code work} still fits before the deadline, by the clock as it runs on (not the picture's now). */
    boolean fits(Deadline deadline, java.time.Duration work) {
        return deadline.allows(work, clock);
    }

    /** The managed VIFs at {@link #now}: one pass over every page of the region's VIFs. */
    VifStates vifs() {
        if (vifs == null) {
            vifs = VifStates.select(config.managed(), ports.vifs().readAll()).at(now);
        }
        return vifs;
    }

    /** The managed VIFs if this invocation has read them, else none: what an invocation that failed had seen. */
    VifStates vifsIfRead() {
        return vifs == null ? VifStates.notRead() : vifs;
    }

    /** Every alarm now in ALARM (DescribeAlarms, every page). */
    List<FiringAlarm> firing() {
        if (firing == null) {
            firing = ports.alarms().readFiring();
        }
        return firing;
    }

    /** Whether the named alarm's actions are enabled (an operator's mute, §13); empty when there is no such alarm. */
    Optional<Boolean> actionsEnabled(String alarmName) {
        return ports.alarms().actionsEnabled(alarmName);
    }

    /** The states of the practice runs' outcome and blocking alarms; none configured, no call (§16). */
    Map<String, String> watchAlarms() {
        if (watchAlarms == null) {
            watchAlarms = ports.alarms().statesOf(config.practice().watchAlarms());
        }
        return watchAlarms;
    }

    /** The VIF's failover tests, every page. */
    List<TestHistoryEntry> history(String vifId) {
        return history.computeIfAbsent(vifId, id -> ports.vifs().history(id));
    }

    /** The test running on the VIF now, by its history. */
    Optional<TestHistoryEntry> runningTest(String vifId) {
        return TestHistoryEntry.running(history(vifId), now);
    }

    /** Every connection and LAG, as Direct Connect gives them (DescribeConnections, DescribeLags). */
    List<Link> links() {
        if (links == null) {
            links = ports.vifs().readLinks();
        }
        return links;
    }

    /**
     * The capacity figures of §15 for the VIFs healthy in {@code states}, read at the first {@code get()} and then
     * kept: the links less the LAG members in an open maintenance window, and one GetMetricData for the loads.
     */
    Supplier<CapacityFigures> capacity(VifStates states) {
        return () -> {
            if (figures == null) {
                List<VifState> carrying = states.byId().values().stream().filter(VifState::healthy).toList();
                figures = CapacityFigures.of(links(),
                        ports.traffic().readPeakLoads(carrying, now.minus(CapacityFigures.LOAD_WINDOW), now), states, now);
            }
            return figures;
        };
    }

    /** Each VIF's highest 5-minute load of either direction since {@code from}: read once for the same VIFs. */
    Map<String, Double> peakLoads(List<VifState> some, Instant from) {
        return peaks.computeIfAbsent(new PeakRead(some.stream().map(VifState::id).toList(), from),
                k -> ports.traffic().readPeakLoads(some, from, now));
    }

    /** The traffic of the VIFs between two times (a practice run's judging, §16): a read of its own. */
    Map<String, Map<Instant, Double>> traffic(List<VifState> some, Instant from, Instant to) {
        return ports.traffic().readTraffic(some, from, to);
    }
}
