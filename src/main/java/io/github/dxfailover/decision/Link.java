package io.github.dxfailover.decision;

import java.util.List;

/**
 * A connection or a LAG, as DescribeConnections and DescribeLags give it: what it can carry (docs/behaviour.md §15)
 * and how LAGs are made (§17: a member under maintenance reduces its LAG, or takes it down).
 *
 * @param id           {@code dxcon-…} or {@code dxlag-…}
 * @param bandwidth    the bandwidth of the connection, or of each of the LAG's connections ("10Gbps")
 * @param members      1 for a connection; for a LAG, its connections in state available
 * @param lagId        for a connection, the LAG it is a member of, or null
 * @param minimumLinks for a LAG, the members that must be available for it to stay up (0 for a connection)
 * @param memberIds    for a LAG, its connections in state available (empty for a connection)
 */
public record Link(String id, String bandwidth, int members, String lagId, int minimumLinks, List<String> memberIds) {
    public Link {
        memberIds = List.copyOf(memberIds);
    }

    /** A connection of its own, not a LAG's member. */
    public static Link connection(String id, String bandwidth) {
        return new Link(id, bandwidth, 1, null, 0, List.of());
    }

    public boolean isLag() {
        return id.startsWith("dxlag-");
    }

    /** The same LAG with fewer available members (a member under maintenance, §17). */
    public Link withoutMembers(int count) {
        return new Link(id, bandwidth, Math.max(0, members - count), lagId, minimumLinks, memberIds);
    }
}
