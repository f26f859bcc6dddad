package io.github.dxfailover.decision;

/**
 * An operator's {@code failover} or {@code restore} command, typed in the Lambda console or sent
 * with {@code aws lambda invoke} (docs/behaviour.md §2).
 *
 * @param action the command's action word
 * @param vifId  the VIF it names (already checked to be a VIF ID)
 */
public record OperatorCommand(String action, String vifId) implements Trigger {

    @Override
    public boolean asksToAct() {
        return true;
    }

    @Override
    public String title() {
        return "operator " + action + " command";
    }
}
