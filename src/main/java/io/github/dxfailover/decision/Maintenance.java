package io.github.dxfailover.decision;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.MaintenanceWindow.Effect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of maintenance windows (docs/behaviour.md §17) as pure functions: which managed VIFs an AWS Health event
 * takes down or reduces, whether a notice replaces a VIF's record, which records an end removes, and whether the rest
 * of the network can carry the window.
 */
public final class Maintenance {
    /** Each VIF's load for the verdict: its highest 5-minute average over this long before the notice. */
    public static final Duration PEAK_WINDOW = Duration.ofHours(24);

    private Maintenance() {
    }

    /**
     * What the event does to each managed VIF, in the states' order: a {@code dxvif-} ID takes that VIF down; a
     * {@code dxcon-} or {@code dxlag-} a VIF runs on takes it down; a {@code dxcon-} member of the LAG a VIF runs on
     * reduces it, or takes it down when fewer members than the LAG's {@code minimumLinks} (or none) would be left.
     *
     * @param links the connections and LAGs (for LAG members); may be empty when no resource is a LAG's member
     */
    public static Map<String, MaintenanceWindow> affected(HealthEvent e, VifStates states, List<Link> links) {
        Set<String> ids = new LinkedHashSet<>(e.resources());
        Map<String, Link> byId = Link.byId(links);
        Map<String, MaintenanceWindow> out = new LinkedHashMap<>();
        for (VifState v : states.byId().values()) {
            String link = v.connectionId();
            if (VifState.MISSING.equals(v.state())) {
                continue;
            }
            if (ids.contains(v.id())) {
                out.put(v.id(), window(e, Effect.DOWN, v.id()));
            } else if (link != null && ids.contains(link)) {
                out.put(v.id(), window(e, Effect.DOWN, link));
            } else if (link != null && byId.containsKey(link) && byId.get(link).isLag()) {
                Link lag = byId.get(link);
                List<String> members = lag.membersAmong(ids, byId);
                if (!members.isEmpty()) {
                    // A member that is down already takes nothing more away: only the available ones are lost.
                    long left = lag.members() - lag.availableAmong(members);
                    boolean down = left <= 0 || left < lag.minimumLinks();
                    // The record names a member the window takes away (an available one) when there is one.
                    String named = members.stream().filter(m -> lag.availableAmong(List.of(m)) > 0).findFirst()
                            .orElse(members.get(0));
                    out.put(v.id(), window(e, down ? Effect.DOWN : Effect.REDUCED, named));
                }
            }
        }
        return out;
    }

    /** Whether {@link #affected} needs the connections and LAGs: a resource that is no VIF and no VIF's own link. */
    public static boolean needsLinks(HealthEvent e, VifStates states) {
        Set<String> direct = new LinkedHashSet<>();
        states.byId().values().forEach(v -> {
            direct.add(v.id());
            direct.add(v.connectionId());
        });
        return e.resources().stream().anyMatch(id -> !direct.contains(id));
    }

    private static MaintenanceWindow window(HealthEvent e, Effect effect, String resource) {
        return new MaintenanceWindow(e.start(), e.end(), effect, resource, e.eventId());
    }

    /** What a notice does to a VIF's record. */
    public enum Recording {
        /** Write the notice's window. */
        WRITE,
        /** The same window of the same event is there already (an {@code open} event repeats the notice). */
        ALREADY,
        /** Another event's window stays: it has not ended and does not start later. */
        KEEP
    }

    /**
     * A VIF holds one window: a notice of the same event replaces it (AWS reschedules by updating the event); a notice
     * of another event replaces it only when the recorded window has ended or starts later.
     */
    public static Recording recording(Optional<MaintenanceWindow> recorded, MaintenanceWindow notice, Instant now) {
        if (recorded.isEmpty()) {
            return Recording.WRITE;
        }
        MaintenanceWindow r = recorded.get();
        if (r.sameWindow(notice)) {
            return Recording.ALREADY; // told or not: an untold one is told by the notice's own path (§8)
        }
        if (r.eventId().equals(notice.eventId()) || r.endedAt(now) || r.start().isAfter(notice.start())) {
            return Recording.WRITE;
        }
        return Recording.KEEP;
    }

    /**
     * The VIFs whose record an end removes: those of its event ID, and (Health announces a completion or a cancellation
     * as an event of its own) those naming one of its resources whose window overlaps its window.
     */
    public static List<String> endedBy(HealthEvent e, VifStates states) {
        List<String> out = new ArrayList<>();
        for (VifState v : states.byId().values()) {
            v.maintenance().filter(w -> w.eventId().equals(e.eventId())
                            || e.resources().contains(w.resourceId()) && w.overlaps(e.start(), e.end()))
                    .ifPresent(w -> out.add(v.id()));
        }
        return out;
    }

