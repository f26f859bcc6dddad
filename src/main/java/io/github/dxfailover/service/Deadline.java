package io.github.dxfailover.service;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the invocation must be done: Lambda's remaining time, so that a reconcile pass does not start
 * a test it could not finish (its case and notification) before the function times out.
 *
 * @param at the end of the invocation, or null for no limit (tests, operator calls without a context)
 */
public record Deadline(Instant at) {

    public static Deadline none() {
        return new Deadline(null);
    }

    public static Deadline in(long remainingMillis, Clock clock) {
        return new Deadline(clock.instant().plusMillis(remainingMillis));
    }

    /** Whether {@code work} still fits before the deadline. */
    public boolean allows(Duration work, Clock clock) {
        return at == null || !clock.instant().plus(work).isAfter(at);
    }
}
