package io.github.dxfailover.result;

import io.github.dxfailover.decision.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reconcile pass decided, and did, for one VIF (docs/behaviour.md §13, §10).
 *
 * @param vifId     the VIF
 * @param alarmName the alarm in ALARM that named it
 * @param outcome   FAILED_OVER, DRY_RUN, MINIMUM_REACHED, CAPACITY_REACHED or ALREADY_UNAVAILABLE
 * @param testId    the failover test started, or null
 * @param caseId    the support case opened, or null
 * @param capacity  the capacity step of its decision (docs/behaviour.md §15), or null when it did not run
 */
public record ReconcileAction(String vifId, String alarmName, Outcome outcome, String testId, String caseId,
                              CapacityReport capacity) {

    /** As the result's {@code actions} show it (docs/behaviour.md §13). */
    public Map<String, Object> toMap() {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("virtualInterfaceId", vifId);
        action.put("alarmName", alarmName);
        action.put("outcome", outcome.name());
        action.put("testId", testId);
        action.put("caseId", caseId);
        if (capacity != null) {
            action.put("capacity", capacity.toMap());
        }
        return action;
    }
}
