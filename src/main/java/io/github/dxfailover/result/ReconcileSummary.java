package io.github.dxfailover.result;

import java.util.List;

/**
 * The part of a result only a reconcile pass has (docs/behaviour.md §13): one action per VIF
 * considered, and how many alarms in ALARM were left aside and why.
 */
public record ReconcileSummary(List<ReconcileAction> actions, int muted, int unlisted, int namingNoVif, int settling) {
    public ReconcileSummary {
        actions = List.copyOf(actions);
    }
}
