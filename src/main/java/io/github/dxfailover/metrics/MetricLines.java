package io.github.dxfailover.metrics;

import io.github.dxfailover.config.VifId;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.decision.VifDimension;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.result.CapacityReport;
import io.github.dxfailover.result.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The CloudWatch Embedded Metric Format lines of one invocation (docs/behaviour.md §11), from what it
 * already read and decided: CloudWatch Logs turns them into metrics without a PutMetricData call.
 * The first line has no dimension (the template's alarms use it); then one line per VIF the
 * invocation concerned, with the dimension {@code VirtualInterfaceId}.
 */
public final class MetricLines {
    public static final String NAMESPACE = VifDimension.OWN_METRICS;
    /** Partial failures, or 1 when the invocation threw. */
    public static final String ERRORS = "Errors";
    /** A reconcile pass: the listed VIFs it read healthy, and that count minus MINVIFS. */
    public static final String HEALTHY_VIFS = "HealthyVifs";
    public static final String MARGIN_OVER_MINIMUM = "MarginOverMinimum";
    /** A reconcile pass, per listed VIF: 1 or 0. */
    public static final String HEALTHY = "Healthy";
    public static final String UNDER_TEST = "UnderTest";
    /** A reconcile pass, per listed VIF: 1 while a recorded AWS maintenance window of it is open (§17). */
    public static final String IN_MAINTENANCE = "InMaintenance";
    /** Days since the VIF's last PRACTICE_SUCCEEDED, when its tag records one. */
    public static final String DAYS_SINCE_PROVEN = "DaysSinceProven";
    /** A reconcile pass: the listed VIFs without a PRACTICE_SUCCEEDED in PRACTICE_MAX_AGE_DAYS (status's notProven). */
    public static final String VIFS_NOT_PROVEN = "VifsNotProven";
    /** What the other VIFs would carry without this one, in percent of what they can (§15). */
    public static final String PROJECTED_UTILIZATION = "ProjectedUtilization";

    static final String COUNT = "Count";
    private static final String PERCENT = "Percent";
    private static final String NO_UNIT = "None";
    /** The deployment's own figures, and each VIF's: every dimension set carries the deployment (§11). */
    private static final List<String> NONE = List.of(Line.DEPLOYMENT);
    private static final List<String> PER_VIF = List.of(Line.DEPLOYMENT, VifDimension.NAME);
    /** What an invocation that was about no single VIF ends with: never counted on a VIF. */
    private static final Set<Outcome> NEVER_PER_VIF = EnumSet.of(Outcome.STATUS, Outcome.RECONCILED,
            Outcome.CONFIG_ERROR, Outcome.ERROR);

    private MetricLines() {
    }

    /**
     * Every metric the function writes, each with the dimension sets it is written under: the count
     * per outcome with and without the VIF, and the gauges above.
     */
    public static Map<String, Set<List<String>>> catalogue() {
        Map<String, Set<List<String>>> all = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            all.put(o.name(), NEVER_PER_VIF.contains(o) ? Set.of(NONE) : Set.of(NONE, PER_VIF));
        }
        all.put(ERRORS, Set.of(NONE));
        all.put(HEALTHY_VIFS, Set.of(NONE));
        all.put(MARGIN_OVER_MINIMUM, Set.of(NONE));
        all.put(HEALTHY, Set.of(PER_VIF));
        all.put(UNDER_TEST, Set.of(PER_VIF));
        all.put(IN_MAINTENANCE, Set.of(PER_VIF));
        all.put(DAYS_SINCE_PROVEN, Set.of(PER_VIF));
        all.put(VIFS_NOT_PROVEN, Set.of(NONE));
        all.put(PROJECTED_UTILIZATION, Set.of(PER_VIF));
        return all;
    }

    /**
     * The lines of an invocation that returned {@code r}.
     *
     * @param deployment the function's name: the value of every line's {@code Deployment} dimension
     */
    public static List<String> of(Result r, Instant now, String deployment) {
        return lines(r.outcome(), r, r.errors().size(), now, deployment);
    }

    /** The lines of an invocation that threw: ERROR, and what a reconcile pass had done before (or null). */
    public static List<String> ofFailure(Result partial, Instant now, String deployment) {
        return lines(Outcome.ERROR, partial, 1, now, deployment);
    }

    private static List<String> lines(Outcome outcome, Result r, int errors, Instant now, String deployment) {
        Line invocation = new Line(deployment, null);
        java.util.function.Function<String, Line> newLine = id -> new Line(deployment, id);
        Map<String, Line> perVif = new LinkedHashMap<>();
        boolean pass = r != null && r.reconciled() != null;
        if (pass) {
            // The listed VIFs first, in VIFLIST order.
            r.vifs().byId().keySet().forEach(id -> perVif.put(id, newLine.apply(id)));
        }
        for (Counted c : counted(outcome, r)) {
            invocation.count(c.outcome().name());
            if (VifId.isValid(c.vifId()) && !NEVER_PER_VIF.contains(c.outcome())) {
                perVif.computeIfAbsent(c.vifId(), newLine).count(c.outcome().name());
            }
        }
        invocation.value(ERRORS, errors, COUNT);
        if (pass) {
            passGauges(r, now, invocation, perVif);
            r.reconciled().actions().forEach(a -> utilization(a.vifId(), a.capacity(), perVif, newLine));
        } else if (r != null) {
            utilization(r.vifId(), r.capacity(), perVif, newLine);
        }
        invocation.property("outcome", outcome.name());
        invocation.property("virtualInterfaceId", r != null && VifId.isValid(r.vifId()) ? r.vifId() : null);
        List<String> out = new ArrayList<>();
        out.add(invocation.json(now));
        perVif.values().forEach(line -> out.add(line.json(now)));
        return out;
    }

    private record Counted(Outcome outcome, String vifId) {
    }

    /**
     * The invocation's outcome, then each per-VIF outcome of a reconcile pass (its starts are
     * FAILED_OVER), the VIFs an alarm or command gave back, and the practice run's outcome when the invocation ended or judged one; each with
     * the VIF it concerned.
     */
    private static List<Counted> counted(Outcome outcome, Result r) {
        List<Counted> counted = new ArrayList<>();
        counted.add(new Counted(outcome, r == null ? null : r.vifId()));
        if (r != null && r.reconciled() != null) {
            r.reconciled().actions().forEach(a -> counted.add(new Counted(a.outcome(), a.vifId())));
        }
        if (r != null) {
            // The tests an alarm or a command ended first, to hold the minimum (§19).
            r.givenBack().forEach(g -> counted.add(new Counted(g.applied() ? Outcome.GIVEN_BACK : Outcome.DRY_RUN,
                    g.vifId())));
        }
        if (r != null && r.practice() != null && r.practice().outcome() != outcome) {
            // A practice run a reconcile pass or an alarm event ended or judged.
            counted.add(new Counted(r.practice().outcome(), r.practice().vifId()));
        }
        return counted;
    }

    /** What a reconcile pass read, before acting: per listed VIF, and the healthy count against MINVIFS. */
    private static void passGauges(Result r, Instant now, Line invocation, Map<String, Line> perVif) {
        long healthy = r.vifs().healthyCount();
        invocation.value(HEALTHY_VIFS, healthy, COUNT);
        invocation.value(MARGIN_OVER_MINIMUM, r.reconciled().minimum().margin(healthy), COUNT);
        invocation.value(VIFS_NOT_PROVEN, r.reconciled().notProven().size(), COUNT);
        for (VifState v : r.vifs().byId().values()) {
            Line line = perVif.get(v.id());
            line.value(HEALTHY, v.healthy() ? 1 : 0, COUNT);
            line.value(UNDER_TEST, v.isUnderTest() ? 1 : 0, COUNT);
            line.value(IN_MAINTENANCE, v.maintenance().map(w -> w.openAt(now)).orElse(false) ? 1 : 0, COUNT);
            OptionalDouble days = daysSinceProven(v, now);
            days.ifPresent(d -> line.value(DAYS_SINCE_PROVEN, d, NO_UNIT));
        }
    }

    /** From the record its last practice run left (§16), when that run succeeded; never below 0 (clock skew). */
    private static OptionalDouble daysSinceProven(VifState v, Instant now) {
        return v.lastPractice().filter(PracticeRecord::succeeded)
                .map(p -> OptionalDouble.of(Math.max(0, Duration.between(p.endedAt(), now).toMinutes()) / 1440.0))
                .orElse(OptionalDouble.empty());
    }

    private static void utilization(String vifId, CapacityReport capacity, Map<String, Line> perVif,
                                    java.util.function.Function<String, Line> newLine) {
        if (!VifId.isValid(vifId) || capacity == null || !capacity.capacity().known()) {
            return;
        }
        double percent = capacity.capacity().projectedPercent();
        // JSON has no infinity: a load with no capacity left to carry it is counted as CAPACITY_REACHED only.
        if (Double.isFinite(percent)) {
            perVif.computeIfAbsent(vifId, newLine).value(PROJECTED_UTILIZATION, percent, PERCENT);
        }
    }
}
