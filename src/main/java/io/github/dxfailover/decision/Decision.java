package io.github.dxfailover.decision;

import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.config.FailoverConfig;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What to do, as pure functions of the configuration, the trigger and the VIF states: the rules of
 * docs/behaviour.md §4 for an alarm or a failover command, and those of a restore command. No AWS
 * client is involved, and no sentence is written here: {@code why} is worded by the text package.
 *
 * @param outcome  what was decided
 * @param why      the rule that decided it
 * @param vifId    the VIF concerned, or null when the trigger names none
 * @param capacity the projection of step 4a (docs/behaviour.md §15), or null when the decision did not reach it
 *                 or MAX_UTILIZATION is 0
 */
public record Decision(Outcome outcome, Why why, String vifId, Capacity capacity) {

    /** The rule behind a decision, one per sentence an operator reads. */
    public enum Why {
        /** The alarm moved to OK or INSUFFICIENT_DATA. */
        NOT_IN_ALARM,
        /** An operator disabled the alarm's actions. */
        MUTED,
        /** A practice run's outcome or blocking alarm, with no run to end (docs/behaviour.md §16). */
        WATCH_ALARM,
        /** An alarm on the practised VIF, presumed to be the run's doing (docs/behaviour.md §16). */
        SETTLING,
        /** Neither the alarm's name nor its metrics name a VIF. */
        NAMES_NO_VIF,
        /** Its only VirtualInterfaceId dimensions are on AWS/DX or the function's own metrics (docs/behaviour.md §3). */
        ONLY_AWS_DX_OR_OWN_DIMENSIONS,
        /** The VIF is not managed: not in VIFLIST, or not tagged with VIFGROUP (and with no other group). */
        NOT_LISTED,
        /** The VIF's group tag names another group: another deployment's VIF (docs/behaviour.md §18). */
        OTHER_GROUP,
        /** The VIF's group tag differs from VIFGROUP only in letter case or spaces: a typo, told (§18). */
        GROUP_TYPO,
        /** The VIF already carries no traffic. */
        NOT_HEALTHY,
        /** An open maintenance window takes the VIF down (docs/behaviour.md §17). */
        IN_MAINTENANCE,
        /** Taking it out would go below MINVIFS. */
        AT_MINIMUM,
        /** The healthy VIFs that would remain could not carry the traffic (docs/behaviour.md §15). */
        OVER_CAPACITY,
        /** DRY_RUN: the failover test would start. */
        WOULD_START,
        /** The failover test starts. */
        STARTING,
        /** Restore: no failover test runs on the VIF. */
        NO_TEST_RUNNING,
        /** Restore under DRY_RUN: the test would be stopped. */
        WOULD_STOP,
        /** Restore: the test is stopped. */
        STOPPING
    }

    public Decision(Outcome outcome, Why why, String vifId) {
        this(outcome, why, vifId, null);
    }

    /**
     * docs/behaviour.md §4, in its order, once.
     *
     * @param takenOut the VIFs this invocation already took out (a reconcile pass), counted out of the capacity
     * @param figures  the capacity figures of docs/behaviour.md §15, asked for only when the decision reaches step 4a
     *                 with the capacity checked
     */
    public static Decision decide(FailoverConfig config, Trigger trigger, VifStates states, Set<String> takenOut,
                                  Supplier<CapacityFigures> figures) {
        if (trigger instanceof Alarm alarm && !alarm.isInAlarm()) {
            return notInAlarm(alarm);
        }
        String vifId = trigger.vifId();
        if (vifId == null) {
            return new Decision(Outcome.REJECTED, trigger instanceof Alarm alarm && alarm.onlyAwsDxOrOwnDimensions()
                    ? Why.ONLY_AWS_DX_OR_OWN_DIMENSIONS : Why.NAMES_NO_VIF, null);
        }
        if (!states.manages(vifId)) {
            return notManaged(config, vifId, states);
        }
        if (!states.get(vifId).carriesTraffic()) {
            return new Decision(Outcome.ALREADY_UNAVAILABLE, Why.NOT_HEALTHY, vifId);
        }
        if (states.get(vifId).downForMaintenance()) {
            // Direct Connect's guide: no failover test during maintenance (docs/behaviour.md §17).
            return new Decision(Outcome.IN_MAINTENANCE, Why.IN_MAINTENANCE, vifId);
        }
        if (!Minimum.of(config).allowsTakingOut(states.healthyCount())) {
            return new Decision(Outcome.MINIMUM_REACHED, Why.AT_MINIMUM, vifId);
        }
        Capacity capacity = Capacity.step(config, states, takenOut, vifId, figures);
        if (capacity != null && capacity.exceeded()) {
            return new Decision(Outcome.CAPACITY_REACHED, Why.OVER_CAPACITY, vifId, capacity);
        }
        // An unknown capacity does not block: the minimum still holds, and the message says it was not checked.
        return planned(config, Outcome.FAILED_OVER) == Outcome.DRY_RUN
                ? new Decision(Outcome.DRY_RUN, Why.WOULD_START, vifId, capacity)
                : new Decision(Outcome.FAILED_OVER, Why.STARTING, vifId, capacity);
    }

