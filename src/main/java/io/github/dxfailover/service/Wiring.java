package io.github.dxfailover.service;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.aws.CloudWatch;
import io.github.dxfailover.aws.DirectConnect;
import io.github.dxfailover.aws.SnsTopic;
import io.github.dxfailover.aws.SupportCases;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.InvalidConfigException;
import java.time.Clock;
import java.util.Map;

/**
 * The one place that builds the adapters of {@code aws} over the SDK clients and hands them to the service as its
 * {@link Ports}: once per container, from the environment.
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
        return new Container.Ready(service(config, clients, clock));
    }

    public static FailoverService service(FailoverConfig config, AwsClients clients, Clock clock) {
        return new FailoverService(config, ports(config, clients, clock), clock);
    }

    public static Ports ports(FailoverConfig config, AwsClients clients, Clock clock) {
        CloudWatch cloudWatch = new CloudWatch(clients.cloudWatch(), clock);
        return new Ports(new DirectConnect(clients.dx(), clock), cloudWatch, cloudWatch,
                new SnsTopic(clients.sns(), config.snsTopicArn()), new SupportCases(config, clients.support()));
    }
}
