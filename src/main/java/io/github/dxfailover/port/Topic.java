package io.github.dxfailover.port;

import java.util.Optional;

/** The notification topic (docs/behaviour.md §7, §14). */
public interface Topic {

    /** Publishes, or throws {@code aws.AwsCallFailed}. */
    void publish(Notification n);

    /** What went wrong reading the topic's attributes (docs/behaviour.md §14), or empty when it can be used. */
    Optional<AwsCallFailed> checkAccess();

    String topicArn();
}
