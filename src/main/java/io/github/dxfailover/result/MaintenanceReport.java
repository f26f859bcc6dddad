package io.github.dxfailover.result;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A maintenance window as the result shows it (docs/behaviour.md §10, §17): the notice's projection, or in
 * {@code status} a recorded window with its verdict now.
 *
 * @param vifs          each affected VIF: "down" or "reduced"
 * @param verdict       "safe" or "at risk"
 * @param reasons       every reason it is at risk, in words
 * @param healthyDuring the VIFs that stay healthy during the window
 * @param capacity      the capacity projection (§15, with the 24-hour peaks), or null when MAX_UTILIZATION is 0
 * @param open          whether the window is open now, for status; null in a notice's result
 */
public record MaintenanceReport(String eventId, Instant start, Instant end, List<String> resources,
                                Map<String, String> vifs, String verdict, List<String> reasons, long healthyDuring,
                                CapacityReport capacity, Boolean open) {
    public MaintenanceReport {
        resources = List.copyOf(resources);
        vifs = new LinkedHashMap<>(vifs);
        reasons = List.copyOf(reasons);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventId", eventId);
        out.put("start", start.toString());
        out.put("end", end.toString());
        if (open != null) {
            out.put("open", open);
        }
        out.put("resources", resources);
        out.put("vifs", new LinkedHashMap<>(vifs));
        out.put("verdict", verdict);
        out.put("reasons", reasons);
        out.put("healthyDuring", healthyDuring);
        if (capacity != null) {
            out.put("capacity", capacity.toMap());
        }
        return out;
    }
}