    /** The VIFs whose recorded window has ended: the next reconcile pass removes those records. */
    public static List<String> expired(VifStates states, Instant now) {
        return states.byId().values().stream().filter(v -> v.maintenance().map(w -> w.endedAt(now)).orElse(false))
                .map(VifState::id).toList();
    }

    /** A listed VIF's recorded window overlaps [from, to): no practice run then (docs/behaviour.md §16 step 2). */
    public static Optional<VifState> overlapping(VifStates states, Instant from, Instant to) {
        return states.byId().values().stream().filter(v -> v.maintenance().map(w -> w.overlaps(from, to))
                .orElse(false)).findFirst();
    }

    /** How many available members of the LAG the resources take away (docs/behaviour.md §17). */
    private static int membersOf(String lagId, Collection<String> resources, Map<String, Link> byId) {
        Link lag = byId.get(lagId);
        return lag == null ? 0 : lag.availableMembersTakenBy(resources, byId);
    }

    /** Why a window is at risk. */
    public enum Risk {
        /** Fewer than MINVIFS VIFs would stay healthy. */
        BELOW_MINIMUM,
        /** The VIFs that stay would carry more than MAX_UTILIZATION. */
        OVER_CAPACITY,
        /** Their capacity cannot be known. */
        CAPACITY_UNKNOWN
    }

    /**
     * Whether the rest can carry the window.
     *
     * @param healthyDuring the VIFs that stay healthy during it
     * @param capacity      the projection (§15, with the 24-hour peaks), or null when MAX_UTILIZATION is 0
     */
    public record Verdict(List<Risk> risks, long healthyDuring, Minimum minimum, Capacity capacity) {
        public Verdict {
            risks = List.copyOf(risks);
        }

        public boolean safe() {
            return risks.isEmpty();
        }
    }

    /**
     * The projection of a notice, from the VIF states now: the VIFs that stay healthy during the window (healthy now,
     * not down by this window nor by another recorded one that overlaps it) against MINVIFS — exactly MINVIFS is
     * safe, as in §4 — and, unless MAX_UTILIZATION is 0, their capacity (reduced LAGs counted with fewer members)
     * against the load of every VIF healthy now.
     *
     * @param windows   this event's window per VIF it affects (all with the event's start and end)
     * @param resources the event's resources (how many members of a LAG it takes)
     * @param links     the connections and LAGs (empty when the capacity is not checked)
     * @param peaks     each VIF's highest 5-minute average of either direction over the last 24 hours
     */
    public static Verdict verdict(FailoverConfig config, VifStates states, Map<String, MaintenanceWindow> windows,
                                  List<String> resources, List<Link> links, Map<String, Double> peaks) {
        MaintenanceWindow any = windows.values().iterator().next();
        Map<String, Link> byId = Link.byId(links);
        Set<String> down = new LinkedHashSet<>();
        Map<String, Integer> membersOut = new HashMap<>();
        for (VifState v : states.byId().values()) {
            MaintenanceWindow mine = windows.get(v.id());
            Optional<MaintenanceWindow> other = v.maintenance()
                    .filter(w -> !w.eventId().equals(any.eventId()) && w.overlaps(any.start(), any.end()));
            for (MaintenanceWindow w : mine == null ? other.stream().toList() : List.of(mine)) {
                if (w.effect() == Effect.DOWN) {
                    down.add(v.id());
                } else if (v.connectionId() != null) {
                    membersOut.merge(v.connectionId(), membersOf(v.connectionId(), w == mine ? resources
                            : List.of(w.resourceId()), byId), Math::max);
                }
            }
        }
        long healthyDuring = states.byId().values().stream().filter(v -> v.healthy() && !down.contains(v.id())).count();
        List<Risk> risks = new ArrayList<>();
        Minimum minimum = Minimum.of(config);
        if (minimum.isBelow(healthyDuring)) {
            risks.add(Risk.BELOW_MINIMUM);
        }
        Capacity capacity = null;
        if (config.capacityChecked()) {
            VifStates during = states;
            Set<String> takenOut = new LinkedHashSet<>();
            for (String id : down) {
                if (states.get(id).healthy()) {
                    takenOut.add(id); // it carried traffic until the window: the rest must carry it then
                }
                during = during.withTestStarted(id);
            }
            List<Link> reduced = links.stream()
                    .map(l -> membersOut.containsKey(l.id()) ? l.withoutMembers(membersOut.get(l.id())) : l).toList();
            capacity = Capacity.project(config.maxUtilization(), during, takenOut, null,
                    CapacityFigures.of(reduced, peaks));
            if (!capacity.known()) {
                risks.add(Risk.CAPACITY_UNKNOWN);
            } else if (capacity.exceeded()) {
                risks.add(Risk.OVER_CAPACITY);
            }
        }
        return new Verdict(risks, healthyDuring, minimum, capacity);
    }
}
