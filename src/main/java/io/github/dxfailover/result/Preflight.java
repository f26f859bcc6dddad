package io.github.dxfailover.result;

import java.util.List;

/**
 * The answer of the status preflight (docs/behaviour.md §14): whether the function is ready to be
 * trusted, and every reason it is not.
 *
 * @param ready            true when there is no reason
 * @param reasons          what an operator must fix or know, one sentence each
 * @param notProven        listed VIFs without a successful practice run in PRACTICE_MAX_AGE_DAYS (§16)
 * @param practiceBlockers every reason a practice run could not start now; neither list makes it not ready
 */
public record Preflight(boolean ready, List<String> reasons, List<String> notProven, List<String> practiceBlockers) {
    public Preflight {
        reasons = List.copyOf(reasons);
        notProven = List.copyOf(notProven);
        practiceBlockers = List.copyOf(practiceBlockers);
    }

    public static Preflight of(List<String> reasons) {
        return of(reasons, List.of(), List.of());
    }

    public static Preflight of(List<String> reasons, List<String> notProven, List<String> practiceBlockers) {
        return new Preflight(reasons.isEmpty(), reasons, notProven, practiceBlockers);
    }
}
