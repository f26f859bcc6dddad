package io.github.dxfailover.port;

import java.util.Optional;

/** The notification topic (docs/behaviour.md §7, §14). */
public interface Topic {
    /**
     * The {@link AwsCallFailed#code()} of a failed {@link #checkAccess()} for a topic that does not exist, and for a
     * caller that may not use it: what SNS answers, which the status text words (docs/behaviour.md §14).
     */
    String NOT_FOUND = "NotFound";
    String AUTHORIZATION_ERROR = "AuthorizationError";

    /** Publishes, or throws {@link AwsCallFailed}. */
    void publish(Notification n);

    /** What went wrong reading the topic's attributes (docs/behaviour.md §14), or empty when it can be used. */
    Optional<AwsCallFailed> checkAccess();

    String topicArn();
}
