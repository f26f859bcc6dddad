package io.github.dxfailover.text;

import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.Maintenance;
import io.github.dxfailover.decision.MaintenanceWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What maintenance windows say (docs/behaviour.md §17), written for a network engineer. */
public final class MaintenanceText {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm",
            java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private MaintenanceText() {
    }

    /** "Sat 5 Dec 2026 02:00 to 06:00 UTC (4 h), down by dxcon-fgaa0001". */
    public static String window(MaintenanceWindow w) {
        return span(w.start(), w.end()) + ", " + w.effect().word() + " by " + w.resourceId();
    }

    /** "Sat 5 Dec 2026 02:00 to 06:00 UTC (4 h)", the end's date only when it is another day. */
    static String span(Instant start, Instant end) {
        long minutes = Duration.between(start, end).toMinutes();
        // Over two days a length in hours reads as noise ("639940 h"): in days then.
        String length = minutes > 48 * 60 ? minutes / (24 * 60) + " days"
                : minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
        boolean sameDay = start.atZone(ZoneOffset.UTC).toLocalDate().equals(end.atZone(ZoneOffset.UTC).toLocalDate());
        return (sameDay ? UTC.format(start) + " to " + TIME.format(end) : UTC.format(start) + " to " + UTC.format(end))
                + " UTC (" + length + ")";
    }

    /** Every reason the window is at risk, in words; empty when it is safe. */
    public static List<String> reasons(Maintenance.Verdict v) {
        List<String> out = new ArrayList<>();
        for (Maintenance.Risk r : v.risks()) {
            out.add(switch (r) {
                case BELOW_MINIMUM -> "only " + v.healthyDuring() + " VIF(s) would stay healthy, fewer than MINVIFS ("
                        + v.minimum().vifs() + ")";
                case OVER_CAPACITY -> "the VIFs that stay would carry " + CapacityText.figures(v.capacity())
                        + ", more than they can carry";
                case CAPACITY_UNKNOWN -> "the capacity of the VIFs that stay cannot be known: "
                        + CapacityText.unknown(v.capacity());
            });
        }
        return out;
    }

    /** "safe" or "at risk". */
    public static String verdictWord(Maintenance.Verdict v) {
        return v.safe() ? "safe" : "at risk";
    }

    /** The result's one sentence. */
    public static String noted(HealthEvent e, Map<String, MaintenanceWindow> affected, Maintenance.Verdict v,
                               boolean recorded) {
        return "AWS maintenance " + e.eventId() + " " + span(e.start(), e.end()) + " on "
                + String.join(", ", e.resources()) + " affects " + vifs(affected) + ": " + verdictWord(v)
                + (v.safe() ? " (" + v.healthyDuring() + " VIF(s) stay healthy, MINVIFS is " + v.minimum().vifs() + ")"
                : ": " + String.join("; ", reasons(v)))
                + (recorded ? "" : " (not recorded on the VIFs' tags)");
    }

    /** "dxvif-a down, dxvif-b reduced". */
    static String vifs(Map<String, MaintenanceWindow> affected) {
        List<String> out = new ArrayList<>();
        affected.forEach((id, w) -> out.add(id + " " + w.effect().word()));
        return String.join(", ", out);
    }

    /** What the notification says between the headline and the VIF table. */
    public static String lines(HealthEvent e, Map<String, MaintenanceWindow> affected, Maintenance.Verdict v) {
        StringBuilder out = new StringBuilder();
        out.append("AWS Health: ").append(e.typeCode()).append(" (").append(e.statusCode()).append("), event ")
                .append(e.eventId()).append('\n');
        out.append("When: ").append(span(e.start(), e.end())).append('\n');
        out.append("Resources: ").append(String.join(", ", e.resources())).append('\n');
        affected.forEach((id, w) -> out.append("  ").append(id).append(w.effect() == MaintenanceWindow.Effect.DOWN
                ? " goes down (" : " loses bandwidth (").append(w.resourceId()).append(")\n"));
        out.append("Verdict: ").append(verdictWord(v).toUpperCase(java.util.Locale.ROOT)).append(" — ")
                .append(v.healthyDuring()).append(" VIF(s) stay healthy during the window, MINVIFS is ")
                .append(v.minimum().vifs());
        if (v.capacity() != null && v.capacity().known() && !v.risks().contains(Maintenance.Risk.OVER_CAPACITY)) {
            out.append("; the VIFs that stay would carry ").append(CapacityText.figures(v.capacity()))
                    .append(" (their busiest 5 minutes of the last 24 hours, summed)");
        }
        out.append('\n');
        reasons(v).forEach(r -> out.append("- ").append(r).append('\n'));
        return out.toString();
    }

    /** A Health event that is no Direct Connect maintenance window. */
    public static String notAWindow(HealthEvent e) {
        return "AWS Health event " + e.eventId() + " (" + e.service() + ", " + e.category() + ", " + e.typeCode()
                + ") is no Direct Connect maintenance window: nothing to do";
    }

    public static String touchesNoVif(HealthEvent e) {
        return "AWS maintenance " + e.eventId() + " on " + String.join(", ", e.resources())
                + " touches no listed VIF: nothing to do";
    }

    public static String ended(HealthEvent e, List<String> removed, boolean dryRun) {
        return "AWS maintenance " + e.eventId() + " ended (" + e.statusCode() + ", " + e.typeCode() + "): "
                + (removed.isEmpty() ? "no window recorded for it" : (dryRun ? "would remove" : "removed")
                + " the window recorded on " + String.join(", ", removed) + (dryRun ? " (DRY_RUN)" : ""));
    }

    /** What the function will do about it. */
    public static String whatNext(Map<String, MaintenanceWindow> affected, boolean safe) {
        return "During the window the function starts no failover test on " + String.join(", ", affected.keySet())
                + " (Direct Connect's guide: no BGP failover test during maintenance), counts "
                + (affected.size() == 1 ? "it" : "them") + " as not healthy where the window takes "
                + (affected.size() == 1 ? "it" : "them") + " down, and starts no practice run that overlaps it."
                + (safe ? "" : " The rest may not carry it: move traffic, add capacity, or ask AWS to reschedule.")
                + "\n";
    }
}
