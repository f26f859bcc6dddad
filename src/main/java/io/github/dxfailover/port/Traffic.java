package io.github.dxfailover.port;

import io.github.dxfailover.decision.VifState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Each VIF's AWS/DX traffic, as CloudWatch has it (docs/behaviour.md §15, §16). Failures throw {@code aws.AwsCallFailed}. */
public interface Traffic {

    /**
     * Each VIF's 5-minute averages between {@code from} and {@code to}, the higher of egress and ingress, by
     * the start of their period; a VIF without a datapoint is absent.
     */
    Map<String, Map<Instant, Double>> readTraffic(List<VifState> vifs, Instant from, Instant to);

    /** Each VIF's highest 5-minute average of either direction between {@code from} and {@code to}. */
    default Map<String, Double> readPeakLoads(List<VifState> vifs, Instant from, Instant to) {
        Map<String, Double> peak = new java.util.HashMap<>();
        readTraffic(vifs, from, to).forEach((vif, points) ->
                points.values().stream().max(Double::compare).ifPresent(p -> peak.put(vif, p)));
        return peak;
    }
}
