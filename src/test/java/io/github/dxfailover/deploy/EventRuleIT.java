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

    /**
     * docs/behaviour.md §17: the template's rule for AWS Health, in moto's EventBridge: the Direct Connect samples of
     * events/ reach the function, another service's Health event and the alarm samples do not.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theMaintenanceRuleMatchesDirectConnectHealthEventsOnly() throws Exception {
        CfnTemplate t = CfnTemplate.load(Path.of("template.yaml"), java.util.Map.of("VifList",
                List.of("dxvif-fgab1234", "dxvif-fgcd5678"), "MinVifs", 1, "AWS::Partition", "aws",
                "AWS::Region", "eu-west-1", "AWS::AccountId", "123456789012"));
        var events = (java.util.Map<String, Object>) ((java.util.Map<String, Object>) t.resources()
                .get("DxFailoverFunction").get("Properties")).get("Events");
        var rule = (java.util.Map<String, Object>) events.get("MaintenanceRule");
        assertThat(rule).containsEntry("Type", "EventBridgeRule");
        String pattern = JSON.writeValueAsString(((java.util.Map<String, Object>) rule.get("Properties")).get("Pattern"));
        Moto moto = Moto.shared();
        moto.reset();
        try (EventBridgeClient bus = EventBridgeClient.builder().region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS).endpointOverride(moto.endpoint()).build();
             SqsClient sqs = SqsClient.builder().region(LocalAws.REGION).credentialsProvider(LocalAws.CREDENTIALS)
                     .endpointOverride(moto.endpoint()).build()) {
            String queueUrl = sqs.createQueue(b -> b.queueName("health-target")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            bus.putRule(b -> b.name("dx-failover-health").eventPattern(pattern));
            bus.putTargets(b -> b.rule("dx-failover-health").targets(x -> x.id("queue").arn(queueArn)));
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            Set<String> expected = new HashSet<>();
            List<Path> samples;
            try (Stream<Path> files = Files.list(Path.of("events"))) {
                samples = files.filter(f -> f.getFileName().toString().startsWith("health-")
                        || f.getFileName().toString().startsWith("eventbridge-")).sorted().toList();
            }
            for (Path sample : samples) {
                JsonNode e = JSON.readTree(Files.readString(sample));
                if (sample.getFileName().toString().startsWith("health-")) {
                    expected.add(e.at("/detail/statusCode").asText());
                }
                entries.add(PutEventsRequestEntry.builder().source(e.get("source").asText())
                        .detailType(e.get("detail-type").asText()).detail(JSON.writeValueAsString(e.get("detail")))
                        .resources(e.get("resources").get(0).asText()).build());
            }
            entries.add(PutEventsRequestEntry.builder().source("aws.health").detailType("AWS Health Event")
                    .detail("{\"service\": \"EC2\", \"statusCode\": \"ec2\", \"eventTypeCategory\": \"scheduledChange\"}")
                    .build());
            assertThat(expected).containsExactlyInAnyOrder("upcoming", "open", "closed");
            assertThat(bus.putEvents(b -> b.entries(entries)).failedEntryCount()).isZero();
            Set<String> delivered = new HashSet<>();
            for (List<Message> batch; !(batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
                    .messages()).isEmpty(); ) {
                for (Message m : batch) {
                    delivered.add(JSON.readTree(m.body()).at("/detail/statusCode").asText());
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
            assertThat(delivered).isEqualTo(expected);
        }
    }

    /** The samples shaped as EventBridge events (the alarm-action and command samples are not). */
    static List<Path> eventBridgeSamples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("events"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("eventbridge-")).sorted().toList();
        }
    }
}
