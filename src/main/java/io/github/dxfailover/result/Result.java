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
 * gives the JSON object Lambda shows. Immutable: each {@code with…} returns a copy.
 *
 * @param outcome what was decided or done
 * @param vifId   the VIF concerned, or null
 * @param message one human sentence
 * @param vifs    the managed VIFs as read before acting (empty when they were not read)
 * @param dryRun  whether DRY_RUN was on
 * @param errors  failures that did not stop the invocation (case, notification)
 * @param test    the failover test started, stopped or running, and its support case
 * @param reports what only some jobs answer: a reconcile pass's actions, status's preflight, the capacity step,
 *                a practice run, what was given back, maintenance windows
 */
public record Result(Outcome outcome, String vifId, String message, VifStates vifs, boolean dryRun,
                     List<String> errors, TestReport test, Reports reports) {
    /** The result says of its {@code vifs} when they were read (docs/behaviour.md §10). */
    static final String VIFS_READ = "before acting";

    /**
     * The failover test of this invocation and its support case.
     *
     * @param testId        id of the failover test started, stopped or running, or null
     * @param endsAt        when BGP comes back by itself, or null
     * @param caseId        support case opened, or null
     * @param caseNotOpened why a failover opened no support case, or null
     */
    public record TestReport(String testId, Instant endsAt, String caseId, CaseNotOpened caseNotOpened) {
        static final TestReport NONE = new TestReport(null, null, null, null);
    }

    /**
     * The parts of a result only some jobs have; each null (or empty) when the job has none.
     *
     * @param reconciled  what a reconcile pass decided per VIF
     * @param preflight   whether the function is ready, for the status command
     * @param capacity    the capacity step of the decision (docs/behaviour.md §15)
     * @param practice    the practice run this invocation started, blocked, ended or judged (§16)
     * @param givenBack   the failover tests an alarm or command ended first to hold the minimum (§19)
     * @param maintenance a Health notice's window (§17), or status's recorded windows
     */
    public record Reports(ReconcileSummary reconciled, Preflight preflight, CapacityReport capacity,
                          PracticeReport practice, List<GivenBack> givenBack, List<MaintenanceReport> maintenance) {
        static final Reports NONE = new Reports(null, null, null, null, List.of(), null);

        public Reports {
            givenBack = List.copyOf(givenBack);
            maintenance = maintenance == null ? null : List.copyOf(maintenance);
        }
    }

    public Result {
        errors = List.copyOf(errors);
    }

    public static Result of(Outcome outcome, String vifId, String message, VifStates vifs, boolean dryRun) {
        return new Result(outcome, vifId, message, vifs, dryRun, List.of(), TestReport.NONE, Reports.NONE);
    }

    /** A result; whether DRY_RUN was on is said once, by the service, with {@link #withDryRun}. */
    public static Result of(Outcome outcome, String vifId, String message, VifStates vifs) {
        return of(outcome, vifId, message, vifs, false);
    }

    public Result withDryRun(boolean on) {
        return new Result(outcome, vifId, message, vifs, on, errors, test, reports);
    }

    public String testId() {
        return test.testId();
    }

    public Instant testEndsAt() {
        return test.endsAt();
    }

    public String caseId() {
        return test.caseId();
    }

    public CaseNotOpened caseNotOpened() {
        return test.caseNotOpened();
    }

    public ReconcileSummary reconciled() {
        return reports.reconciled();
    }

    public Preflight preflight() {
        return reports.preflight();
    }

    public CapacityReport capacity() {
        return reports.capacity();
    }

    public PracticeReport practice() {
        return reports.practice();
    }

    public List<GivenBack> givenBack() {
        return reports.givenBack();
    }

    public List<MaintenanceReport> maintenance() {
        return reports.maintenance();
    }

    public Result withMessage(String text) {
        return new Result(outcome, vifId, text, vifs, dryRun, errors, test, reports);
    }

    public Result withTest(FailoverTestRun run) {
        return with(new TestReport(run.testId(), run.endsAt(), test.caseId(), test.caseNotOpened()));
    }

    public Result withCase(String id) {
        return with(new TestReport(test.testId(), test.endsAt(), id, test.caseNotOpened()));
    }

    /** No case was opened: why, and the sentence for {@code errors}. */
    public Result withCaseNotOpened(CaseNotOpened why, String error) {
        return with(new TestReport(test.testId(), test.endsAt(), test.caseId(), why)).withError(error);
    }

    public Result withCapacity(CapacityReport report) {
        Reports r = reports;
        return with(new Reports(r.reconciled(), r.preflight(), report, r.practice(), r.givenBack(), r.maintenance()));
    }

    public Result withPractice(PracticeReport report) {
        Reports r = reports;
        return with(new Reports(r.reconciled(), r.preflight(), r.capacity(), report, r.givenBack(), r.maintenance()));
    }

    public Result withReconciliation(ReconcileSummary summary) {
        Reports r = reports;
        return with(new Reports(summary, r.preflight(), r.capacity(), r.practice(), r.givenBack(), r.maintenance()));
    }

    public Result withPreflight(Preflight p) {
        Reports r = reports;
        return with(new Reports(r.reconciled(), p, r.capacity(), r.practice(), r.givenBack(), r.maintenance()));
    }

    /** The VIFs this invocation gave back (docs/behaviour.md §19), before its own decision. */
    public Result withGivenBack(List<GivenBack> given) {
        Reports r = reports;
        List<GivenBack> all = new ArrayList<>(r.givenBack());
        all.addAll(given);
        return with(new Reports(r.reconciled(), r.preflight(), r.capacity(), r.practice(), all, r.maintenance()));
    }

    /** A maintenance notice's projection (one), or status's recorded windows (docs/behaviour.md §17). */
    public Result withMaintenance(List<MaintenanceReport> windows) {
        Reports r = reports;
        return with(new Reports(r.reconciled(), r.preflight(), r.capacity(), r.practice(), r.givenBack(), windows));
    }

    public Result withError(String error) {
        return withErrors(List.of(error));
    }

    public Result withErrors(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(errors);
        all.addAll(more);
        return new Result(outcome, vifId, message, vifs, dryRun, all, test, reports);
    }

    private Result with(TestReport t) {
        return new Result(outcome, vifId, message, vifs, dryRun, errors, t, reports);
    }

    private Result with(Reports r) {
        return new Result(outcome, vifId, message, vifs, dryRun, errors, test, r);
    }

    /**
     * The VIFs this invocation acted on or decided about, in the order the result names them: its VIF, a reconcile
     * pass's actions, the VIFs given back, the practice run's, a maintenance window's (docs/behaviour.md §20). Managed
     * or not: the caller keeps the managed ones.
     */
    public List<String> vifsConcerned() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        ids.add(vifId);
        if (reconciled() != null) {
            reconciled().actions().forEach(a -> ids.add(a.vifId()));
        }
        givenBack().forEach(g -> ids.add(g.vifId()));
        if (practice() != null) {
            ids.add(practice().vifId());
        }
        if (maintenance() != null) {
            maintenance().forEach(m -> ids.addAll(m.vifs().keySet()));
        }
        ids.remove(null);
        return List.copyOf(ids);
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
        out.put("testId", testId());
        out.put("testEndsAt", testEndsAt() == null ? null : testEndsAt().toString());
        out.put("caseId", caseId());
        out.put("dryRun", dryRun);
        out.put("errors", new ArrayList<>(errors));
        if (preflight() != null) {
            out.put("ready", preflight().ready());
            out.put("reasons", new ArrayList<>(preflight().reasons()));
            out.put("notProven", new ArrayList<>(preflight().notProven()));
            out.put("practiceBlockers", new ArrayList<>(preflight().practiceBlockers()));
            Preflight.Calendar calendar = preflight().calendar();
            if (calendar != null) {
                if (!calendar.blockedWindows().isEmpty()) {
                    out.put("practiceBlockedWindows", new ArrayList<>(calendar.blockedWindows()));
                }
                if (!calendar.allowedWindows().isEmpty()) {
                    out.put("practiceAllowedWindows", new ArrayList<>(calendar.allowedWindows()));
                }
                out.put("nextPracticeStart", calendar.nextStart() == null ? null : calendar.nextStart().toString());
            }
        }
        if (!givenBack().isEmpty()) {
            out.put("givenBack", givenBack().stream().map(GivenBack::toMap).toList());
        }
        if (capacity() != null) {
            out.put("capacity", capacity().toMap());
        }
        if (practice() != null) {
            out.put("practice", practice().toMap());
        }
        if (maintenance() != null) {
            // A notice's result holds its one window; status lists every recorded one (docs/behaviour.md §17).
            out.put("maintenance", preflight() == null && maintenance().size() == 1 ? maintenance().get(0).toMap()
                    : maintenance().stream().map(MaintenanceReport::toMap).toList());
        }
        if (reconciled() != null) {
            out.put("actions", reconciled().actions().stream().map(ReconcileAction::toMap).toList());
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put("muted", reconciled().muted());
            skipped.put("unlisted", reconciled().unlisted());
            skipped.put("namingNoVif", reconciled().namingNoVif());
            skipped.put("settling", reconciled().settling());
            out.put("skipped", skipped);
        }
        return out;
    }
}
