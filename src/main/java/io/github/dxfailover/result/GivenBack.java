package io.github.dxfailover.result;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A VIF whose failover test was ended to hold the minimum (docs/behaviour.md §19), as the result shows it.
 *
 * @param vifId         the VIF given back
 * @param testId        the test that was ended (or, under DRY_RUN, would have been)
 * @param testStartedAt when that test started
 * @param applied       whether the test was ended; false under DRY_RUN (the plan not applied)
 */
public record GivenBack(String vifId, String testId, Instant testStartedAt, boolean applied) {
    /** {@code {"virtualInterfaceId", "testId", "testStartedAt"}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("virtualInterfaceId", vifId);
        out.put("testId", testId);
        out.put("testStartedAt", testStartedAt == null ? null : testStartedAt.toString());
        return out;
    }
}
