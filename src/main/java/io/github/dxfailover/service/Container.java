package io.github.dxfailover.service;

import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.Result;

/**
 * What a Lambda container is, once its environment has been read ({@link Wiring#container}): ready to act (the
 * {@link FailoverService}), or misconfigured and answering CONFIG_ERROR to everything (docs/behaviour.md §5).
 */
public sealed interface Container permits FailoverService, Container.Misconfigured {

    Result handle(Request request, String functionName, Deadline deadline);

    record Misconfigured(ConfigErrorReport report) implements Container {
        @Override
        public Result handle(Request request, String functionName, Deadline deadline) {
            return request instanceof Request.Status ? report.status() : report.answer(functionName);
        }
    }
}
