package io.github.dxfailover.result;

import java.util.List;

/**
 * The part of a result only a reconcile pass has (docs/behaviour.md §13): one action per VIF
 * considered, how many alarms in ALARM were left aside and why, and the MINVIFS the pass held to
 * (its healthy VIFs against that minimum are a metric, §11).
 */
public record ReconcileSummary(List<ReconcileAction> actions, int muted, int unlisted, int namingNoVif, int settling,
                               int minVifs) {
    public ReconcileSummary {
        actions = List.copyOf(actions);
    }
}
