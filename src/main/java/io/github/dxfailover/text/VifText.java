package io.github.dxfailover.text;

import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.BgpPeer;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** How a VIF, its BGP peers and the managed VIFs read in messages, notifications, cases and logs. */
public final class VifText {
    private VifText() {
    }

    /** The group's name, or null with VIFLIST. */
    static String groupOf(ManagedVifs managed) {
        return managed instanceof ManagedVifs.Group g ? g.name() : null;
    }

    /** "dx-failover:group='core'": the tag that puts a VIF into the group (docs/behaviour.md §18). */
    static String groupTag(String group) {
        return ManagedVifs.GROUP_TAG + "='" + group + "'";
    }

    /** Why a VIF is not managed: "is not in VIFLIST", or with a group "does not carry the tag dx-failover:group='core'". */
    static String outside(String group) {
        return group == null ? "is not in VIFLIST" : "does not carry the tag " + groupTag(group);
    }

    /** "listed VIFs", or "VIFs of group 'core'" (docs/behaviour.md §18). */
    static String managedVifs(ManagedVifs managed) {
        return managed instanceof ManagedVifs.Group g ? "VIFs of group '" + g.name() + "'" : "listed VIFs";
    }

    /** "available, BGP up" or "available, BGP ipv4 up, ipv6 down". */
    public static String stateAndBgp(VifState vif) {
        return vif.state() + ", BGP " + vif.bgp();
    }

    /** Each peer with every detail Direct Connect gave: "ipv4 169.254.10.2/30 AS 65000 up; ipv6 …". */
    public static String peers(VifState vif) {
        return vif.peers().isEmpty() ? "no BGP peers" : eachPeer(vif, VifText::peer);
    }

    /**
     * Each peer as a short line needs it (docs/behaviour.md §14: family, peer address or ASN, status):
     * "ipv4 169.254.10.2/30 up; ipv6 2001:db8::2/125 down".
     */
    static String peersBriefly(VifState vif) {
        return eachPeer(vif, (p, i) -> p.label(i) + (p.peerAddress() != null ? " " + p.peerAddress()
                : p.asn() != null ? " AS " + p.asn() : "") + " " + p.status());
    }

    /** The peers, each as {@code words} says (given its place, for a peer Direct Connect names no family of). */
    private static String eachPeer(VifState vif, BiFunction<BgpPeer, Integer, String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < vif.peers().size(); i++) {
            out.add(words.apply(vif.peers().get(i), i));
        }
        return String.join("; ", out);
    }

    /** "ipv4 169.254.10.2/30 AS 65000 up". */
    static String peer(BgpPeer p, int index) {
        StringBuilder out = new StringBuilder(p.label(index));
        if (p.peerAddress() != null) {
            out.append(' ').append(p.peerAddress());
        }
        if (p.asn() != null) {
            out.append(" AS ").append(p.asn());
        }
        return out.append(' ').append(p.status()).toString();
    }

    /** One line per VIF: "  dxvif-abcd1234  available, BGP up". */
    public static String table(VifStates states) {
        StringBuilder out = new StringBuilder();
        states.byId().values().forEach(v -> out.append("  ").append(v.id()).append("  ").append(stateAndBgp(v))
                .append('\n'));
        return out.toString();
    }

    /**
     * What to fix when Direct Connect did not return a listed VIF (docs/behaviour.md §4, §7): "" when all were returned.
     * A group's VIFs are those Direct Connect returns with its tag, so none can be missing (§18).
     */
    static String unreturned(VifStates states) {
        List<String> missing = states.byId().values().stream().filter(v -> VifState.MISSING.equals(v.state()))
                .map(VifState::id).toList();
        return missing.isEmpty() ? "" : "Fix VIFLIST: Direct Connect does not return " + String.join(", ", missing)
                + " in this account and region.\n";
    }

    /** A group whose tag Direct Connect finds on no VIF: VIFGROUP misspelt, or the VIFs not tagged yet (§18). */
    static String tagOnNoVif(String group) {
        return "No VIF in this account and region carries the tag " + groupTag(group) + ": tag the VIFs to protect "
                + "with it, or fix VIFGROUP.\n";
    }
}
