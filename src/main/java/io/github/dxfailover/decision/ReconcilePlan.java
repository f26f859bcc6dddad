package io.github.dxfailover.decision;

import io.github.dxfailover.config.FailoverConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one reconcile pass (docs/behaviour.md §13) is to do, as a pure function of the alarms in ALARM
 * and the VIF states: the ordered decisions, and the alarms left aside. Each candidate is decided by
 * {@link Decision#decide} (docs/behaviour.md §4) over the states as they will be once the tests this pass has already
 * decided are running.
 *
 * @param steps       the decisions, oldest alarm first
 * @param muted       alarms whose actions the operator disabled
 * @param unlisted    alarms naming a VIF that is not managed (not in VIFLIST, not in the group: never touched)
 * @param namingNoVif alarms whose name and dimensions name no VIF, and practice runs' watch alarms
 * @param settling    alarms on a VIF a practice run has, or just had, out of service (docs/behaviour.md §16)
 */
public record ReconcilePlan(List<Step> steps, int muted, int unlisted, int namingNoVif, int settling) {
    private static final Comparator<FiringAlarm> OLDEST_FIRST =
            Comparator.comparing(FiringAlarm::since).thenComparing(FiringAlarm::vifId);
    /** Among one VIF's alarms, the oldest; the name settles ties so a pass is deterministic. */
    private static final Comparator<FiringAlarm> OLDEST_OF_ONE_VIF =
            OLDEST_FIRST.thenComparing(f -> f.alarm().name());

    public ReconcilePlan {
        steps = List.copyOf(steps);
    }

    /**
     * One decision of the pass.
     *
     * @param alarm    the alarm that names the VIF (its oldest one in ALARM)
     * @param decision what the decision of docs/behaviour.md §4 is for it
     * @param seen     the VIF states it was decided on, this pass's earlier starts included
     */
    public record Step(FiringAlarm alarm, Decision decision, VifStates seen) {
    }

    /**
     * The plan, decided once: each candidate the minimum allows is also checked against the capacity left once this
     * pass's earlier starts are out, with the figures of docs/behaviour.md §15 asked for only when a step needs them.
     *
     * @param states the VIF states as this pass leaves them before its candidates (a practice run watched, VIFs given
     *               back)
     */
    public static ReconcilePlan of(FailoverConfig config, List<FiringAlarm> alarms, VifStates states,
                                   Supplier<CapacityFigures> figures) {
        int muted = 0;
        int unlisted = 0;
        int namingNoVif = 0;
        int settling = 0;
        Map<String, FiringAlarm> oldestPerVif = new LinkedHashMap<>();
        for (FiringAlarm alarm : alarms) {
            String vifId = alarm.vifId();
            if (!alarm.actionsEnabled()) {
                muted++;
            } else if (vifId == null || config.practice().watches(alarm.alarm().name())) {
                namingNoVif++;
            } else if (!states.manages(vifId)) {
                unlisted++;
            } else if (states.get(vifId).settlingAt(alarm.seenAt())) {
                settling++;
            } else {
                // A VIF with several alarms in ALARM is one candidate, dated by its oldest alarm.
                oldestPerVif.merge(vifId, alarm, (a, b) -> OLDEST_OF_ONE_VIF.compare(a, b) <= 0 ? a : b);
            }
        }
        List<Step> steps = new ArrayList<>();
        VifStates seen = states;
        Set<String> takenOut = new LinkedHashSet<>();
        for (FiringAlarm alarm : oldestPerVif.values().stream().sorted(OLDEST_FIRST).toList()) {
            Decision decision = Decision.decide(config, alarm, seen, Set.copyOf(takenOut), figures);
            steps.add(new Step(alarm, decision, seen));
            if (decision.outcome() == Outcome.FAILED_OVER || decision.outcome() == Outcome.DRY_RUN) {
                // Under DRY_RUN too, so that a dry run reports exactly what an armed pass would do.
                seen = seen.withTestStarted(alarm.vifId());
                takenOut.add(alarm.vifId());
            }
        }
        return new ReconcilePlan(steps, muted, unlisted, namingNoVif, settling);
    }
}
