package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import java.time.Clock;

/**
 * A container ready to act: each request gets its own {@link Observation} (one picture of the network per
 * invocation) and goes to its job: an alarm or failover command ({@link AlarmEvaluation}), a restore
 * ({@link RestoreCommand}), the reconcile pass ({@link ReconcilePass}), practice runs ({@link PracticeRuns}), AWS
 * maintenance ({@link MaintenanceNotices}) and the status preflight ({@link StatusReport}) (docs/behaviour.md §4,
 * §6–§8, §13, §14, §16, §17, §19). Built by {@link Wiring}, the one place that wires.
 */
public final class FailoverService implements Container {
    private final FailoverConfig config;
    private final Ports ports;
    private final Clock clock;
    private final Apply apply;
    private final Notifier notifier;
    private final Notifications writer;
    private final AlarmEvaluation evaluation;
    private final RestoreCommand restore;
    private final ReconcilePass reconcile;
    private final StatusReport status;
    private final PracticeRuns practice;
    private final MaintenanceNotices maintenance;
    private final Announcer announcer;

    /** The jobs, with what they share; only {@link Wiring} builds one. */
    record Jobs(AlarmEvaluation evaluation, RestoreCommand restore, ReconcilePass reconcile, StatusReport status,
                PracticeRuns practice, MaintenanceNotices maintenance) {
    }

    FailoverService(FailoverConfig config, Ports ports, Clock clock, Apply apply, Notifier notifier,
                    Notifications writer, Jobs jobs, Announcer announcer) {
        this.config = config;
        this.ports = ports;
        this.clock = clock;
        this.apply = apply;
        this.notifier = notifier;
        this.writer = writer;
        this.evaluation = jobs.evaluation();
        this.restore = jobs.restore();
        this.reconcile = jobs.reconcile();
        this.status = jobs.status();
        this.practice = jobs.practice();
        this.maintenance = jobs.maintenance();
        this.announcer = announcer;
    }

    /** The deployment's name when no Lambda context gives one (tests, a caller inside one JVM). */
    public static final String DEFAULT_NAME = "aws-dx-failover";

    public Result handle(Request request, Deadline deadline) {
        return handle(request, DEFAULT_NAME, deadline);
    }

    /**
     * A call that fails before anything changed fails the invocation, so that Lambda retries it (docs/behaviour.md §8);
     * its message says what failed and that nothing was changed. {@code deadline} is when Lambda ends the invocation:
     * no failover test starts that could not be finished before it. Every result says whether DRY_RUN was on. An
     * invocation that notified then puts its event, named for {@code deployment} (§20): one that notified and then
     * fails too (a start that failed, §8), as an ERROR with what it had done, before Lambda retries it.
     */
    @Override
    public Result handle(Request request, String deployment, Deadline deadline) {
        Observation seen = new Observation(config, ports, clock);
        long due = notifier.due();
        try {
            Result result = switch (request) {
                case Request.Evaluate e -> evaluation.run(seen, e.trigger(), e.minutes(), deadline);
                case Request.Status s -> status.run(seen);
                case Request.Restore r -> restore.run(seen, r.vifId());
                case Request.Reconcile r -> reconcile.run(seen, deadline);
                case Request.Practice p -> practice.start(seen, p.vifId(), p.minutes(), deadline);
                case Request.Maintenance m -> maintenance.run(seen, m.event());
                case Request.Invalid i -> rejected(i);
            };
            result = result.withDryRun(!apply.applies());
            return notifier.due() > due ? announcer.announce(result, deployment) : result;
        } catch (AwsCallFailed e) {
            throw new RetryableFailure(Messages.failed(e), e);
        } catch (RetryableFailure e) {
            if (notifier.due() > due) {
                announcer.announce(failed(e, seen), deployment);
            }
            throw e;
        }
    }

    /** A failure the invocation told before it threw, as a result for its event: ERROR, with what was done. */
    private Result failed(RetryableFailure e, Observation seen) {
        String vifId = e.getCause() instanceof AwsCallFailed call ? call.vifId() : null;
        Result r = Result.of(Outcome.ERROR, vifId, e.getMessage(), seen.vifsIfRead()).withDryRun(!apply.applies());
        Result partial = e.partial();
        return partial == null ? r : r.withReconciliation(partial.reconciled()).withErrors(partial.errors());
    }

    /** Bad input: REJECTED; told to the team unless it is an operator's command, whose answer is read (§7, §17). */
    private Result rejected(Request.Invalid invalid) {
        Result r = Result.of(Outcome.REJECTED, null, invalid.problem(), VifStates.notRead()).withDryRun(!apply.applies());
        if (invalid.notified()) {
            notifier.beforeChange(writer.forUnreadableInput(r, invalid.healthEvent()));
        }
        return r;
    }
}
