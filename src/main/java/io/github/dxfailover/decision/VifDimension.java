package io.github.dxfailover.decision;

/**
 * A {@code VirtualInterfaceId} dimension of one of an alarm's metrics, with the metric's namespace:
 * whether it names a VIF depends on where the metric comes from (docs/behaviour.md §3).
 *
 * @param namespace the metric's namespace ("DX/Probe", "AWS/DX", …), or "" when the alarm did not say
 * @param vifId     the dimension's value
 */
public record VifDimension(String namespace, String vifId) {
    /** The dimension's name, in alarms' metrics and in the function's own per-VIF metrics. */
    public static final String NAME = "VirtualInterfaceId";
    /** Direct Connect's own metrics: load and BGP state of a VIF, never the quality of the path over it. */
    public static final String AWS_DX = "AWS/DX";
    /**
     * This function's own metrics (docs/behaviour.md §11): what it read and decided. An alarm on them
     * naming a VIF by dimension would let the function act on its own account of itself.
     */
    public static final String OWN_METRICS = "DxFailover";

    public VifDimension {
        namespace = namespace == null ? "" : namespace;
    }

    /**
     * Whether this dimension may name the alarm's VIF: not on an {@code AWS/DX} metric, nor on one of
     * the function's own. An alarm on AWS/DX is a utilization (or BGP-state) alarm; high load is the
     * capacity guard's business, and a VIF whose BGP is down is already out of service. An alarm on
     * the function's own per-VIF metrics (days since proven, decisions) is about the function, not the path.
     */
    public boolean namesVif() {
        return !AWS_DX.equals(namespace) && !OWN_METRICS.equals(namespace);
    }
}
