package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.local.LocalAws;
import io.github.dxfailover.local.Moto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * event-rule.json through a real EventBridge implementation (moto): a rule with the pattern and an
 * SQS queue as its target; every EventBridge sample in events/ is put on the bus and the queue shows
 * which matched. (moto's TestEventPattern matches everything, so it is not used.)
 */
class EventRuleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ruleMatchesEveryAlarmSampleAndNoOtherTransition() throws Exception {
        Moto moto = Moto.shared();
        moto.reset();
        try (EventBridgeClient events = EventBridgeClient.builder().region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS).endpointOverride(moto.endpoint()).build();
             SqsClient sqs = SqsClient.builder().region(LocalAws.REGION).credentialsProvider(LocalAws.CREDENTIALS)
                     .endpointOverride(moto.endpoint()).build()) {
            String queueUrl = sqs.createQueue(b -> b.queueName("rule-target")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            String pattern = Files.readString(Path.of("event-rule.json"));
            events.putRule(b -> b.name("dx-failover-alarms").eventPattern(pattern));
            events.putTargets(b -> b.rule("dx-failover-alarms").targets(t -> t.id("queue").arn(queueArn)));

            Set<String> alarms = new HashSet<>();
            Set<String> others = new HashSet<>();
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (Path sample : eventBridgeSamples()) {
                JsonNode event = JSON.readTree(Files.readString(sample));
                String state = event.at("/detail/state/value").asText();
                // A practice run's outcome alarm names no VIF: the rule is not for it (its own Lambda action is).
                boolean watch = sample.getFileName().toString().equals("eventbridge-outcome-alarm.json");
                (state.equals("ALARM") && !watch ? alarms : others).add(event.at("/detail/alarmName").asText() + "/"
                        + state);
                entries.add(PutEventsRequestEntry.builder().source(event.get("source").asText())
                        .detailType(event.get("detail-type").asText()).detail(JSON.writeValueAsString(event.get("detail")))
                        .resources(event.get("resources").get(0).asText()).build());
            }
            assertThat(alarms).as("ALARM samples in events/").hasSizeGreaterThanOrEqualTo(3);
            assertThat(others).as("OK and INSUFFICIENT_DATA samples in events/").hasSizeGreaterThanOrEqualTo(2);
            assertThat(events.putEvents(b -> b.entries(entries)).failedEntryCount()).isZero();

            Set<String> delivered = new HashSet<>();
            for (List<Message> batch; !(batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
                    .messages()).isEmpty(); ) {
                for (Message m : batch) {
                    JsonNode event = JSON.readTree(m.body());
                    delivered.add(event.at("/detail/alarmName").asText() + "/" + event.at("/detail/state/value").asText());
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
            assertThat(delivered).isEqualTo(alarms);
        }
    }

    /** The samples shaped as EventBridge events (the alarm-action and command samples are not). */
    static List<Path> eventBridgeSamples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("events"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("eventbridge-")).sorted().toList();
        }
    }
}
