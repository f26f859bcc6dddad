package io.github.dxfailover.service;

import io.github.dxfailover.aws.CloudWatch;
import io.github.dxfailover.decision.CapacityFigures;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import java.time.Instant;
import java.util.List;

/**
 * The figures of the capacity step (docs/behaviour.md §15), read only when a decision reaches it:
 * DescribeConnections, DescribeLags and one GetMetricData for the traffic of the VIFs healthy now.
 * A failed read throws: nothing has changed yet, so Lambda's retry is safe (§8).
 */
final class CapacityReads {
    private CapacityReads() {
    }

    static CapacityFigures read(Adapters aws, VifStates states) {
        List<VifState> carrying = states.byId().values().stream().filter(VifState::healthy).toList();
        Instant now = aws.clock().instant();
        return CapacityFigures.of(aws.dx().readLinks(),
                aws.cloudWatch().readPeakLoads(carrying, now.minus(CloudWatch.LOAD_WINDOW), now));
    }
}
