package io.github.dxfailover.decision;

import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.OptionalLong;
import java.util.HashMap;
import java.util.Map;
import java.util.Collection;
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
    private static final Pattern BANDWIDTH = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([MG])bps");

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

    /** The bit/s of one bandwidth text as Direct Connect writes it ("50Mbps" … "400Gbps", §15), or empty. */
    public static OptionalLong bps(String text) {
        Matcher m = text == null ? null : BANDWIDTH.matcher(text.strip());
        if (m == null || !m.matches()) {
            return OptionalLong.empty();
        }
        double unit = m.group(2).equals("G") ? 1e9 : 1e6;
        return OptionalLong.of(Math.round(Double.parseDouble(m.group(1)) * unit));
    }

    /**
     * The members of this LAG that the IDs name, whatever their state (a window on a member concerns its LAG, §17):
     * those in its member list, and connections whose {@code lagId} is this LAG.
     */
    public List<String> membersAmong(Collection<String> ids, Map<String, Link> byId) {
        return ids.stream().filter(i -> memberIds.contains(i) || byId.containsKey(i) && id.equals(byId.get(i).lagId()))
                .distinct().toList();
    }

    /**
     * How many of these members the LAG loses when they go down: those available now (DescribeLags lists them); a
     * member that is down already takes nothing more away. Without a member list, every one counts.
     */
    public long availableAmong(Collection<String> members) {
        return memberIds.isEmpty() ? members.size() : members.stream().filter(memberIds::contains).count();
    }

    /** How many available members of this LAG the resources (members, or their IDs) take away (§15, §17). */
    public int availableMembersTakenBy(Collection<String> resources, Map<String, Link> byId) {
        return (int) availableAmong(membersAmong(resources, byId));
    }

    /** The links by their IDs. */
    public static Map<String, Link> byId(List<Link> links) {
        Map<String, Link> byId = new HashMap<>();
        links.forEach(l -> byId.put(l.id(), l));
        return byId;
    }

    /** The same LAG with fewer available members (a member under maintenance, §17). */
    public Link withoutMembers(int count) {
        return new Link(id, bandwidth, Math.max(0, members - count), lagId, minimumLinks, memberIds);
    }
}
