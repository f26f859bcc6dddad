package io.github.dxfailover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the handler returns (SPEC §10). {@link #toMap()} gives the JSON object Lambda shows.
 *
 * @param outcome    what was decided or done
 * @param vifId      the VIF concerned, or null
 * @param message    one human sentence
 * @param vifs       the listed VIFs as read (empty when they were not read)
 * @param testId     id of the failover test started, stopped or running, or null
 * @param testEndsAt when BGP comes back by itself, or null
 * @param caseId     support case opened, or null
 * @param dryRun     whether DRY_RUN was on
 * @param errors     failures that did not stop the invocation (case, notification)
 */
public record FailoverResult(Outcome outcome, String vifId, String message, VifStates vifs, String testId,
                             Instant testEndsAt, String caseId, boolean dryRun, List<String> errors) {

    public FailoverResult {
        errors = List.copyOf(errors);
    }

    public static FailoverResult of(Outcome outcome, String vifId, String message, VifStates vifs, boolean dryRun) {
        return new FailoverResult(outcome, vifId, message, vifs, null, null, null, dryRun, List.of());
    }

    public FailoverResult withMessage(String text) {
        return new FailoverResult(outcome, vifId, text, vifs, testId, testEndsAt, caseId, dryRun, errors);
    }

    public FailoverResult withTest(String id, Instant endsAt) {
        return new FailoverResult(outcome, vifId, message, vifs, id, endsAt, caseId, dryRun, errors);
    }

    public FailoverResult withCase(String id) {
        return new FailoverResult(outcome, vifId, message, vifs, testId, testEndsAt, id, dryRun, errors);
    }

    public FailoverResult withError(String error) {
        List<String> more = new ArrayList<>(errors);
        more.add(error);
        return new FailoverResult(outcome, vifId, message, vifs, testId, testEndsAt, caseId, dryRun, more);
    }

    /** The JSON object of §10: plain maps, lists and strings, which any Lambda serializer writes as is. */
    public Map<String, Object> toMap() {
        Map<String, Object> vifMap = new LinkedHashMap<>();
        vifs.byId().forEach((id, v) -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("state", v.state());
            state.put("bgp", v.bgp());
            vifMap.put(id, state);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", outcome.name());
        out.put("virtualInterfaceId", vifId);
        out.put("message", message);
        out.put("vifs", vifMap);
        out.put("testId", testId);
        out.put("testEndsAt", testEndsAt == null ? null : testEndsAt.toString());
        out.put("caseId", caseId);
        out.put("dryRun", dryRun);
        out.put("errors", new ArrayList<>(errors));
        return out;
    }
}
