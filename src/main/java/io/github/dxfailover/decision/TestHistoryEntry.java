package io.github.dxfailover.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /** When the most recent of these tests started, if any did. */
    public static Optional<Instant> lastStart(List<TestHistoryEntry> tests) {
        return tests.stream().map(TestHistoryEntry::startedAt).filter(Objects::nonNull).max(Instant::compareTo);
    }

    /** The one of these tests not ended yet at {@code now}, if any. */
    public static Optional<TestHistoryEntry> running(List<TestHistoryEntry> tests, Instant now) {
        return tests.stream().filter(t -> t.runningAt(now)).findFirst();
    }
}
