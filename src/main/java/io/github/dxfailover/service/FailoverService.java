package io.github.dxfailover.service;

import io.github.dxfailover.aws.AwsCallFailed;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * Decides and acts on one request, each job in its own class: an alarm or failover command
 * ({@link AlarmEvaluation}), a restore ({@link RestoreCommand}), the reconcile pass
 * ({@link ReconcilePass}), practice runs ({@link PracticeRuns}) and the status preflight
 * ({@link StatusReport}), all over the same {@link Adapters} (docs/behaviour.md §4, §6–§8, §13, §14, §16).
 */
public final class FailoverService {
    private final FailoverConfig config;
    private final AlarmEvaluation evaluation;
    private final RestoreCommand restore;
    private final ReconcilePass reconcile;
    private final StatusReport status;
    private final PracticeRuns practice;

    /** The SDK clients come in from outside, so tests can hand it mocks or clients on local endpoints. */
    public FailoverService(FailoverConfig config, DirectConnectClient dx, SnsClient sns, SupportClient support,
                           CloudWatchClient cloudWatch, Clock clock) {
        this.config = config;
        Adapters aws = Adapters.of(config, dx, sns, support, cloudWatch, clock);
        Notifier notifier = new Notifier(aws.topic());
        Notifications writer = new Notifications(config);
        FailoverStart start = new FailoverStart(aws, notifier, writer);
        this.practice = new PracticeRuns(aws, notifier, writer);
        this.evaluation = new AlarmEvaluation(aws, notifier, writer, start, practice);
        this.restore = new RestoreCommand(aws, notifier, writer, practice);
        this.reconcile = new ReconcilePass(aws, start, practice);
        this.status = new StatusReport(aws);
    }

    public Result handle(Request request) {
        return handle(request, Deadline.none());
    }

    /**
     * A call that fails before anything changed fails the invocation, so that Lambda retries it (docs/behaviour.md §8);
     * its message says what failed and that nothing was changed.
     */
    public Result handle(Request request, Deadline deadline) {
        try {
            return switch (request) {
                case Request.Evaluate e -> evaluation.run(e.trigger(), e.minutes());
                case Request.Status s -> status.run();
                case Request.Restore r -> restore.run(r.vifId());
                case Request.Reconcile r -> reconcile.run(deadline);
                case Request.Practice p -> practice.start(p.vifId(), p.minutes());
                case Request.Invalid i -> Result.of(Outcome.REJECTED, null, i.problem(), VifStates.notRead(),
                        config.dryRun());
            };
        } catch (AwsCallFailed e) {
            throw new RetryableFailure(Messages.failed(e), e);
        }
    }
}
