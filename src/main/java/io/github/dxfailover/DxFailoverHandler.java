package io.github.dxfailover;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point {@code io.github.dxfailover.DxFailoverHandler::handleRequest}. It only adapts:
 * configuration and clients once per container, the input to a {@link Request}, the
 * {@link FailoverResult} to the JSON object of SPEC §10.
 */
public final class DxFailoverHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(DxFailoverHandler.class);

    private final FailoverService service;
    private final InvalidConfigException configError;
    private final AwsClients clients;
    private final Telemetry telemetry;
    private final AtomicBoolean configErrorNotified = new AtomicBoolean();

    /** Used by Lambda: the environment Lambda sets, clients for the function's own region. */
    public DxFailoverHandler() {
        this(System.getenv(), AwsClients.forLambda(System.getenv("AWS_REGION")), Clock.systemUTC());
    }

    public DxFailoverHandler(Map<String, String> env, AwsClients clients, Clock clock) {
        this.clients = clients;
        this.telemetry = new Telemetry(System.out, clock);
        FailoverService built = null;
        InvalidConfigException error = null;
        try {
            FailoverConfig config = FailoverConfig.fromEnvironment(env);
            built = new FailoverService(config, clients.dx(), clients.sns(), clients.support(), clock);
        } catch (InvalidConfigException e) {
            error = e;
        }
        this.service = built;
        this.configError = error;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        FailoverResult result;
        try {
            result = configError != null ? configErrorResult(context) : service.handle(RequestParser.parse(input));
        } catch (RuntimeException e) {
            telemetry.failed(e);
            throw e;
        }
        telemetry.record(result);
        return result.toMap();
    }

    /** SPEC §5: every invocation answers CONFIG_ERROR with all problems; one notification per container. */
    private FailoverResult configErrorResult(Context context) {
        configError.problems().forEach(p -> LOG.error("configuration: {}", p));
        FailoverResult result = new FailoverResult(Outcome.CONFIG_ERROR, null,
                "the function is misconfigured (" + configError.problems().size() + " problem(s)); nothing was done",
                VifStates.notRead(), null, null, null, false, configError.problems());
        String topic = configError.validSnsTopicArn();
        if (topic != null && configErrorNotified.compareAndSet(false, true)) {
            String name = context != null && context.getFunctionName() != null ? context.getFunctionName() : "aws-dx-failover";
            try {
                Notifier.publish(clients.sns(), topic, Notifications.forConfigError(configError.problems(), name));
            } catch (RuntimeException e) {
                configErrorNotified.set(false); // try again on the next invocation
                String why = "notification not sent: " + FailoverService.errorText(e);
                LOG.error(why, e);
                result = result.withError(why);
            }
        }
        return result;
    }
}
