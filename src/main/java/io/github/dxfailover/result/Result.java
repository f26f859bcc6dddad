package io.github.dxfailover.result;

import io.github.dxfailover.decision.BgpPeer;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one invocation returns, whatever its outcome (docs/behaviour.md §10). {@link #toMap()}
 * gives the JSON object Lambda shows.
 *
 * @param outcome    what was decided or done
 * @param vifId      the VIF concerned, or null
 * @param message    one human sentence
 * @param vifs       the listed VIFs as read before acting (empty when they were not read)
 * @param testId     id of the failover test started, stopped or running, or null
 * @param testEndsAt when BGP comes back by itself, or null
 * @param caseId     support case opened, or null
 * @param caseNotOpened why a failover opened no support case, or null
 * @param dryRun     whether DRY_RUN was on
 * @param errors     failures that did not stop the invocation (case, notification)
 * @param reconciled what a reconcile pass decided per VIF, or null for any other request
 * @param preflight  whether the function is ready, for the status command; null otherwise
 * @param capacity   the capacity step of the decision (docs/behaviour.md §15), or null when it did not run
 * @param practice   the practice run this invocation started, blocked, ended or judged (§16), or null
 */
public record Result(Outcome outcome, String vifId, String message, VifStates vifs, String testId,
                     Instant testEndsAt, String caseId, CaseNotOpened caseNotOpened, boolean dryRun,
                     List<String> errors, ReconcileSummary reconciled, Preflight preflight,
                     CapacityReport capacity, PracticeReport practice) {
    /** The result says of its {@code vifs} when they were read (docs/behaviour.md §10). */
    static final String VIFS_READ = "before acting";

    public Result {
        errors = List.copyOf(errors);
    }

    public static Result of(Outcome outcome, String vifId, String message, VifStates vifs, boolean dryRun) {
        return new Result(outcome, vifId, message, vifs, null, null, null, null, dryRun, List.of(), null, null, null, null);
    }

    public Result withMessage(String text) {
        return new Result(outcome, vifId, text, vifs, testId, testEndsAt, caseId, caseNotOpened, dryRun, errors, reconciled, preflight, capacity, practice);
    }

    public Result withTest(FailoverTestRun test) {
        return new Result(outcome, vifId, message, vifs, test.testId(), test.endsAt(), caseId, caseNotOpened, dryRun, errors, reconciled, preflight, capacity, practice);
    }

    public Result withCase(String id) {
        return new Result(outcome, vifId, message, vifs, testId, testEndsAt, id, caseNotOpened, dryRun, errors, reconciled, preflight, capacity, practice);
    }

    /** No case was opened: why, and the sentence for {@code errors}. */
    public Result withCaseNotOpened(CaseNotOpened why, String error) {
        return new Result(outcome, vifId, message, vifs, testId, testEndsAt, caseId, why, dryRun, errors, reconciled,
                preflight, capacity, practice).withError(error);
    }

    public Result withCapacity(CapacityReport report) {
        return new Result(outcome, vifId, message, vifs, testId, testEndsAt, caseId, caseNotOpened, dryRun, errors,
                reconciled, preflight, report, practice);
    }

    public Result withPractice(PracticeReport report) {
        return new Result(outcome, vifId, message, vifs, testId, testEndsAt, caseId, caseNotOpened, dryRun, errors,
                reconciled, preflight, capacity, report);
    }

    public Result withError(String error) {
        return withErrors(List.of(error));
    }

    public Result withReconciliation(ReconcileSummary r) {
        return new Result(outcome, vifId, message, vifs, testId, testEndsAt, caseId, caseNotOpened, dryRun, errors, r, preflight, capacity, practice);
    }

    public Result withPreflight(Preflight p) {
        return new Result(outcome, vifId, message, vifs, testId, testEndsAt, caseId, caseNotOpened, dryRun, errors, reconciled, p, capacity, practice);
    }

    public Result withErrors(List<String> more) {
        List<String> all = new ArrayList<>(errors);
        all.addAll(more);
        return new Result(outcome, vifId, message, vifs, testId, testEndsAt, caseId, caseNotOpened, dryRun, all, reconciled, preflight, capacity, practice);
    }

    /** {@link #toMap()} as the JSON text the handler answers (docs/behaviour.md §10). */
    public String toJson() {
        return JsonText.of(toMap());
    }

    /** The JSON object of docs/behaviour.md §10 as plain maps, lists, strings, numbers and booleans. */
    public Map<String, Object> toMap() {
        Map<String, Object> vifMap = new LinkedHashMap<>();
        vifs.byId().forEach((id, v) -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("state", v.state());
            state.put("bgp", v.bgp());
            state.put("peers", v.peers().stream().map(BgpPeer::toMap).toList());
            vifMap.put(id, state);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", outcome.name());
        out.put("virtualInterfaceId", vifId);
        out.put("message", message);
        out.put("vifs", vifMap);
        if (!vifs.isEmpty()) {
            out.put("vifsRead", VIFS_READ);
        }
        out.put("testId", testId);
        out.put("testEndsAt", testEndsAt == null ? null : testEndsAt.toString());
        out.put("caseId", caseId);
        out.put("dryRun", dryRun);
        out.put("errors", new ArrayList<>(errors));
        if (preflight != null) {
            out.put("ready", preflight.ready());
            out.put("reasons", new ArrayList<>(preflight.reasons()));
            out.put("notProven", new ArrayList<>(preflight.notProven()));
            out.put("practiceBlockers", new ArrayList<>(preflight.practiceBlockers()));
        }
        if (capacity != null) {
            out.put("capacity", capacity.toMap());
        }
        if (practice != null) {
            out.put("practice", practice.toMap());
        }
        if (reconciled != null) {
            out.put("actions", reconciled.actions().stream().map(ReconcileAction::toMap).toList());
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put("muted", reconciled.muted());
            skipped.put("unlisted", reconciled.unlisted());
            skipped.put("namingNoVif", reconciled.namingNoVif());
            skipped.put("settling", reconciled.settling());
            out.put("skipped", skipped);
        }
        return out;
    }
}
