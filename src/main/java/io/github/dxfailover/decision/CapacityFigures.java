package io.github.dxfailover.decision;

import java.util.Set;
import java.util.LinkedHashSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the capacity step of docs/behaviour.md §15 reads, once per invocation: what each connection or
 * LAG can carry (Direct Connect) and what each listed VIF carries now (CloudWatch, AWS/DX).
 *
 * @param linkBps       connection or LAG ID → bit/s (a LAG: its connections' bandwidth × its available members)
 * @param notUnderstood connection or LAG ID → the bandwidth text that could not be read
 * @param peakLoadBps   VIF ID → the highest 5-minute average of egress or ingress over the last 30 minutes,
 *                      bit/s; a VIF without a datapoint is absent
 */
public record CapacityFigures(Map<String, Long> linkBps, Map<String, String> notUnderstood,
                              Map<String, Double> peakLoadBps) {
    /** The load of §15: each VIF's highest 5-minute average over the last 30 minutes. */
    public static final java.time.Duration LOAD_WINDOW = java.time.Duration.ofMinutes(30);

    public CapacityFigures {
        linkBps = Map.copyOf(linkBps);
        notUnderstood = Map.copyOf(notUnderstood);
        peakLoadBps = Map.copyOf(peakLoadBps);
    }

    /**
     * The figures at {@code now}: a LAG counts its available members less those in an open maintenance window recorded
     * on a VIF that runs on it, which reduces it (docs/behaviour.md §15, §17).
     */
    public static CapacityFigures of(List<Link> links, Map<String, Double> peakLoadBps, VifStates states,
                                     Instant now) {
        Map<String, Set<String>> inMaintenance = new HashMap<>();
        for (VifState v : states.byId().values()) {
            v.maintenance().filter(w -> w.effect() == MaintenanceWindow.Effect.REDUCED && w.openAt(now)
                            && v.connectionId() != null)
                    .ifPresent(w -> inMaintenance.computeIfAbsent(v.connectionId(), k -> new LinkedHashSet<>())
                            .add(w.resourceId()));
        }
        if (inMaintenance.isEmpty()) {
            return of(links, peakLoadBps);
        }
        Map<String, Link> byId = Link.byId(links);
        return of(links.stream().map(l -> inMaintenance.containsKey(l.id())
                ? l.withoutMembers(l.availableMembersTakenBy(inMaintenance.get(l.id()), byId)) : l)
                .toList(), peakLoadBps);
    }

    /** The figures from what Direct Connect and CloudWatch returned. */
    public static CapacityFigures of(List<Link> links, Map<String, Double> peakLoadBps) {
        Map<String, Long> bps = new HashMap<>();
        Map<String, String> notUnderstood = new HashMap<>();
        for (Link link : links) {
            OptionalLong each = Link.bps(link.bandwidth());
            if (each.isPresent()) {
                bps.put(link.id(), each.getAsLong() * link.members());
            } else {
                notUnderstood.put(link.id(), String.valueOf(link.bandwidth()));
            }
        }
        return new CapacityFigures(bps, notUnderstood, peakLoadBps);
    }
}
