package io.github.dxfailover;

import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Publishes a {@link Notification} with the attributes subscribers filter on (SPEC §7). */
final class Notifier {
    private Notifier() {
    }

    static void publish(SnsClient sns, String topicArn, Notification n) {
        sns.publish(b -> b.topicArn(topicArn)
                .subject(n.subject())
                .message(n.body())
                .messageAttributes(Map.of(
                        "outcome", text(n.outcome().name()),
                        "virtualInterfaceId", text(n.vifAttribute()))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
