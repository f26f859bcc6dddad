package io.github.dxfailover;

import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Publishes a {@link Notification} with the attributes subscribers filter on (SPEC §7). */
final class Notifier {
    private Notifier() {
    }

    static void publish(SnsClient sns, String topicArn, Notification n) {
        sns.publish(PublishRequest.builder()
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
