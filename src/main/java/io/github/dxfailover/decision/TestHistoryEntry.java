package io.github.dxfailover.decision;

import java.time.Instant;

/**
 * One failover test of a VIF, as ListVirtualInterfaceTestHistory reports it.
 *
 * @param testId    Direct Connect's test ID
 * @param status    "IN_PROGRESS", "COMPLETED", …
 * @param startedAt when its BGP sessions went down
 * @param endsAt    when they came, or come, back
 */
public record TestHistoryEntry(String testId, String status, Instant startedAt, Instant endsAt) {

    /** Not ended yet at {@code now}. */
    public boolean runningAt(Instant now) {
        return (endsAt == null || endsAt.isAfter(now))
                && (status == null || !status.toUpperCase(java.util.Locale.ROOT).matches("COMPLETED|CANCELLED|FAILED"));
    }
}
