package io.github.dxfailover.service;

import io.github.dxfailover.config.InvalidConfigException;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Preflight;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer of a misconfigured function (docs/behaviour.md §5): every invocation gets CONFIG_ERROR
 * with all problems, and the topic, when SNSARN itself is valid, hears about it once per container.
 */
final class ConfigErrorReport {
    private final InvalidConfigException error;
    private final Notifier notifier;
    private final AtomicBoolean notified = new AtomicBoolean();

    /** @param notifier the topic SNSARN names when it is valid, else null */
    ConfigErrorReport(InvalidConfigException error, Notifier notifier) {
        this.error = error;
        this.notifier = notifier;
    }

    /** The status preflight of a misconfigured function: not ready, for every problem; it notifies no one (docs/behaviour.md §14). */
    Result status() {
        return configError().withPreflight(Preflight.of(error.problems()));
    }

    Result answer(String functionName) {
        Result result = configError();
        if (notifier != null && notified.compareAndSet(false, true)) {
            var failure = notifier.send(Notifications.forConfigError(error.problems(), functionName));
            if (failure.isPresent()) {
                notified.set(false); // try again on the next invocation
                result = result.withError(failure.get());
            }
        }
        return result;
    }

    private Result configError() {
        return Result.of(Outcome.CONFIG_ERROR, null, Messages.misconfigured(error.problems()),
                VifStates.notRead(), false).withErrors(error.problems());
    }
}
