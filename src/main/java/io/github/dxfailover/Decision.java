package io.github.dxfailover;

/**
 * What to do, as pure functions of the configuration, the trigger and the VIF states: the rules of
 * docs/behaviour.md §4 for an alarm or a failover command, and those of a restore command. No AWS
 * client is involved.
 *
 * @param outcome what was decided
 * @param vifId   the VIF concerned, or null when the trigger names none
 * @param reason  one sentence saying why
 */
public record Decision(Outcome outcome, String vifId, String reason) {

    /** §4, in its order. */
    public static Decision decide(FailoverConfig config, Trigger trigger, VifStates states) {
        if (trigger instanceof Alarm alarm && !alarm.inAlarm()) {
            return new Decision(Outcome.IGNORED, alarm.vifId(), "alarm state is " + alarm.state() + ", only ALARM acts");
        }
        String vifId = trigger.vifId();
        if (vifId == null) {
            return new Decision(Outcome.REJECTED, null, trigger instanceof Alarm alarm && alarm.onlyAwsDxDimensions()
                    ? "the alarm names no VIF: its VirtualInterfaceId dimension is on an AWS/DX metric, which measures "
                    + "the VIF's load or BGP state, not the path over it; such an alarm acts only when its name starts "
                    + "with the VIF ID (dxvif-…)"
                    : "the alarm names no VIF: its name must start with the VIF ID (dxvif-…), or its metric must "
                    + "have exactly one VirtualInterfaceId dimension outside AWS/DX");
        }
        if (!config.manages(vifId)) {
            return notManaged(vifId);
        }
        VifState vif = states.get(vifId);
        if (!vif.healthy()) {
            return new Decision(Outcome.ALREADY_UNAVAILABLE, vifId,
                    vifId + " already carries no traffic (" + vif.describe() + "), nothing to do");
        }
        long healthy = states.healthyCount();
        String count = healthy + " healthy VIF(s), MINVIFS is " + config.minVifs() + ": ";
        if (healthy <= config.minVifs()) {
            return new Decision(Outcome.MINIMUM_REACHED, vifId,
                    count + "taking " + vifId + " out would go below the minimum");
        }
        if (config.dryRun()) {
            return new Decision(Outcome.DRY_RUN, vifId, count + "would start the BGP failover test on " + vifId
                    + dryRunNote());
        }
        return new Decision(Outcome.FAILED_OVER, vifId, count + "starting the BGP failover test on " + vifId);
    }

    /** The operator's restore command: only a listed VIF under test is put back, and not under DRY_RUN. */
    public static Decision restore(FailoverConfig config, String vifId, VifStates states) {
        if (!config.manages(vifId)) {
            return notManaged(vifId);
        }
        VifState vif = states.get(vifId);
        Outcome outcome = !vif.underTestNow() ? Outcome.NOTHING_TO_RESTORE
                : config.dryRun() ? Outcome.DRY_RUN : Outcome.RESTORED;
        return new Decision(outcome, vifId, switch (outcome) {
            case NOTHING_TO_RESTORE -> vifId + " has no failover test running (" + vif.describe() + ")";
            case DRY_RUN -> "would stop the BGP failover test on " + vifId + dryRunNote();
            default -> "stopping the BGP failover test on " + vifId;
        });
    }

    /** An alarm whose actions an operator disabled is not acted on, whichever way it arrived. */
    public static Decision muted(Alarm alarm) {
        return new Decision(Outcome.IGNORED, alarm.vifId(), "alarm '" + alarm.name()
                + "' has its actions disabled (muted by an operator), so it is not acted on");
    }

    private static Decision notManaged(String vifId) {
        return new Decision(Outcome.NOT_MANAGED, vifId, vifId + " is not in VIFLIST, so it is never touched");
    }

    private static String dryRunNote() {
        return " (DRY_RUN)";
    }
}
