package io.github.dxfailover;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.input.RequestParser;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.service.Container;
import io.github.dxfailover.service.Deadline;
import io.github.dxfailover.service.FailoverService;
import io.github.dxfailover.service.Wiring;
import io.github.dxfailover.snapstart.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Lambda entry point {@code io.github.dxfailover.DxFailoverHandler::handleRequest}. It only adapts:
 * the environment to a {@link Container} once per container, the payload to a request (read here, not
 * by Lambda's runtime, so that a payload that is not a JSON object is answered REJECTED: docs/behaviour.md
 * §2), the {@link Result} to the JSON object of docs/behaviour.md §10, with one log line and one metric line.
 */
public final class DxFailoverHandler implements RequestStreamHandler {
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
            return payload -> handler.answer(payload, null);
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

    /**
     * One invocation as Lambda makes it: the payload in, the result's JSON out. Bad input is an answer
     * (REJECTED); only a failure that Lambda should retry (docs/behaviour.md §8) is thrown.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(answer(input.readAllBytes(), context));
    }

    /** The payload's bytes to the result's JSON, in UTF-8. */
    byte[] answer(byte[] payload, Context context) {
        return handle(RequestParser.parsePayload(payload), context).toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** The same for a payload already read into a map (tests, and callers inside one JVM). */
    public Map<String, Object> handle(Map<String, Object> input, Context context) {
        return handle(RequestParser.parse(input), context).toMap();
    }

    private Result handle(Request request, Context context) {
        Result result;
        String deployment = functionName(context);
        try {
            result = container.handle(request, deployment, deadline(context));
        } catch (RuntimeException e) {
            telemetry.failed(e, deployment);
            throw e;
        }
        telemetry.record(result, deployment);
        return result;
    }

    private Deadline deadline(Context context) {
        return context == null ? Deadline.none() : Deadline.in(context.getRemainingTimeInMillis(), clock);
    }

    private static String functionName(Context context) {
        return context != null && context.getFunctionName() != null ? context.getFunctionName()
                : FailoverService.DEFAULT_NAME;
    }
}
