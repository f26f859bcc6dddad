package io.github.dxfailover.service;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.Result;
import java.time.Clock;
import java.util.Map;

/**
 * What a Lambda container is, once its environment has been read: ready to act, or misconfigured and
 * answering CONFIG_ERROR to everything (docs/behaviour.md §5).
 */
public sealed interface Container {

    Result handle(Request request, String functionName, Deadline deadline);

    static Container of(Map<String, String> env, AwsClients clients, Clock clock) {
        return Wiring.container(env, clients, clock);
    }

    record Ready(FailoverService service) implements Container {
        @Override
        public Result handle(Request request, String functionName, Deadline deadline) {
            return service.handle(request, deadline);
        }
    }

    record Misconfigured(ConfigErrorReport report) implements Container {
        @Override
        public Result handle(Request request, String functionName, Deadline deadline) {
            return request instanceof Request.Status ? report.status() : report.answer(functionName);
        }
    }
}
