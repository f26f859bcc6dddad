package io.github.dxfailover.result;

import java.util.List;

/**
 * The answer of the status preflight (docs/behaviour.md §14): whether the function is ready to be
 * trusted, and every reason it is not.
 *
 * @param ready   true when there is no reason
 * @param reasons what an operator must fix or know, one sentence each
 */
public record Preflight(boolean ready, List<String> reasons) {
    public Preflight {
        reasons = List.copyOf(reasons);
    }

    public static Preflight of(List<String> reasons) {
        return new Preflight(reasons.isEmpty(), reasons);
    }
}
