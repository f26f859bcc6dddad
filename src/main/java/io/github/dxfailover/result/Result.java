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
 * @param vifs       the managed VIFs as read before acting (empty when they were not read)
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
 * @param givenBack  the failover tests an alarm or command ended first to hold the minimum (§19); empty otherwise
 * @param maintenance a Health notice's window (§17), or status's recorded windows; null otherwise
 */
public record Result(Outcome outcome, String vifId, String message, VifStates vifs, String testId,
                     Instant testEndsAt, String caseId, CaseNotOpened caseNotOpened, boolean dryRun,
                     List<String> errors, ReconcileSummary reconciled, Preflight preflight,
                     CapacityReport capacity, PracticeReport practice, List<GivenBack> givenBack,
                     List<MaintenanceReport> maintenance) {
    /** The result says of its {@code vifs} when they were read (docs/behaviour.md §10). */
    static final String VIFS_READ = "before acting";

    public Result {
        errors = List.copyOf(errors);
        givenBack = List.copyOf(givenBack);
        maintenance = maintenance == null ? null : List.copyOf(maintenance);
    }

    public static Result of(Outcome outcome, String vifId, String message, VifStates vifs, boolean dryRun) {
        return new Builder(outcome, vifId, message, vifs, dryRun).build();
    }

    /** The same result with some parts changed: every wither below is one of these. */
    public Result with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    public Result withMessage(String text) {
        return with(b -> b.message = text);
    }

    public Result withTest(FailoverTestRun test) {
        return with(b -> {
            b.testId = test.testId();
            b.testEndsAt = test.endsAt();
        });
    }

    public Result withCase(String id) {
        return with(b -> b.caseId = id);
    }

    /** No case was opened: why, and the sentence for {@code errors}. */
    public Result withCaseNotOpened(CaseNotOpened why, String error) {
        return with(b -> {
            b.caseNotOpened = why;
            b.errors.add(error);
        });
    }

    public Result withCapacity(CapacityReport report) {
        return with(b -> b.capacity = report);
    }

    public Result withPractice(PracticeReport report) {
        return with(b -> b.practice = report);
    }

    public Result withReconciliation(ReconcileSummary r) {
        return with(b -> b.reconciled = r);
    }

    public Result withPreflight(Preflight p) {
        return with(b -> b.preflight = p);
    }

    /** The VIFs this invocation gave back (docs/behaviour.md §19), before its own decision. */
    public Result withGivenBack(List<GivenBack> given) {
        return with(b -> b.givenBack.addAll(given));
    }

    /** A maintenance notice's projection (one), or status's recorded windows (docs/behaviour.md §17). */
    public Result withMaintenance(List<MaintenanceReport> windows) {
        return with(b -> b.maintenance = windows);
    }

    public Result withError(String error) {
        return withErrors(List.of(error));
    }

    public Result withErrors(List<String> more) {
        return more.isEmpty() ? this : with(b -> b.errors.addAll(more));
    }

    /** The parts of a result being put together; only {@link #with} hands one out. */
    public static final class Builder {
        private final Outcome outcome;
        private final String vifId;
        private final VifStates vifs;
        private final boolean dryRun;
        public String message;
        public String testId;
        public Instant testEndsAt;
        public String caseId;
        public CaseNotOpened caseNotOpened;
        public final List<String> errors = new ArrayList<>();
        public ReconcileSummary reconciled;
        public Preflight preflight;
        public CapacityReport capacity;
        public PracticeReport practice;
        public final List<GivenBack> givenBack = new ArrayList<>();
        public List<MaintenanceReport> maintenance;

        private Builder(Outcome outcome, String vifId, String message, VifStates vifs, boolean dryRun) {
            this.outcome = outcome;
            this.vifId = vifId;
            this.message = message;
            this.vifs = vifs;
            this.dryRun = dryRun;
        }

        private Builder(Result r) {
            this(r.outcome, r.vifId, r.message, r.vifs, r.dryRun);
            testId = r.testId;
            testEndsAt = r.testEndsAt;
            caseId = r.caseId;
            caseNotOpened = r.caseNotOpened;
            errors.addAll(r.errors);
            reconciled = r.reconciled;
            preflight = r.preflight;
            capacity = r.capacity;
            practice = r.practice;
            givenBack.addAll(r.givenBack);
            maintenance = r.maintenance;
        }

        private Result build() {
            return new Result(outcome, vifId, message, vifs, testId, testEndsAt, caseId, caseNotOpened, dryRun, errors,
                    reconciled, preflight, capacity, practice, givenBack, maintenance);
        }
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
        if (!givenBack.isEmpty()) {
            out.put("givenBack", givenBack.stream().map(GivenBack::toMap).toList());
        }
        if (capacity != null) {
            out.put("capacity", capacity.toMap());
        }
        if (practice != null) {
            out.put("practice", practice.toMap());
        }
        if (maintenance != null) {
            // A notice's result holds its one window; status lists every recorded one (docs/behaviour.md §17).
            out.put("maintenance", preflight == null && maintenance.size() == 1 ? maintenance.get(0).toMap()
                    : maintenance.stream().map(MaintenanceReport::toMap).toList());
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
