package io.github.dxfailover.decision;

import io.github.dxfailover.config.VifId;
import java.util.List;

/**
 * A CloudWatch alarm state change, whichever way it arrived (docs/behaviour.md §2).
 *
 * @param name            alarm name (up to 255 characters of any text)
 * @param state           new state: ALARM, OK or INSUFFICIENT_DATA
 * @param reason          CloudWatch's reason text
 * @param time            when the state changed, as CloudWatch wrote it
 * @param region          region of the alarm
 * @param account         account of the alarm
 * @param vifDimensions   the VirtualInterfaceId dimensions of the alarm's metrics, with their namespaces
 */
public record Alarm(String name, String state, String reason, String time, String region, String account,
                    List<VifDimension> vifDimensions) implements Trigger {
    public static final String ALARM = "ALARM";

    public Alarm {
        vifDimensions = List.copyOf(vifDimensions);
    }

    public boolean isInAlarm() {
        return ALARM.equals(state);
    }

    @Override
    public boolean asksToAct() {
        return isInAlarm();
    }

    @Override
    public String title() {
        return name;
    }

    /**
     * The VIF this alarm is about (docs/behaviour.md §3): the first word of its name if that is a
     * VIF ID, else the single VirtualInterfaceId dimension of its metrics outside {@code AWS/DX} and
     * the function's own {@code DxFailover}, else null.
     */
    @Override
    public String vifId() {
        String[] words = name.strip().split("\\s+", 2);
        if (VifId.isValid(words[0])) {
            return words[0];
        }
        List<String> distinct = vifDimensions.stream().filter(VifDimension::namesVif).map(VifDimension::vifId)
                .distinct().toList();
        return distinct.size() == 1 && VifId.isValid(distinct.get(0)) ? distinct.get(0) : null;
    }

    /** Names no VIF only because its VirtualInterfaceId dimensions are all on AWS/DX or the function's own metrics. */
    public boolean onlyAwsDxOrOwnDimensions() {
        return vifId() == null && !vifDimensions.isEmpty()
                && vifDimensions.stream().noneMatch(VifDimension::namesVif);
    }
}
