package io.github.dxfailover.decision;

/**
 * A {@code VirtualInterfaceId} dimension of one of an alarm's metrics, with the metric's namespace:
 * whether it names a VIF depends on where the metric comes from (docs/behaviour.md §3).
 *
 * @param namespace the metric's namespace ("DX/Probe", "AWS/DX", …), or "" when the alarm did not say
 * @param vifId     the dimension's value
 */
public record VifDimension(String namespace, String vifId) {
    /** Direct Connect's own metrics: load and BGP state of a VIF, never the quality of the path over it. */
    public static final String AWS_DX = "AWS/DX";

    public VifDimension {
        namespace = namespace == null ? "" : namespace;
    }

    /**
     * Whether this dimension may name the alarm's VIF: not on an {@code AWS/DX} metric. An alarm on
     * those is a utilization (or BGP-state) alarm; high load is the capacity guard's business, and a
     * VIF whose BGP is down is already out of service.
     */
    public boolean namesVif() {
        return !AWS_DX.equals(namespace);
    }
}
