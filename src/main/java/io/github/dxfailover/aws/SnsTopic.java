package io.github.dxfailover.aws;

import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.port.Topic;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * The notification topic (docs/behaviour.md §7): publishes a {@link Notification} with the
 * attributes subscribers filter on, and checks that the topic can be used.
 */
public record SnsTopic(SnsClient client, String topicArn) implements Topic {
    /** Publishes, or throws {@link AwsCallFailed}. */
    @Override
    public void publish(Notification n) {
        try {
            client.publish(PublishRequest.builder()
                    .topicArn(topicArn)
                    .subject(n.subject())
                    .message(n.body())
                    .messageAttributes(Map.of(
                            "outcome", text(n.outcome().name()),
                            "virtualInterfaceId", text(n.vifAttribute())))
                    .build());
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.PUBLISH, null, e);
        }
    }

    /**
     * The failed GetTopicAttributes (read-only; docs/behaviour.md §14), or empty when the topic exists
     * and this function may use it.
     */
    @Override
    public Optional<AwsCallFailed> checkAccess() {
        try {
            client.getTopicAttributes(GetTopicAttributesRequest.builder().topicArn(topicArn).build());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(AwsErrors.failed(Call.GET_TOPIC_ATTRIBUTES, null, e));
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
