package io.github.dxfailover.service;

import io.github.dxfailover.decision.CapacityFigures;
import io.github.dxfailover.decision.Maintenance;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.port.Traffic;
import io.github.dxfailover.port.Vifs;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The figures of the capacity step (docs/behaviour.md §15), read only when a decision asks for them and then once:
 * DescribeConnections, DescribeLags and one GetMetricData for the traffic of the VIFs healthy now. A failed read
 * throws: nothing has changed yet, so Lambda's retry is safe (§8).
 */
record CapacityReads(Vifs vifs, Traffic traffic, Clock clock) {
    /** The figures for these states, read at the first {@code get()} and kept for the invocation. */
    Supplier<CapacityFigures> once(VifStates states) {
        return new Supplier<>() {
            private CapacityFigures read;

            @Override
            public CapacityFigures get() {
                if (read == null) {
                    read = read(states);
                }
                return read;
            }
        };
    }

    CapacityFigures read(VifStates states) {
        List<VifState> carrying = states.byId().values().stream().filter(VifState::healthy).toList();
        Instant now = clock.instant();
        return CapacityFigures.of(Maintenance.at(vifs.readLinks(), states, now), traffic.readPeakLoads(carrying, now.minus(CapacityFigures.LOAD_WINDOW), now));
    }
}
