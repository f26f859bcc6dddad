package io.github.dxfailover.result;

import java.time.Instant;
import java.util.List;

/**
 * The answer of the status preflight (docs/behaviour.md §14): whether the function is ready to be
 * trusted, and every reason it is not.
 *
 * @param ready            true when there is no reason
 * @param reasons          what an operator must fix or know, one sentence each
 * @param notProven        listed VIFs without a successful practice run in PRACTICE_MAX_AGE_DAYS (§16)
 * @param practiceBlockers every reason a practice run could not start now; neither list makes it not ready
 * @param calendar         when practice runs may go (§16), or null when the configuration could not be read
 */
public record Preflight(boolean ready, List<String> reasons, List<String> notProven, List<String> practiceBlockers,
                        Calendar calendar) {
    public Preflight {
        reasons = List.copyOf(reasons);
        notProven = List.copyOf(notProven);
        practiceBlockers = List.copyOf(practiceBlockers);
    }

    /**
     * The practice calendar as status shows it (docs/behaviour.md §14, §16).
     *
     * @param blockedWindows PRACTICE_BLOCKED_WINDOWS, in ARC's spelling
     * @param allowedWindows PRACTICE_ALLOWED_WINDOWS, the same
     * @param nextStart      the earliest time from now that blocked dates and windows let a run start, or null when
     *                       none within a year
     */
    public record Calendar(List<String> blockedWindows, List<String> allowedWindows, Instant nextStart) {
        public Calendar {
            blockedWindows = List.copyOf(blockedWindows);
            allowedWindows = List.copyOf(allowedWindows);
        }
    }

    public static Preflight of(List<String> reasons) {
        return new Preflight(reasons.isEmpty(), reasons, List.of(), List.of(), null);
    }

    public static Preflight of(List<String> reasons, List<String> notProven, List<String> practiceBlockers,
                               Calendar calendar) {
        return new Preflight(reasons.isEmpty(), reasons, notProven, practiceBlockers, calendar);
    }
}
