package io.github.dxfailover.service;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.aws.CloudWatch;
import io.github.dxfailover.aws.DirectConnect;
import io.github.dxfailover.aws.EventBridgeBus;
import io.github.dxfailover.aws.SnsTopic;
import io.github.dxfailover.aws.SupportCases;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.InvalidConfigException;
import io.github.dxfailover.text.Notifications;
import java.time.Clock;
import java.util.Map;

/**
 * The one place that wires: it builds the adapters of {@code aws} over the SDK clients, hands them to the service as
 * its {@link Ports}, and builds the jobs over them, once per container, from the environment.
 */
public final class Wiring {
    private Wiring() {
    }

    /** Ready to act, or misconfigured and answering CONFIG_ERROR to everything (docs/behaviour.md §5). */
    public static Container container(Map<String, String> env, AwsClients clients, Clock clock) {
        FailoverConfig config;
        try {
            config = FailoverConfig.fromEnvironment(env);
        } catch (InvalidConfigException e) {
            String topic = e.validSnsTopicArn();
            return new Container.Misconfigured(new ConfigErrorReport(e,
                    topic == null ? null : new Notifier(new SnsTopic(clients.sns(), topic))));
        }
        return service(config, clients, clock);
    }

    public static FailoverService service(FailoverConfig config, AwsClients clients, Clock clock) {
        return service(config, ports(config, clients, clock), clock);
    }

    /** The service over any ports: the SDK's adapters, or a test's in-memory fakes. */
    public static FailoverService service(FailoverConfig config, Ports ports, Clock clock) {
        Notifier notifier = new Notifier(ports.topic());
        Notifications writer = new Notifications(config);
        // DRY_RUN is the plan not applied: the one apply is built not to change anything (docs/behaviour.md §5).
        Apply apply = new Apply(config, ports, clock, notifier, writer);
        PracticeRuns practice = new PracticeRuns(config, apply, notifier, writer);
        GiveBacks giveBacks = new GiveBacks(config, apply, notifier, writer);
        MaintenanceNotices maintenance = new MaintenanceNotices(config, apply, notifier, writer);
        FailoverService.Jobs jobs = new FailoverService.Jobs(
                new AlarmEvaluation(config, apply, notifier, writer, practice, giveBacks),
                new RestoreCommand(config, apply, notifier, writer, practice),
                new ReconcilePass(config, apply, practice, giveBacks, maintenance),
                new StatusReport(config, ports, apply, maintenance),
                practice, maintenance);
        return new FailoverService(config, ports, clock, apply, notifier, writer, jobs,
                new Announcer(ports.events(), ports.vifs()));
    }

    public static Ports ports(FailoverConfig config, AwsClients clients, Clock clock) {
        CloudWatch cloudWatch = new CloudWatch(clients.cloudWatch(), clock);
        return new Ports(new DirectConnect(clients.dx(), clock), cloudWatch, cloudWatch,
                new SnsTopic(clients.sns(), config.snsTopicArn()), new SupportCases(config, clients.support()),
                config.eventBus() == null ? null : new EventBridgeBus(clients.events(), config.eventBus()));
    }
}
