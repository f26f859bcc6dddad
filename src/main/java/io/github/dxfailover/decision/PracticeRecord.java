package io.github.dxfailover.decision;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The record a practice run leaves on its VIF (docs/behaviour.md §16): the tag
 * {@code dx-failover:last-practice} = {@code <ISO-8601 end time> <OUTCOME> <test ID>}.
 */
public record PracticeRecord(Instant endedAt, Outcome outcome, String testId) {
    /** While a run is on: its test ID. */
    public static final String RUNNING = "dx-failover:practice";
    /** After: when it ended, how, and its test ID. */
    public static final String LAST = "dx-failover:last-practice";

    public String tagValue() {
        return endedAt + " " + outcome + " " + testId;
    }

    /** Empty for no tag, or a value this function did not write. */
    public static Optional<PracticeRecord> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String[] parts = tag.strip().split("\\s+");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PracticeRecord(Instant.parse(parts[0]), Outcome.valueOf(parts[1]), parts[2]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Alarms naming the practised VIF are presumed to be the run's doing until this long after it ended
     * (docs/behaviour.md §16 Settling).
     */
    public static final java.time.Duration SETTLING =
            java.time.Duration.ofMinutes(io.github.dxfailover.config.PracticeSettings.SETTLING_MINUTES);

    /** Whether alarms on its VIF still settle at {@code now}: the run ended less than {@link #SETTLING} ago. */
    public boolean settlingAt(Instant now) {
        return now.isBefore(endedAt.plus(SETTLING));
    }

    public boolean succeeded() {
        return outcome == Outcome.PRACTICE_SUCCEEDED;
    }
}