    /**
     * The operator's restore command: only a managed VIF under test is put back, and not under DRY_RUN.
     *
     * @param states the managed VIFs as read, or not read when the VIF is known not to be managed (not in VIFLIST)
     */
    public static Decision restore(FailoverConfig config, String vifId, VifStates states) {
        if (!states.manages(vifId)) {
            return notManaged(config, vifId, states);
        }
        if (!states.get(vifId).isUnderTest()) {
            return new Decision(Outcome.NOTHING_TO_RESTORE, Why.NO_TEST_RUNNING, vifId);
        }
        return planned(config, Outcome.RESTORED) == Outcome.DRY_RUN ? new Decision(Outcome.DRY_RUN, Why.WOULD_STOP, vifId)
                : new Decision(Outcome.RESTORED, Why.STOPPING, vifId);
    }

    /**
     * The outcome of a plan that changes something: itself, or DRY_RUN when DRY_RUN=true (docs/behaviour.md §5). The one
     * rule that reads DRY_RUN: the plan is the same either way, and the service's one apply then changes nothing.
     */
    public static Outcome planned(FailoverConfig config, Outcome changing) {
        return config.dryRun() ? Outcome.DRY_RUN : changing;
    }

    /**
     * A VIF outside the managed set is never touched; another group's is also nobody's business here, unless its tag
     * is VIFGROUP mistyped (§18).
     */
    private static Decision notManaged(FailoverConfig config, String vifId, VifStates states) {
        java.util.Optional<String> other = states.otherGroup(vifId);
        Why why = other.isEmpty() ? Why.NOT_LISTED
                : config.managed() instanceof ManagedVifs.Group g && g.typo(other.get()) ? Why.GROUP_TYPO
                : Why.OTHER_GROUP;
        return new Decision(Outcome.NOT_MANAGED, why, vifId);
    }

    /**
     * Whether the decision pages nobody: a VIF another deployment manages (docs/behaviour.md §18), so that deployments
     * side by side never notify about each other's VIFs. The result still says NOT_MANAGED.
     */
    public boolean silent() {
        return why == Why.OTHER_GROUP;
    }

    /** Only ALARM acts: an alarm that moved to OK or INSUFFICIENT_DATA is ignored. */
    public static Decision notInAlarm(Alarm alarm) {
        return new Decision(Outcome.IGNORED, Why.NOT_IN_ALARM, alarm.vifId());
    }

    /** A watch alarm of practice runs never names a VIF; with no run on it has nothing to end. */
    public static Decision watchOnly() {
        return new Decision(Outcome.IGNORED, Why.WATCH_ALARM, null);
    }

    /** An alarm on the VIF a practice run has (or just had) out of service. */
    public static Decision settling(String vifId) {
        return new Decision(Outcome.IGNORED, Why.SETTLING, vifId);
    }

    /** An alarm whose actions an operator disabled is not acted on, whichever way it arrived. */
    public static Decision muted(Alarm alarm) {
        return new Decision(Outcome.IGNORED, Why.MUTED, alarm.vifId());
    }
}
