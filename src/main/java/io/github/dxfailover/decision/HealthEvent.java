package io.github.dxfailover.decision;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An AWS Health event (docs/behaviour.md §2.6, §17), as the parser read it.
 *
 * @param service    {@code detail.service} ("DIRECTCONNECT")
 * @param category   {@code detail.eventTypeCategory} ("scheduledChange")
 * @param typeCode   {@code detail.eventTypeCode} ("AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED")
 * @param statusCode {@code detail.statusCode}: upcoming, open or closed
 * @param eventArn   {@code detail.eventArn}
 * @param start      the window's start
 * @param end        the window's end: {@code detail.endTime}, or 24 hours after the start when Health gives none
 * @param resources  the affected IDs ({@code dxcon-…}, {@code dxlag-…}, {@code dxvif-…}), from {@code resources} and
 *                   {@code detail.affectedEntities[].entityValue}, ARNs cut to their ID, each once
 */
public record HealthEvent(String service, String category, String typeCode, String statusCode, String eventArn,
                          Instant start, Instant end, List<String> resources) {
    public static final String DIRECT_CONNECT = "DIRECTCONNECT";
    public static final String SCHEDULED_CHANGE = "scheduledChange";

    public HealthEvent {
        resources = List.copyOf(resources);
    }

    /** Only Direct Connect's scheduled maintenance is a window; any other Health event is of no use here. */
    public boolean isMaintenance() {
        return DIRECT_CONNECT.equals(service) && SCHEDULED_CHANGE.equals(category)
                && typeCode.toUpperCase(Locale.ROOT).contains("MAINTENANCE");
    }

    /** Closed, or a completion or cancellation (Health announces those as events of their own). */
    public boolean isEnd() {
        String code = typeCode.toUpperCase(Locale.ROOT);
        return "closed".equalsIgnoreCase(statusCode) || code.endsWith("_COMPLETE") || code.endsWith("_COMPLETED")
                || code.endsWith("_CANCELLED") || code.endsWith("_CANCELED");
    }

    /** The last segment of the event's ARN: what the VIF's record names. */
    public String eventId() {
        int slash = eventArn.lastIndexOf('/');
        return slash < 0 ? eventArn : eventArn.substring(slash + 1);
    }
}
