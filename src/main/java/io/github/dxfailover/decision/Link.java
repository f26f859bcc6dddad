package io.github.dxfailover.decision;

/**
 * A connection or a LAG, as Direct Connect describes it: what a VIF on it can carry
 * (docs/behaviour.md §15).
 *
 * @param id        {@code dxcon-…} or {@code dxlag-…}
 * @param bandwidth the bandwidth of the connection, or of each of the LAG's connections ("10Gbps")
 * @param members   1 for a connection; for a LAG, its connections in state available
 */
public record Link(String id, String bandwidth, int members) {
}
