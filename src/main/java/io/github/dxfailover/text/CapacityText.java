package io.github.dxfailover.text;

import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.Capacity.Gap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** How the capacity of docs/behaviour.md §15 reads: in bit/s units a network engineer reads. */
public final class CapacityText {
    private CapacityText() {
    }

    /** "0 bit/s", "950 kbit/s", "2.5 Mbit/s", "500 Mbit/s", "3.0 Gbit/s". */
    public static String rate(double bps) {
        if (bps >= 1e9) {
            return String.format(Locale.ROOT, "%.1f Gbit/s", bps / 1e9);
        }
        if (bps >= 1e6) {
            double mbps = bps / 1e6;
            return String.format(Locale.ROOT, mbps >= 100 ? "%.0f Mbit/s" : "%.1f Mbit/s", mbps);
        }
        if (bps >= 1e3) {
            return String.format(Locale.ROOT, "%.0f kbit/s", bps / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f bit/s", bps);
    }

    /** "1.2 %", "300 %", or "no capacity left" when the load has nowhere to go. */
    static String percent(double percent) {
        if (Double.isInfinite(percent)) {
            return "no capacity left";
        }
        return String.format(Locale.ROOT, percent >= 100 ? "%.0f %%" : "%.1f %%", percent);
    }

    /** "3.0 Gbit/s on 1.0 Gbit/s: 300 % (MAX_UTILIZATION 80 %)". */
    public static String figures(Capacity c) {
        return rate(c.loadBps()) + " on " + rate(c.remainingCapacityBps()) + ": " + percent(c.projectedPercent())
                + " (MAX_UTILIZATION " + c.limitPercent() + " %)";
    }

    /** Every figure missing, in one clause: "no traffic datapoints for dxvif-… in the last 30 minutes; …". */
    public static String unknown(Capacity c) {
        Set<String> parts = new LinkedHashSet<>();
        for (Gap gap : c.gaps()) {
            parts.add(switch (gap.missing()) {
                case NO_DATAPOINTS -> "no traffic datapoints for " + gap.vifId() + " in the last 30 minutes (AWS/DX "
                        + "VirtualInterfaceBpsEgress/Ingress)";
                case NO_CONNECTION -> "Direct Connect names no connection for " + gap.vifId();
                case LINK_NOT_VISIBLE -> "the connection " + gap.linkId() + " of " + gap.vifId() + " is not visible to "
                        + "this account (a hosted VIF on a partner's connection?)";
                case BANDWIDTH_NOT_UNDERSTOOD -> "the bandwidth of " + gap.linkId() + " is not one this function reads";
            });
        }
        return String.join("; ", parts);
    }

    /** What a decision that reached the capacity step adds to its message. */
    public static String note(Capacity c) {
        if (c == null) {
            return "";
        }
        return c.known() ? "; the other VIFs would carry " + figures(c) : "; capacity not checked: " + unknown(c);
    }
}
