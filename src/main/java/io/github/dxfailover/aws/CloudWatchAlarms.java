package io.github.dxfailover.aws;

import io.github.dxfailover.aws.AwsCallFailed.Call;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.VifDimension;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The alarms now in state ALARM, read from CloudWatch for the reconcile pass and the status
 * (docs/behaviour.md §13, §14).
 *
 * @param client the CloudWatch client
 * @param clock  when "now" is, for how long an alarm has been in ALARM
 */
public record CloudWatchAlarms(CloudWatchClient client, Clock clock) {
    static final String VIF_DIMENSION = "VirtualInterfaceId";

    /**
     * Every metric and composite alarm in ALARM, following NextToken. Both types are named: without
     * AlarmTypes CloudWatch returns metric alarms only.
     */
    public List<FiringAlarm> readFiring() {
        List<FiringAlarm> firing = new ArrayList<>();
        Instant now = clock.instant();
        String token = null;
        try {
            do {
                DescribeAlarmsResponse page = client.describeAlarms(DescribeAlarmsRequest.builder()
                        .stateValue(StateValue.ALARM)
                        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
                        .nextToken(token).build());
                for (MetricAlarm m : page.metricAlarms()) {
                    firing.add(firing(m.alarmName(), m.alarmArn(), m.stateReason(),
                            since(m.stateTransitionedTimestamp(), m.stateUpdatedTimestamp()), m.actionsEnabled(),
                            vifDimensions(m), now));
                }
                for (CompositeAlarm c : page.compositeAlarms()) {
                    firing.add(firing(c.alarmName(), c.alarmArn(), c.stateReason(),
                            since(c.stateTransitionedTimestamp(), c.stateUpdatedTimestamp()), c.actionsEnabled(),
                            List.of(), now));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.DESCRIBE_ALARMS, null, e);
        }
        return firing;
    }

    /**
     * Whether the named alarm's actions are enabled, or empty when CloudWatch has no such alarm. An
     * operator mutes an alarm by disabling its actions; EventBridge still sends its state changes.
     */
    public Optional<Boolean> actionsEnabled(String alarmName) {
        DescribeAlarmsResponse r;
        try {
            r = client.describeAlarms(DescribeAlarmsRequest.builder()
                    .alarmNames(alarmName).alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).build());
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.DESCRIBE_ALARMS, null, e);
        }
        return Stream.concat(r.metricAlarms().stream().map(MetricAlarm::actionsEnabled),
                        r.compositeAlarms().stream().map(CompositeAlarm::actionsEnabled))
                .findFirst().map(enabled -> enabled == null || enabled);
    }

    private static FiringAlarm firing(String name, String arn, String reason, Instant since, Boolean actionsEnabled,
                                      List<VifDimension> vifDimensions, Instant now) {
        // arn:partition:cloudwatch:region:account:alarm:name
        String[] parts = arn == null ? new String[0] : arn.split(":", 7);
        Alarm alarm = new Alarm(name, Alarm.ALARM, reason == null ? "" : reason,
                since == null ? "" : since.toString(), parts.length > 3 ? parts[3] : "",
                parts.length > 4 ? parts[4] : "", vifDimensions);
        return new FiringAlarm(alarm, since == null ? now : since, actionsEnabled == null || actionsEnabled, now);
    }

    /**
     * When the alarm went into ALARM: StateTransitionedTimestamp, which only a change of state moves
     * (StateUpdatedTimestamp also moves when the alarm is re-evaluated), else StateUpdatedTimestamp.
     */
    private static Instant since(Instant transitioned, Instant updated) {
        return transitioned != null ? transitioned : updated;
    }

    /**
     * VirtualInterfaceId dimensions of the alarm's own metric, or of the metrics of its metric-math
     * expression, each with its metric's namespace (an AWS/DX metric names no VIF: docs/behaviour.md §3).
     */
    private static List<VifDimension> vifDimensions(MetricAlarm m) {
        Stream<VifDimension> own = m.dimensions().stream().filter(CloudWatchAlarms::isVif)
                .map(d -> new VifDimension(m.namespace(), d.value()));
        Stream<VifDimension> ofMetrics = m.metrics().stream()
                .filter(q -> q.metricStat() != null && q.metricStat().metric() != null)
                .map(q -> q.metricStat().metric())
                .flatMap(metric -> metric.dimensions().stream().filter(CloudWatchAlarms::isVif)
                        .map(d -> new VifDimension(metric.namespace(), d.value())));
        return Stream.concat(own, ofMetrics).toList();
    }

    private static boolean isVif(Dimension d) {
        return VIF_DIMENSION.equals(d.name());
    }
}
