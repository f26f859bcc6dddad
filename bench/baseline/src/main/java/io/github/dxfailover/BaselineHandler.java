package io.github.dxfailover;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.InvalidConfigException;
import io.github.dxfailover.input.RequestParser;
import io.github.dxfailover.service.Deadline;
import io.github.dxfailover.service.FailoverService;
import io.github.dxfailover.service.Wiring;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * The benchmark's baseline: the same decision and actions, wired the way most Java Lambdas are —
 * clients built on first use with the SDK's defaults (its default HTTP client, Apache, chosen from
 * the classpath), no priming. Not shipped; built only by bench/run.
 */
public class BaselineHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private FailoverService service;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (service == null) {
            try {
                service = Wiring.service(FailoverConfig.fromEnvironment(System.getenv()), new AwsClients(
                        DirectConnectClient.create(), SnsClient.create(), SupportClient.create(),
                        CloudWatchClient.create(), EventBridgeClient.create()), Clock.systemUTC());
            } catch (InvalidConfigException e) {
                throw new IllegalStateException(e);
            }
        }
        return service.handle(RequestParser.parse(input), Deadline.none()).toMap();
    }
}
