package io.github.dxfailover;

import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The answer of a misconfigured function (docs/behaviour.md §5): every invocation gets CONFIG_ERROR
 * with all problems, and the topic, when SNSARN itself is valid, hears about it once per container.
 */
final class ConfigErrorReport {
    private final InvalidConfigException error;
    private final SnsTopic topic;
    private final AtomicBoolean notified = new AtomicBoolean();

    ConfigErrorReport(InvalidConfigException error, SnsClient sns) {
        this.error = error;
        this.topic = error.validSnsTopicArn() == null ? null : new SnsTopic(sns, error.validSnsTopicArn());
    }

    /** The status preflight of a misconfigured function: not ready, for every problem; it notifies no one (§14). */
    Result status() {
        return configError().withPreflight(Preflight.of(error.problems()));
    }

    Result answer(String functionName) {
        Result result = configError();
        if (topic != null && notified.compareAndSet(false, true)) {
            var failure = topic.tryPublish(NotificationWriter.forConfigError(error.problems(), functionName));
            if (failure.isPresent()) {
                notified.set(false); // try again on the next invocation
                result = result.withError(failure.get());
            }
        }
        return result;
    }

    private Result configError() {
        return new Result(Outcome.CONFIG_ERROR, null,
                "the function is misconfigured (" + error.problems().size() + " problem(s)); nothing was done",
                VifStates.notRead(), null, null, null, false, error.problems(), null, null);
    }
}
