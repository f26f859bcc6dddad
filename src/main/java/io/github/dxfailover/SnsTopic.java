package io.github.dxfailover;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * The notification topic (docs/behaviour.md §7): publishes a {@link Notification} with the
 * attributes subscribers filter on. Two ways, for the two moments of §8: before anything changed a
 * failed publish throws (Lambda's retry is safe); after, it is logged and reported, never thrown.
 */
final class SnsTopic {
    private static final Logger LOG = LoggerFactory.getLogger(SnsTopic.class);

    private final SnsClient client;
    private final String topicArn;

    SnsTopic(SnsClient client, String topicArn) {
        this.client = client;
        this.topicArn = topicArn;
    }

    /** Publishes, or throws {@link FailoverException}: for messages sent when nothing has changed. */
    void publish(Notification n) {
        try {
            send(n);
        } catch (RuntimeException e) {
            throw new FailoverException("notification not sent (nothing was changed): " + AwsErrors.text(e), e);
        }
    }

    /** Publishes; a failure is logged at ERROR and returned as the sentence for the result, never thrown. */
    Optional<String> tryPublish(Notification n) {
        try {
            send(n);
            return Optional.empty();
        } catch (RuntimeException e) {
            String why = "notification not sent: " + AwsErrors.text(e);
            LOG.error(why, e);
            return Optional.of(why);
        }
    }

    /**
     * Why notifications could not reach the team, or empty when the topic exists and this function may
     * use it (GetTopicAttributes, read-only; docs/behaviour.md §14).
     */
    Optional<String> problem() {
        try {
            client.getTopicAttributes(GetTopicAttributesRequest.builder().topicArn(topicArn).build());
            return Optional.empty();
        } catch (RuntimeException e) {
            String code = AwsErrors.code(e);
            if ("NotFound".equals(code)) {
                return Optional.of("the notification topic " + topicArn + " does not exist (" + AwsErrors.text(e)
                        + "): create it or fix SNSARN");
            }
            if ("AuthorizationError".equals(code)) {
                return Optional.of("this function may not use the notification topic " + topicArn + " ("
                        + AwsErrors.text(e) + "): its role needs sns:GetTopicAttributes and sns:Publish on it");
            }
            return Optional.of("the notification topic " + topicArn + " could not be checked: " + AwsErrors.text(e));
        }
    }

    private void send(Notification n) {
        client.publish(PublishRequest.builder()
                .topicArn(topicArn)
                .subject(n.subject())
                .message(n.body())
                .messageAttributes(Map.of(
                        "outcome", text(n.outcome().name()),
                        "virtualInterfaceId", text(n.vifAttribute())))
                .build());
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
