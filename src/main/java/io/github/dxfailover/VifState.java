package io.github.dxfailover;

import java.util.List;

/**
 * One VIF as Direct Connect reported it: its state and the BGP status of each of its peers.
 *
 * @param id          the VIF ID
 * @param state       virtualInterfaceState ("available", "down", "testing", …), or {@code missing}
 *                    when Direct Connect did not return the VIF
 * @param bgpStatuses bgpStatus of each BGP peer ("up", "down", "unknown")
 */
public record VifState(String id, String state, List<String> bgpStatuses) {
    public static final String MISSING = "missing";

    public VifState {
        bgpStatuses = List.copyOf(bgpStatuses);
    }

    static VifState missing(String id) {
        return new VifState(id, MISSING, List.of());
    }

    /** Carries traffic: available, and at least one BGP session up (docs/behaviour.md §4). */
    public boolean healthy() {
        return "available".equals(state) && bgpUp();
    }

    public boolean bgpUp() {
        return bgpStatuses.contains("up");
    }

    /** One word for the BGP side: up if any peer is up, else the peers' status, or "no peers". */
    public String bgp() {
        if (bgpUp()) {
            return "up";
        }
        if (MISSING.equals(state)) {
            return "unknown";
        }
        return bgpStatuses.isEmpty() ? "no peers" : String.join("/", bgpStatuses.stream().distinct().toList());
    }

    /** "available, BGP up" — how the notification and the log show it. */
    public String describe() {
        return state + ", BGP " + bgp();
    }
}
