package io.github.dxfailover;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * Decides and acts: reads the VIFs in one pass, applies {@link Decision} (or {@link Reconcile} over
 * the alarms in ALARM), starts or stops the BGP failover test, opens the support case and notifies
 * (docs/behaviour.md §4, §6, §7, §8, §13). Each AWS
 * service is reached through its own class; none of them calls back here.
 */
public final class FailoverService {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverService.class);
    /**
     * What one start may take at worst: Start, CreateCase and Publish at their call timeout (10 s,
     * AwsClients.CALL_TIMEOUT; a test keeps the two in step), and a margin.
     */
    static final Duration ONE_FAILOVER = Duration.ofSeconds(35);

    private final FailoverConfig config;
    private final DirectConnect dx;
    private final SnsTopic topic;
    private final SupportCases supportCases;
    private final CloudWatchAlarms alarms;
    private final NotificationWriter writer;
    private final Clock clock;

    public FailoverService(FailoverConfig config, DirectConnectClient dx, SnsClient sns, SupportClient support,
                           CloudWatchClient cloudWatch, Clock clock) {
        this.config = config;
        this.dx = new DirectConnect(dx, clock);
        this.topic = new SnsTopic(sns, config.snsTopicArn());
        this.supportCases = new SupportCases(config, support);
        this.alarms = new CloudWatchAlarms(cloudWatch, clock);
        this.clock = clock;
        this.writer = new NotificationWriter(config);
    }

    public Result handle(Request request) {
        return handle(request, Deadline.none());
    }

    public Result handle(Request request, Deadline deadline) {
        return switch (request) {
            case Request.Evaluate e -> evaluate(e.trigger(), e.minutes());
            case Request.Status s -> new StatusReport(config, dx, topic, supportCases, alarms).run();
            case Request.Restore r -> restore(r.vifId());
            case Request.Reconcile r -> reconcile(deadline);
            case Request.Invalid i -> Result.of(Outcome.REJECTED, null, i.problem(), VifStates.notRead(),
                    config.dryRun());
        };
    }

    private Result evaluate(Trigger trigger, Integer minutes) {
        if (trigger instanceof Alarm alarm && isMuted(alarm)) {
            return Result.of(Decision.muted(alarm), VifStates.notRead(), config.dryRun());
        }
        VifStates states = trigger.asksToAct() ? dx.readStates(config.vifIds()) : VifStates.notRead();
        Result decided = Result.of(Decision.decide(config, trigger, states), states, config.dryRun());
        return switch (decided.outcome()) {
            case IGNORED -> decided;
            case FAILED_OVER -> failover(trigger, minutes == null ? config.failoverMinutes() : minutes, decided);
            default -> {
                // Nothing has changed, so a failed notification throws: the retry is safe and the message is the point.
                topic.publish(writer.forResult(decided, trigger));
                yield decided;
            }
        };
    }

    /**
     * An alarm in ALARM on a listed VIF whose actions an operator disabled (EventBridge sends its
     * changes anyway). A failed look-up does not block a failover: the alarm is acted on, as if not muted.
     */
    private boolean isMuted(Alarm alarm) {
        if (!alarm.inAlarm() || alarm.vifId() == null || !config.manages(alarm.vifId())) {
            return false;
        }
        try {
            return alarms.actionsEnabled(alarm.name()).map(enabled -> !enabled).orElse(false);
        } catch (RuntimeException e) {
            LOG.warn("could not check whether alarm '{}' is muted ({}); acting on it", alarm.name(), AwsErrors.text(e));
            return false;
        }
    }

    private Result failover(Trigger trigger, int minutes, Result decided) {
        String vifId = decided.vifId();
        FailoverTest test;
        try {
            test = dx.start(vifId, minutes);
        } catch (FailoverException e) {
            LOG.error(e.getMessage(), e);
            Result failed = Result.of(Outcome.ERROR, vifId, e.getMessage(), decided.vifs(), false);
            topic.tryPublish(writer.forResult(failed, trigger));
            throw e;
        }
        // From here on the VIF is out of service: nothing may throw (docs/behaviour.md §8).
        Result result = decided.withTest(test).withMessage("BGP failover test " + test.testId() + " started on "
                + vifId + " for " + minutes + " minutes; BGP comes back by itself at " + test.endsAt());
        LOG.info("failover test {} started on {} until {}", test.testId(), vifId, test.endsAt());
        if (config.supportCase()) {
            try {
                result = result.withCase(supportCases.open(trigger, result, minutes));
            } catch (RuntimeException e) {
                String why = SupportCases.whyNotOpened(e);
                LOG.error(why, e);
                result = result.withError(why);
            }
        }
        return notified(result, trigger);
    }

    /** After a change: the notification is sent, or its failure is reported in the result, never thrown (§8). */
    private Result notified(Result result, Trigger trigger) {
        return topic.tryPublish(writer.forResult(result, trigger)).map(result::withError).orElse(result);
    }

    private Result restore(String vifId) {
        VifStates states = config.manages(vifId) ? dx.readStates(config.vifIds()) : VifStates.notRead();
        Result decided = Result.of(Decision.restore(config, vifId, states), states, config.dryRun());
        if (decided.outcome() != Outcome.RESTORED) {
            return decided;
        }
        FailoverTest test = dx.stop(vifId);
        Result result = decided.withTest(test).withMessage("BGP failover test " + test.testId() + " on " + vifId
                + " stopped; its BGP sessions come back up now");
        return notified(result, new OperatorCommand("restore", vifId));
    }

    /**
     * §13: acts on the alarms' current state. Only started tests are notified; decisions that change
     * nothing are in the result, the log and the metrics. A failed start notifies and throws at once.
     */
    private Result reconcile(Deadline deadline) {
        List<FiringAlarm> firing = alarms.inAlarm();
        VifStates states = dx.readStates(config.vifIds());
        Reconcile.Plan plan = Reconcile.plan(config, firing, states);
        List<ReconcileAction> actions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int deferred = 0;
        for (Reconcile.Step step : plan.steps()) {
            Result r = Result.of(step.decision(), step.seen(), config.dryRun());
            if (r.outcome() == Outcome.FAILED_OVER) {
                if (!deadline.allows(ONE_FAILOVER, clock)) {
                    // Better the next pass than a test without its case and notification (§8).
                    deferred++;
                    continue;
                }
                try {
                    r = failover(step.alarm(), config.failoverMinutes(), r);
                } catch (FailoverException e) {
                    throw e.after(reconciled(firing, states, plan, actions, errors, deferred));
                }
            }
            LOG.info("reconcile: outcome={} vif={} alarm={} reason={}", r.outcome(), r.vifId(),
                    step.alarm().alarm().name(), r.message());
            actions.add(new ReconcileAction(r.vifId(), step.alarm().alarm().name(), r.outcome(), r.testId(), r.caseId()));
            errors.addAll(r.errors());
        }
        return reconciled(firing, states, plan, actions, errors, deferred);
    }

    private Result reconciled(List<FiringAlarm> firing, VifStates states, Reconcile.Plan plan,
                              List<ReconcileAction> actions, List<String> errors, int deferred) {
        String message = "reconcile: " + firing.size() + " alarm(s) in ALARM on " + plan.steps().size()
                + " listed VIF(s); started " + count(actions, Outcome.FAILED_OVER) + " failover test(s)"
                + (config.dryRun() ? " (DRY_RUN: " + count(actions, Outcome.DRY_RUN) + " would have)" : "")
                + ", " + count(actions, Outcome.MINIMUM_REACHED) + " held in service by the minimum, "
                + count(actions, Outcome.ALREADY_UNAVAILABLE) + " already out of service"
                + (deferred > 0 ? ", " + deferred + " left for the next pass (the function's time ran short)" : "")
                + "; left aside: " + plan.muted() + " muted, " + plan.unlisted() + " naming unlisted VIFs, "
                + plan.namingNoVif() + " naming no VIF";
        return Result.of(Outcome.RECONCILED, null, message, states, config.dryRun()).withErrors(errors)
                .withReconciliation(new Reconciliation(actions, plan.muted(), plan.unlisted(), plan.namingNoVif()));
    }

    private static long count(List<ReconcileAction> actions, Outcome outcome) {
        return actions.stream().filter(a -> a.outcome() == outcome).count();
    }
}
