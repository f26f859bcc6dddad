package io.github.dxfailover;

/**
 * What to do about one alarm: the rules of SPEC §4, in their order, as a pure function of the
 * configuration, the alarm and the VIF states. No AWS client is involved.
 *
 * @param outcome what was decided
 * @param vifId   the VIF the alarm is about, or null when it names none
 * @param reason  one sentence saying why
 */
public record Decision(Outcome outcome, String vifId, String reason) {

    public static Decision decide(FailoverConfig config, Alarm alarm, VifStates states) {
        if (!alarm.inAlarm()) {
            return new Decision(Outcome.IGNORED, alarm.vifId(),
                    "alarm state is " + alarm.state() + ", only ALARM acts");
        }
        String vifId = alarm.vifId();
        if (vifId == null) {
            return new Decision(Outcome.REJECTED, null, "the alarm names no VIF: its name must start with the VIF ID "
                    + "(dxvif-…), or its metric must have exactly one VirtualInterfaceId dimension");
        }
        if (!config.manages(vifId)) {
            return new Decision(Outcome.NOT_MANAGED, vifId, vifId + " is not in VIFLIST, so it is never touched");
        }
        VifState vif = states.get(vifId);
        if (!vif.healthy()) {
            return new Decision(Outcome.ALREADY_UNAVAILABLE, vifId,
                    vifId + " already carries no traffic (" + vif.describe() + "), nothing to do");
        }
        long healthy = states.healthyCount();
        if (healthy <= config.minVifs()) {
            return new Decision(Outcome.MINIMUM_REACHED, vifId, healthy + " healthy VIF(s), MINVIFS is "
                    + config.minVifs() + ": taking " + vifId + " out would go below the minimum");
        }
        if (config.dryRun()) {
            return new Decision(Outcome.DRY_RUN, vifId, healthy + " healthy VIF(s), MINVIFS is " + config.minVifs()
                    + ": would start the BGP failover test on " + vifId + " (DRY_RUN)");
        }
        return new Decision(Outcome.FAILED_OVER, vifId, healthy + " healthy VIF(s), MINVIFS is " + config.minVifs()
                + ": starting the BGP failover test on " + vifId);
    }
}
