package io.github.dxfailover.text;

import io.github.dxfailover.port.SupportCase;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Result;

/** The support case a failover opens (docs/behaviour.md §6): its subject and body. */
public final class SupportCaseText {
    /** CreateCase takes a communicationBody of at most 8,000 characters. */
    static final int BODY_MAX = 8_000;

    private SupportCaseText() {
    }

    /**
     * @param trigger  what asked for the failover
     * @param failover the result once the test runs (its test id and end, the VIF states seen)
     * @param minutes  how long the test lasts
     */
    public static SupportCase of(Trigger trigger, Result failover, int minutes) {
        String vifId = failover.vifId();
        String why = switch (trigger) {
            case Alarm a -> "because a CloudWatch alarm reported bad traffic on it";
            case FiringAlarm f -> "because a CloudWatch alarm has been reporting bad traffic on it since " + f.since();
            case OperatorCommand c -> "at an operator's request";
        };
        String head = "The Direct Connect virtual interface " + vifId + " was taken out of service by the "
                + "aws-dx-failover function " + why + ".\n\n"
                + Notifications.triggerLines(trigger) + "\n"
                + "BGP failover test " + failover.testId() + " was started for " + minutes + " minutes; "
                + Messages.comesBackAt(vifId, failover.testEndsAt()) + ".\n\n"
                + "VIF states when the failover was decided:\n";
        String tail = "\nPlease investigate the virtual interface and its connection.";
        String table = VifText.table(failover.vifs());
        if (head.length() + table.length() + tail.length() > BODY_MAX) {
            // A large group (docs/behaviour.md §18): the VIF itself, and the others counted, so that the case opens.
            table = VifText.table(new VifStates(java.util.Map.of(vifId, failover.vifs().get(vifId))))
                    + "  and " + (failover.vifs().byId().size() - 1) + " other VIF(s), "
                    + failover.vifs().byId().values().stream().filter(v -> !v.id().equals(vifId) && v.healthy()).count()
                    + " of them healthy (every one is in the notification)\n";
        }
        String body = head + table + tail;
        String subject = "Direct Connect VIF " + vifId + " taken out of service "
                + (trigger instanceof OperatorCommand ? "by operator command" : "after alarm")
                + " (failover test " + failover.testId() + ")";
        return new SupportCase(subject, body);
    }
}
