package io.github.dxfailover.result;

import io.github.dxfailover.decision.Minimum;
import java.util.List;

/**
 * The part of a result only a reconcile pass has (docs/behaviour.md §13): one action per VIF
 * considered, how many alarms in ALARM were left aside and why; and for its metrics (§11) the
 * MINVIFS it held to and the listed VIFs not proven by a practice run (§16).
 */
public record ReconcileSummary(List<ReconcileAction> actions, int muted, int unlisted, int namingNoVif, int settling,
                               Minimum minimum, List<String> notProven) {
    public ReconcileSummary {
        actions = List.copyOf(actions);
        notProven = List.copyOf(notProven);
    }
}
