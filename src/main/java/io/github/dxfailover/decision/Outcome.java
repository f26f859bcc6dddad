package io.github.dxfailover.decision;

/** What one invocation decided or did. The names are the contract's words (docs/behaviour.md §4, §10). */
public enum Outcome {
    /** The alarm moved to OK or INSUFFICIENT_DATA: nothing to do, no notification. */
    IGNORED,
    /** The input was not understood, or the alarm named no VIF. Nothing changed. */
    REJECTED,
    /** The configuration is invalid. Nothing changed. */
    CONFIG_ERROR,
    /** The VIF is not in VIFLIST, so it is never touched. */
    NOT_MANAGED,
    /** The alarmed VIF already carries no traffic (down, testing, BGP down, missing). */
    ALREADY_UNAVAILABLE,
    /** The alarmed VIF is in an open AWS maintenance window: no failover test during maintenance (§17). */
    IN_MAINTENANCE,
    /** Taking the VIF out would leave fewer than MINVIFS healthy VIFs. */
    MINIMUM_REACHED,
    /** The healthy VIFs that would remain could not carry the traffic (over MAX_UTILIZATION). */
    CAPACITY_REACHED,
    /** The BGP failover test was started on the VIF. */
    FAILED_OVER,
    /** DRY_RUN=true: the failover (or restore) would have happened; nothing changed. */
    DRY_RUN,
    /** Operator command "status": a report, nothing changed. */
    STATUS,
    /** Operator command "restore": the running failover test was stopped early. */
    RESTORED,
    /** Operator command "restore" on a VIF that has no failover test running. */
    NOTHING_TO_RESTORE,
    /** A practice run started its failover test (docs/behaviour.md §16). */
    PRACTICE_STARTED,
    /** A practice run could not start: every blocker is in the result. Nothing changed. */
    PRACTICE_BLOCKED,
    /** An outcome alarm went to ALARM during a practice run: it was ended. */
    PRACTICE_FAILED,
    /** A practice run was ended by a blocking alarm, another VIF's trouble, or an operator. */
    PRACTICE_INTERRUPTED,
    /** A practice run ended by itself and the other VIFs took its traffic. */
    PRACTICE_SUCCEEDED,
    /** A practice run ended by itself, but the traffic does not show that it moved. */
    PRACTICE_INCONCLUSIVE,
    /**
     * A failover test was ended because fewer than MINVIFS VIFs were healthy (docs/behaviour.md §19): a reconcile
     * action, the outcome of the give-back notification, and the {@code givenBack} of an alarm's result.
     */
    GIVEN_BACK,
    /** An AWS Health notice of Direct Connect maintenance: recorded on the VIFs it affects, with a verdict (§17). */
    MAINTENANCE_NOTED,
    /** A maintenance window closed, completed or was cancelled: its records were removed, silently (§17). */
    MAINTENANCE_ENDED,
    /** A reconcile pass ran; its per-VIF decisions are in the result's actions. */
    RECONCILED,
    /** An AWS call failed before anything changed, or starting the failover test failed; the invocation throws. */
    ERROR
}
