package io.github.dxfailover;

import java.time.Clock;
import java.util.Map;

/**
 * What a container is, once its environment has been read: ready to act, or misconfigured and
 * answering CONFIG_ERROR to everything (docs/behaviour.md §5).
 */
sealed interface Setup {

    Result handle(Request request, String functionName, Deadline deadline);

    static Setup of(Map<String, String> env, AwsClients clients, Clock clock) {
        try {
            return new Ready(new FailoverService(FailoverConfig.fromEnvironment(env), clients.dx(), clients.sns(),
                    clients.support(), clients.cloudWatch(), clock));
        } catch (InvalidConfigException e) {
            return new Misconfigured(new ConfigErrorReport(e, clients.sns()));
        }
    }

    record Ready(FailoverService service) implements Setup {
        @Override
        public Result handle(Request request, String functionName, Deadline deadline) {
            return service.handle(request, deadline);
        }
    }

    record Misconfigured(ConfigErrorReport report) implements Setup {
        @Override
        public Result handle(Request request, String functionName, Deadline deadline) {
            return request instanceof Request.Status ? report.status() : report.answer(functionName);
        }
    }
}
