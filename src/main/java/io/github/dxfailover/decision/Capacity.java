package io.github.dxfailover.decision;

import io.github.dxfailover.config.FailoverConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The projection of docs/behaviour.md §15: how full the healthy VIFs that remain would be if some
 * were taken out, from Direct Connect's own figures; or why that cannot be known.
 *
 * @param limitPercent         MAX_UTILIZATION
 * @param loadBps              the traffic of the VIFs healthy now, which the remaining ones would carry
 * @param remainingCapacityBps what the distinct connections of the remaining healthy VIFs can carry
 * @param gaps                 what is missing; not empty means the capacity is unknown
 */
public record Capacity(int limitPercent, double loadBps, long remainingCapacityBps, List<Gap> gaps) {

    /** Something the projection needs and Direct Connect or CloudWatch did not give. */
    public record Gap(Missing missing, String vifId, String linkId) {
    }

    /** What kind of figure is missing. */
    public enum Missing {
        /** Direct Connect names no connection for the VIF. */
        NO_CONNECTION,
        /** The VIF's connection or LAG is not returned (a hosted VIF on a partner's connection). */
        LINK_NOT_VISIBLE,
        /** The connection's bandwidth text is not one this function understands. */
        BANDWIDTH_NOT_UNDERSTOOD,
        /** CloudWatch has no AWS/DX traffic datapoint for the VIF in the last 30 minutes. */
        NO_DATAPOINTS
    }

    public Capacity {
        gaps = List.copyOf(gaps);
    }

    /**
     * Step 4a of docs/behaviour.md §4 (§15): the projection with {@code candidate} out, or null when the capacity is
     * not checked (MAX_UTILIZATION = 0), in which case the figures are never asked for, or when the figures are
     * null (status could not read them, and says why).
     */
    public static Capacity step(FailoverConfig config, VifStates seen, Set<String> takenOut, String candidate,
                                Supplier<CapacityFigures> figures) {
        if (!config.capacityChecked()) {
            return null;
        }
        CapacityFigures read = figures.get();
        return read == null ? null : project(config.maxUtilization(), seen, takenOut, candidate, read);
    }

    /**
     * The load of the VIFs healthy now, over the capacity of those that would remain.
     *
     * @param seen      the VIF states as this invocation leaves them (a reconcile pass's starts are testing)
     * @param takenOut  the VIFs this invocation already took out (they carried traffic until then)
     * @param candidate the VIF to take out now
     */
    public static Capacity project(int limitPercent, VifStates seen, Set<String> takenOut, String candidate,
                                   CapacityFigures figures) {
        List<Gap> gaps = new ArrayList<>();
        double load = 0;
        Set<String> links = new LinkedHashSet<>();
        for (VifState vif : seen.byId().values()) {
            boolean carried = vif.healthy() || takenOut.contains(vif.id());
            if (!carried) {
                continue;
            }
            Double peak = figures.peakLoadBps().get(vif.id());
            if (peak == null) {
                gaps.add(new Gap(Missing.NO_DATAPOINTS, vif.id(), vif.connectionId()));
            } else {
                load += peak;
            }
            if (vif.healthy() && !vif.id().equals(candidate)) {
                if (vif.connectionId() == null) {
                    gaps.add(new Gap(Missing.NO_CONNECTION, vif.id(), null));
                } else {
                    links.add(vif.connectionId());
                }
            }
        }
        long capacity = 0;
        for (String link : links) {
            if (figures.notUnderstood().containsKey(link)) {
                gaps.add(new Gap(Missing.BANDWIDTH_NOT_UNDERSTOOD, vifOn(seen, link), link));
            } else if (!figures.linkBps().containsKey(link)) {
                gaps.add(new Gap(Missing.LINK_NOT_VISIBLE, vifOn(seen, link), link));
            } else {
                capacity += figures.linkBps().get(link); // VIFs on one connection share it: counted once
            }
        }
        return new Capacity(limitPercent, load, capacity, gaps);
    }

    private static String vifOn(VifStates seen, String link) {
        return seen.byId().values().stream().filter(v -> link.equals(v.connectionId())).map(VifState::id)
                .findFirst().orElse(null);
    }

    public boolean known() {
        return gaps.isEmpty();
    }

    /** 100 × load ÷ capacity; infinite when load has nowhere to go. */
    public double projectedPercent() {
        if (remainingCapacityBps == 0) {
            return loadBps == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return 100.0 * loadBps / remainingCapacityBps;
    }

    /** Known and over MAX_UTILIZATION; exactly at the limit is not over. */
    public boolean exceeded() {
        return known() && projectedPercent() > limitPercent;
    }
}
