package io.github.dxfailover.decision;

/**
 * What asked the function to take a VIF out of service or put it back: an alarm's state change, an
 * alarm a reconcile pass found in ALARM, or an operator's command (docs/behaviour.md §2, §13).
 * Notifications and support cases say which.
 */
public sealed interface Trigger permits Alarm, FiringAlarm, OperatorCommand {

    /** The VIF it is about (docs/behaviour.md §3), or null when it names none. */
    String vifId();

    /** False for an alarm that moved to OK or INSUFFICIENT_DATA: only ALARM acts. */
    boolean asksToAct();

    /** A few words for subjects: the alarm's name, or the command. */
    String title();
}
