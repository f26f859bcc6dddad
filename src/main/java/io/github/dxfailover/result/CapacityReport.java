package io.github.dxfailover.result;

import io.github.dxfailover.decision.Capacity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capacity step of a decision as the result shows it (docs/behaviour.md §10, §15).
 *
 * @param capacity the projection
 * @param unknown  why it could not be made, in words, or null when it was
 */
public record CapacityReport(Capacity capacity, String unknown) {

    /** {@code {limitPercent, projectedPercent, loadBps, remainingCapacityBps}} or {@code {limitPercent, unknown}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("limitPercent", capacity.limitPercent());
        if (unknown != null) {
            out.put("unknown", unknown);
            return out;
        }
        double projected = capacity.projectedPercent();
        // JSON has no infinity: a load with no capacity left to carry it reads as null, over any limit.
        out.put("projectedPercent", Double.isInfinite(projected) ? null : Math.round(projected * 10) / 10.0);
        out.put("loadBps", Math.round(capacity.loadBps()));
        out.put("remainingCapacityBps", capacity.remainingCapacityBps());
        return out;
    }
}
