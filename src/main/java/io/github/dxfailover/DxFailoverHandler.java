package io.github.dxfailover;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.input.RequestParser;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.service.Container;
import io.github.dxfailover.service.Deadline;
import io.github.dxfailover.service.Wiring;
import io.github.dxfailover.snapstart.SnapStartPriming;
import java.time.Clock;
import java.util.Map;

/**
 * Lambda entry point {@code io.github.dxfailover.DxFailoverHandler::handleRequest}. It only adapts:
 * the environment to a {@link Container} once per container, the input to a request, the
 * {@link Result} to the JSON object of docs/behaviour.md §10, with one log line and one metric line.
 */
public final class DxFailoverHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final String DEFAULT_NAME = "aws-dx-failover";

    private final Container container;
    private final Telemetry telemetry;
    private final Clock clock;

    /** Used by Lambda: the environment Lambda sets, clients for the function's own region, SnapStart priming. */
    public DxFailoverHandler() {
        this(System.getenv(), AwsClients.forLambda(System.getenv("AWS_REGION")));
    }

    private DxFailoverHandler(Map<String, String> env, AwsClients clients) {
        this(env, clients, Clock.systemUTC());
        SnapStartPriming.register(clients, primingHandlers());
    }

    /** How SnapStart priming builds its own handler: on in-process clients, its metric lines discarded. */
    public static SnapStartPriming.Handlers primingHandlers() {
        return (env, inProcess, clock) -> {
            DxFailoverHandler handler = new DxFailoverHandler(env, inProcess, clock, Telemetry.discarding(clock));
            return input -> handler.handleRequest(input, null);
        };
    }

    public DxFailoverHandler(Map<String, String> env, AwsClients clients, Clock clock) {
        this(env, clients, clock, new Telemetry(System.out, clock));
    }

    /** With the log and metric lines going where {@code telemetry} writes them (tests, SnapStart priming). */
    public DxFailoverHandler(Map<String, String> env, AwsClients clients, Clock clock, Telemetry telemetry) {
        this.container = Wiring.container(env, clients, clock);
        this.telemetry = telemetry;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Result result;
        try {
            result = container.handle(RequestParser.parse(input), functionName(context), deadline(context));
        } catch (RuntimeException e) {
            telemetry.failed(e);
            throw e;
        }
        telemetry.record(result);
        return result.toMap();
    }

    private Deadline deadline(Context context) {
        return context == null ? Deadline.none() : Deadline.in(context.getRemainingTimeInMillis(), clock);
    }

    private static String functionName(Context context) {
        return context != null && context.getFunctionName() != null ? context.getFunctionName() : DEFAULT_NAME;
    }
}
