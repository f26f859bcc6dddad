package io.github.dxfailover.service;

import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.port.Topic;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification in the two ways of docs/behaviour.md §8: before anything changed a failed
 * publish fails the invocation (Lambda's retry is safe, and the message is all such an outcome does);
 * after a change it is logged and reported in the result, never thrown.
 */
final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final Topic topic;
    /**
     * How many notifications were due since the container started, sent or not: an invocation that moved it was a
     * notified one, and puts its event (docs/behaviour.md §20). Only ever counts up: it changes no decision.
     */
    private final AtomicLong due = new AtomicLong();

    Notifier(Topic topic) {
        this.topic = topic;
    }

    long due() {
        return due.get();
    }

    /** Nothing has changed: a failure throws. */
    void beforeChange(Notification n) {
        due.incrementAndGet();
        try {
            topic.publish(n);
        } catch (AwsCallFailed e) {
            throw new RetryableFailure(Messages.failed(e), e);
        }
    }

    /** After a change: the result, with the failure among its errors if the notification was not sent. */
    Result afterChange(Result r, Notification n) {
        return send(n).map(r::withError).orElse(r);
    }

    /** Publishes; a failure is logged at ERROR and returned as the sentence for the result, never thrown. */
    Optional<String> send(Notification n) {
        due.incrementAndGet();
        try {
            topic.publish(n);
            return Optional.empty();
        } catch (AwsCallFailed e) {
            String why = Messages.notificationNotSent(e);
            LOG.error(why, e);
            return Optional.of(why);
        }
    }
}
