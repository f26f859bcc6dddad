package io.github.dxfailover.decision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One BGP session of a VIF, as Direct Connect reports it.
 *
 * @param addressFamily "ipv4" or "ipv6", or null when Direct Connect did not say
 * @param peerAddress   the customer router's address of the session, or null
 * @param asn           the customer's ASN, or null
 * @param status        bgpStatus: "up", "down" or "unknown"
 */
public record BgpPeer(String addressFamily, String peerAddress, Long asn, String status) {
    public static final String UP = "up";

    /** A peer known only by its status (tests, and states a failover test leaves behind). */
    public static BgpPeer ofStatus(String status) {
        return new BgpPeer(null, null, null, status);
    }

    public boolean up() {
        return UP.equals(status);
    }

    /** The same peer with another status. */
    public BgpPeer withStatus(String newStatus) {
        return new BgpPeer(addressFamily, peerAddress, asn, newStatus);
    }

    /** As the result shows it (docs/behaviour.md §10); absent details are null. */
    public Map<String, Object> toMap() {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("addressFamily", addressFamily);
        peer.put("peerAddress", peerAddress);
        peer.put("asn", asn);
        peer.put("status", status);
        return peer;
    }

    /** "ipv4", "ipv6", or "peer 2" when the family is unknown. */
    public String label(int index) {
        return addressFamily != null ? addressFamily : "peer " + (index + 1);
    }
}
