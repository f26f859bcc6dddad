package io.github.dxfailover.result;

import io.github.dxfailover.decision.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A practice run as the result shows it (docs/behaviour.md §10, §16).
 *
 * @param vifId    the VIF practised on, or to be
 * @param testId   its failover test, or null when none started
 * @param outcome  PRACTICE_STARTED, PRACTICE_BLOCKED, PRACTICE_FAILED, …, or DRY_RUN
 * @param endsAt   when a started run's test ends, or null
 * @param endedAt  when an ended run ended, or null
 * @param reasons  every blocker of a blocked run, in words
 * @param evidence per VIF, its highest load before and during the run (bit/s), for a judged run
 */
public record PracticeReport(String vifId, String testId, Outcome outcome, Instant endsAt, Instant endedAt,
                             List<String> reasons, Map<String, Traffic> evidence) {

    /** A VIF's highest load before and during a run; null where CloudWatch had no datapoint. */
    public record Traffic(Double beforeBps, Double duringBps) {
    }

    public PracticeReport {
        reasons = List.copyOf(reasons);
        evidence = evidence == null ? Map.of() : new LinkedHashMap<>(evidence);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("virtualInterfaceId", vifId);
        out.put("testId", testId);
        out.put("outcome", outcome.name());
        if (endsAt != null) {
            out.put("endsAt", endsAt.toString());
        }
        if (endedAt != null) {
            out.put("endedAt", endedAt.toString());
        }
        if (!reasons.isEmpty()) {
            out.put("reasons", reasons);
        }
        if (!evidence.isEmpty()) {
            Map<String, Object> byVif = new LinkedHashMap<>();
            evidence.forEach((vif, t) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("beforeBps", t.beforeBps() == null ? null : Math.round(t.beforeBps()));
                m.put("duringBps", t.duringBps() == null ? null : Math.round(t.duringBps()));
                byVif.put(vif, m);
            });
            out.put("evidence", byVif);
        }
        return out;
    }
}
