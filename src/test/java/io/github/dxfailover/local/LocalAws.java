package io.github.dxfailover.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CaseDetails;

/**
 * The test's own view of moto: it creates the topic with an SQS queue subscribed, then reads back
 * what SNS delivered and which support cases were opened — the same way a subscriber would.
 */
public final class LocalAws implements AutoCloseable {
    public static final Region REGION = Region.EU_WEST_1;
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One SNS message as a subscriber receives it. */
    public record Delivered(String subject, String message, Map<String, String> attributes) {
    }

    private final SnsClient sns;
    private final SqsClient sqs;
    private final SupportClient support;
    private final CloudWatchClient cloudWatch;
    private final URI endpoint;
    private String topicArn;
    private String queueUrl;

    public LocalAws(URI endpoint) {
        this.endpoint = endpoint;
        sns = SnsClient.builder().region(REGION).credentialsProvider(CREDENTIALS).endpointOverride(endpoint).build();
        sqs = SqsClient.builder().region(REGION).credentialsProvider(CREDENTIALS).endpointOverride(endpoint).build();
        support = SupportClient.builder().region(REGION).credentialsProvider(CREDENTIALS).endpointOverride(endpoint)
                .build();
        cloudWatch = CloudWatchClient.builder().region(REGION).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint).build();
    }

    /** Creates the notification topic and subscribes a queue to it; returns the topic ARN. */
    public String createTopic(String name) {
        subscribeTo(sns.createTopic(b -> b.name(name)).topicArn());
        return topicArn;
    }

    /**
     * Subscribes a new queue to a topic that exists (a stack's), as the team's subscription would be: {@link #delivered}
     * reads what it gets from then on.
     */
    public void subscribeTo(String topic) {
        topicArn = topic;
        String name = topic.substring(topic.lastIndexOf(':') + 1);
        queueUrl = sqs.createQueue(b -> b.queueName(name + "-inbox")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    }

    /**
     * Creates a metric alarm on a probe metric (with a VirtualInterfaceId dimension when one is given) and
     * puts it into ALARM, as a firing alarm that sent no event would be.
     */
    public void alarmInAlarm(String name, String vifDimension, boolean actionsEnabled) {
        cloudWatch.putMetricAlarm(b -> {
            b.alarmName(name).namespace("DX/Probe").metricName("PacketLossPercent").statistic("Average")
                    .period(60).evaluationPeriods(1).threshold(2.0).comparisonOperator("GreaterThanThreshold")
                    .actionsEnabled(actionsEnabled);
            if (vifDimension != null) {
                b.dimensions(d -> d.name("VirtualInterfaceId").value(vifDimension));
            }
        });
        cloudWatch.setAlarmState(b -> b.alarmName(name).stateValue("ALARM").stateReason("Threshold Crossed: loss 12%"));
    }

    /**
     * Creates a utilization alarm on AWS/DX's VirtualInterfaceBpsEgress, with the metric's ConnectionId and
     * VirtualInterfaceId dimensions as AWS's Direct Connect monitoring guidance suggests, and puts it into ALARM.
     */
    public void utilizationAlarmInAlarm(String name, String connectionId, String vifId) {
        cloudWatch.putMetricAlarm(b -> b.alarmName(name).namespace("AWS/DX").metricName("VirtualInterfaceBpsEgress")
                .dimensions(d -> d.name("ConnectionId").value(connectionId), d -> d.name("VirtualInterfaceId").value(vifId))
                .statistic("Average").period(300).evaluationPeriods(1).threshold(8e9)
                .comparisonOperator("GreaterThanThreshold").actionsEnabled(true));
        cloudWatch.setAlarmState(b -> b.alarmName(name).stateValue("ALARM")
                .stateReason("Threshold Crossed: 1 datapoint [9.1E9] was greater than the threshold (8.0E9)."));
    }

    /**
     * Puts a VIF's AWS/DX traffic into CloudWatch as Direct Connect would: VirtualInterfaceBpsEgress (and half of
     * it as Ingress) with the ConnectionId and VirtualInterfaceId dimensions, one datapoint every 5 minutes over
     * the last 20 minutes.
     */
    public void putTraffic(String vifId, String connectionId, double egressBps) {
        java.time.Instant now = java.time.Instant.now();
        List<software.amazon.awssdk.services.cloudwatch.model.MetricDatum> data = new ArrayList<>();
        for (int minutesAgo = 19; minutesAgo > 0; minutesAgo -= 5) {
            java.time.Instant at = now.minusSeconds(60L * minutesAgo);
            for (String metric : List.of("VirtualInterfaceBpsEgress", "VirtualInterfaceBpsIngress")) {
                double value = metric.endsWith("Egress") ? egressBps : egressBps / 2;
                data.add(software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder().metricName(metric)
                        .dimensions(d -> d.name("ConnectionId").value(connectionId),
                                d -> d.name("VirtualInterfaceId").value(vifId))
                        .timestamp(at).value(value).unit("Bits/Second").build());
            }
        }
        cloudWatch.putMetricData(b -> b.namespace("AWS/DX").metricData(data));
    }

    /** One 5-minute datapoint of a VIF's egress at {@code at} (ingress at half of it), for a practice run's window. */
    public void putTrafficAt(String vifId, String connectionId, java.time.Instant at, double egressBps) {
        List<software.amazon.awssdk.services.cloudwatch.model.MetricDatum> data = new ArrayList<>();
        for (String metric : List.of("VirtualInterfaceBpsEgress", "VirtualInterfaceBpsIngress")) {
            data.add(software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder().metricName(metric)
                    .dimensions(d -> d.name("ConnectionId").value(connectionId),
                            d -> d.name("VirtualInterfaceId").value(vifId))
                    .timestamp(at).value(metric.endsWith("Egress") ? egressBps : egressBps / 2).unit("Bits/Second")
                    .build());
        }
        cloudWatch.putMetricData(b -> b.namespace("AWS/DX").metricData(data));
    }

    /**
     * Around the first test in the fake's history: each VIF's "trafficBefore" 20 and 10 minutes before it started,
     * and its "trafficDuring" 10 and 20 minutes after, as a practice run's judgement reads them.
     */
    public void putPracticeTraffic(FakeDirectConnect dx) {
        if (dx.tests().isEmpty()) {
            return;
        }
        java.time.Instant start = dx.tests().get(0).start();
        for (String id : dx.vifIds()) {
            FakeDirectConnect.Vif v = dx.vif(id);
            for (int minutes : List.of(10, 20)) {
                if (v.trafficBeforeBps() != null) {
                    putTrafficAt(id, v.connectionId(), start.minusSeconds(60L * minutes), v.trafficBeforeBps());
                }
                if (v.trafficDuringBps() != null) {
                    putTrafficAt(id, v.connectionId(), start.plusSeconds(60L * minutes), v.trafficDuringBps());
                }
            }
        }
    }

    /** {@link #putTraffic} for every VIF of the fake Direct Connect that carries traffic. */
    public void putTraffic(FakeDirectConnect dx) {
        for (String id : dx.vifIds()) {
            FakeDirectConnect.Vif v = dx.vif(id);
            if (v.trafficBps() != null) {
                putTraffic(id, v.connectionId(), v.trafficBps());
            }
        }
    }

    /** Creates a metric alarm on a probe metric and sets it to {@code state} (OK, ALARM, INSUFFICIENT_DATA). */
    public void alarmInState(String name, String state) {
        cloudWatch.putMetricAlarm(b -> b.alarmName(name).namespace("Apps").metricName("5xx").statistic("Sum")
                .period(60).evaluationPeriods(1).threshold(10.0).comparisonOperator("GreaterThanThreshold")
                .actionsEnabled(true));
        cloudWatch.setAlarmState(b -> b.alarmName(name).stateValue(state).stateReason("set by the test"));
    }

    public void deleteTopic() {
        sns.deleteTopic(b -> b.topicArn(topicArn));
    }

    /** Every message delivered to the subscribed queue since the last call. */
    public List<Delivered> delivered() {
        List<Delivered> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            if (batch.isEmpty()) {
                return out;
            }
            for (Message m : batch) {
                Delivered d = parse(m.body());
                // Every message the real-SDK tests see is in the form for a phone (docs/behaviour.md §7).
                io.github.dxfailover.aws.SnsSubjectTest.assertPhoneForm(d.subject(), d.message(),
                        d.attributes().get("outcome"));
                out.add(d);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private static Delivered parse(String envelope) {
        try {
            JsonNode n = JSON.readTree(envelope);
            Map<String, String> attributes = new LinkedHashMap<>();
            n.path("MessageAttributes").fields().forEachRemaining(e ->
                    attributes.put(e.getKey(), e.getValue().path("Value").asText()));
            return new Delivered(n.path("Subject").asText(null), n.path("Message").asText(), attributes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not an SNS envelope: " + envelope, e);
        }
    }

    /**
     * A rule on {@code bus} with {@code pattern} whose target is a new SQS queue, as a team's rule to a ticket system
     * or an archive would be (docs/behaviour.md §20); returns the queue's URL for {@link #eventsIn}. A bus other than
     * the account's {@code default} is created first.
     */
    public String ruleToQueue(String bus, String pattern) {
        try (var events = software.amazon.awssdk.services.eventbridge.EventBridgeClient.builder().region(REGION)
                .credentialsProvider(CREDENTIALS).endpointOverride(endpoint).build()) {
            if (!bus.equals("default")) {
                events.createEventBus(b -> b.name(bus));
            }
            String url = sqs.createQueue(b -> b.queueName("events-" + bus.replaceAll("[^A-Za-z0-9_-]", "-"))).queueUrl();
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            events.putRule(b -> b.name("to-queue").eventBusName(bus).eventPattern(pattern));
            events.putTargets(b -> b.rule("to-queue").eventBusName(bus).targets(t -> t.id("queue").arn(arn)));
            return url;
        }
    }

    /** Every event the queue of {@link #ruleToQueue} received since the last call. */
    public List<JsonNode> eventsIn(String queueUrl) {
        List<JsonNode> out = new ArrayList<>();
        for (List<Message> batch; !(batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
                .messages()).isEmpty(); ) {
            for (Message m : batch) {
                try {
                    out.add(JSON.readTree(m.body()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("not an event: " + m.body(), e);
                }
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return out;
    }

    public List<CaseDetails> supportCases() {
        return support.describeCases(b -> b.includeResolvedCases(true).includeCommunications(true)).cases();
    }

    @Override
    public void close() {
        sns.close();
        sqs.close();
        support.close();
        cloudWatch.close();
    }
}
