package io.github.dxfailover;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Core;
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
    /** Held here: a CRaC context need not keep its resources alive. */
    private final SnapStartPriming priming;

    /** Used by Lambda: the environment Lambda sets, clients for the function's own region, SnapStart priming. */
    public DxFailoverHandler() {
        this(System.getenv(), AwsClients.forLambda(System.getenv("AWS_REGION")), Clock.systemUTC());
    }

    public DxFailoverHandler(Map<String, String> env, AwsClients clients, Clock clock) {
        this.clients = clients;
        this.telemetry = new Telemetry(System.out, clock);
        FailoverConfig config = null;
        InvalidConfigException error = null;
        try {
            config = FailoverConfig.fromEnvironment(env);
        } catch (InvalidConfigException e) {
            error = e;
        }
        this.configError = error;
        this.service = config == null ? null
                : new FailoverService(config, clients.dx(), clients.sns(), clients.support(), clock);
        this.priming = config == null ? null : registerPriming(config, clients);
    }

    private static SnapStartPriming registerPriming(FailoverConfig config, AwsClients clients) {
        try {
            var settings = clients.dx().serviceClientConfiguration();
            SnapStartPriming priming = new SnapStartPriming(config, clients, settings.region(),
                    settings.credentialsProvider());
            Core.getGlobalContext().register(priming);
            return priming;
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming not registered: {}", e.toString());
            return null;
        }
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

    /**
     * SPEC §5: every invocation answers CONFIG_ERROR with all problems (Telemetry logs each at ERROR);
     * one notification per container.
     */
    private FailoverResult configErrorResult(Context context) {
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
