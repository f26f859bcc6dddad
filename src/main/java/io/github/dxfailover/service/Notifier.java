package io.github.dxfailover.service;

import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.port.Topic;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification in the two ways of docs/behaviour.md §8: before anything changed a failed
 * publish fails the invocation (Lambda's retry is safe, and the message is all such an outcome does);
 * after a change it is logged and reported in the result, never thrown.
 */
record Notifier(Topic topic) {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /** Nothing has changed: a failure throws. */
    void beforeChange(Notification n) {
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
