package io.github.dxfailover.service;

import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import java.time.Clock;

/**
 * Decides and acts on one request, each job in its own class: an alarm or failover command
 * ({@link AlarmEvaluation}), a restore ({@link RestoreCommand}), the reconcile pass
 * ({@link ReconcilePass}), practice runs ({@link PracticeRuns}) and the status preflight
 * ({@link StatusReport}), all over the same {@link Ports} (docs/behaviour.md §4, §6–§8, §13, §14, §16, §19).
 */
public final class FailoverService {
    private final FailoverConfig config;
    private final AlarmEvaluation evaluation;
    private final RestoreCommand restore;
    private final ReconcilePass reconcile;
    private final StatusReport status;
    private final PracticeRuns practice;
    private final MaintenanceNotices maintenance;
    private final Notifier notifier;
    private final Notifications writer;

    /** AWS comes in as ports: {@link Wiring} builds them over the SDK clients, tests hand in fakes. */
    public FailoverService(FailoverConfig config, Ports ports, Clock clock) {
        this.config = config;
        this.notifier = new Notifier(ports.topic());
        this.writer = new Notifications(config);
        CapacityReads capacity = new CapacityReads(ports.vifs(), ports.traffic(), clock);
        FailoverStart start = new FailoverStart(config, ports, notifier, writer);
        GiveBacks giveBacks = new GiveBacks(config, ports, notifier, writer);
        this.practice = new PracticeRuns(config, ports, clock, notifier, writer, capacity);
        this.evaluation = new AlarmEvaluation(config, ports, clock, notifier, writer, start, practice, giveBacks,
                capacity);
        this.restore = new RestoreCommand(config, ports, notifier, writer, practice);
        this.maintenance = new MaintenanceNotices(config, ports, clock, notifier, writer);
        this.status = new StatusReport(config, ports, clock, capacity, maintenance);
        this.reconcile = new ReconcilePass(config, ports, clock, start, practice, giveBacks, capacity, maintenance);
    }

    /**
     * A call that fails before anything changed fails the invocation, so that Lambda retries it (docs/behaviour.md §8);
     * its message says what failed and that nothing was changed. {@code deadline} is when Lambda ends the invocation:
     * no failover test starts that could not be finished before it.
     */
    public Result handle(Request request, Deadline deadline) {
        try {
            return switch (request) {
                case Request.Evaluate e -> evaluation.run(e.trigger(), e.minutes(), deadline);
                case Request.Status s -> status.run();
                case Request.Restore r -> restore.run(r.vifId());
                case Request.Reconcile r -> reconcile.run(deadline);
                case Request.Practice p -> practice.start(p.vifId(), p.minutes(), deadline);
                case Request.Maintenance m -> maintenance.run(m.event());
                case Request.Invalid i -> rejected(i);
            };
        } catch (AwsCallFailed e) {
            throw new RetryableFailure(Messages.failed(e), e);
        }
    }

    /** Bad input: REJECTED; told to the team unless it is an operator's command, whose answer is read (§7, §17). */
    private Result rejected(Request.Invalid invalid) {
        Result r = Result.of(Outcome.REJECTED, null, invalid.problem(), VifStates.notRead(), config.dryRun());
        if (invalid.notified()) {
            notifier.beforeChange(writer.forUnreadableInput(r, invalid.healthEvent()));
        }
        return r;
    }
}
