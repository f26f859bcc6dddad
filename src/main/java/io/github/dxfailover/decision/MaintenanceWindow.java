package io.github.dxfailover.decision;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The maintenance window recorded on a VIF (docs/behaviour.md §17): the tag {@code dx-failover:maintenance} =
 * {@code <start ISO-8601>/<end ISO-8601> <down|reduced> <resource ID> <event ID>}, followed by {@code untold} while
 * its message has not been sent (§8: what must be told is told until it is).
 *
 * @param resourceId the resource the event names that affects this VIF (for a LAG member, the member's dxcon-)
 * @param eventId    the last segment of the Health event's ARN
 * @param told       whether the team was told of the window; false from the record's first write until its message
 *                   was sent
 */
public record MaintenanceWindow(Instant start, Instant end, Effect effect, String resourceId, String eventId,
                                boolean told) {
    public static final String TAG = "dx-failover:maintenance";
    private static final String UNTOLD = "untold";

    /** A window as a notice gives it, told. */
    public MaintenanceWindow(Instant start, Instant end, Effect effect, String resourceId, String eventId) {
        this(start, end, effect, resourceId, eventId, true);
    }

    /** The same window, not yet told: how a notice first records it. */
    public MaintenanceWindow untold() {
        return new MaintenanceWindow(start, end, effect, resourceId, eventId, false);
    }

    /** The same window, told. */
    public MaintenanceWindow asTold() {
        return new MaintenanceWindow(start, end, effect, resourceId, eventId, true);
    }

    /** The same window of the same event, told or not. */
    public boolean sameWindow(MaintenanceWindow other) {
        return asTold().equals(other.asTold());
    }

    /** What the window does to the VIF. */
    public enum Effect {
        /** The VIF's connection, LAG or the VIF itself goes down. */
        DOWN,
        /** A LAG member goes down: the LAG loses its bandwidth, and the VIF stays up. */
        REDUCED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String tagValue() {
        return start + "/" + end + " " + effect.word() + " " + resourceId + " " + eventId + (told ? "" : " " + UNTOLD);
    }

    /** Empty for no tag, or a value this function did not write. */
    public static Optional<MaintenanceWindow> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String[] parts = tag.strip().split("\\s+");
        String[] window = parts[0].split("/");
        boolean untold = parts.length == 5 && UNTOLD.equals(parts[4]);
        if (parts.length != 4 && !untold || window.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MaintenanceWindow(Instant.parse(window[0]), Instant.parse(window[1]),
                    Effect.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2], parts[3], !untold));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Start ≤ now < end. */
    public boolean openAt(Instant now) {
        return !now.isBefore(start) && now.isBefore(end);
    }

    public boolean endedAt(Instant now) {
        return !now.isBefore(end);
    }

    /** Shares some time with [from, to). */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }

    /** Open now and taking the VIF down: it does not count as healthy (docs/behaviour.md §4 step 4). */
    public boolean takesDownAt(Instant now) {
        return effect == Effect.DOWN && openAt(now);
    }
}
