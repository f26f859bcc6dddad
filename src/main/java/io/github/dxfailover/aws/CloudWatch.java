package io.github.dxfailover.aws;

import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.Alarms;
import io.github.dxfailover.port.Traffic;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.VifDimension;
import io.github.dxfailover.decision.VifState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The {@link Alarms} and the {@link Traffic} of the service, over CloudWatch: the alarms now in ALARM (reconcile,
 * status, practice runs: docs/behaviour.md §13, §14, §16), alarms by name (a muted alarm, the practice watch), and
 * each VIF's AWS/DX traffic (the capacity step and the judging of a practice run, §15, §16).
 *
 * @param client the CloudWatch client
 * @param clock  when "now" is, for how long an alarm has been in ALARM
 */
public record CloudWatch(CloudWatchClient client, Clock clock) implements Alarms, Traffic {
    /** The statistic of §15: 5-minute averages. */
    private static final int PERIOD_SECONDS = 300;
    private static final List<String> TRAFFIC = List.of("VirtualInterfaceBpsEgress", "VirtualInterfaceBpsIngress");
    /** GetMetricData takes at most 500 queries a call (its MetricDataQueries' limit). */
    static final int MAX_QUERIES = 500;

    /**
     * Every metric and composite alarm in ALARM, following NextToken. Both types are named: without
     * AlarmTypes CloudWatch returns metric alarms only.
     */
    @Override
    public List<FiringAlarm> readFiring() {
        List<FiringAlarm> firing = new ArrayList<>();
        Instant now = clock.instant();
        try {
            Pages.each(token -> client.describeAlarms(DescribeAlarmsRequest.builder().stateValue(StateValue.ALARM)
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).nextToken(token).build()),
                    DescribeAlarmsResponse::nextToken, page -> {
                        for (MetricAlarm m : page.metricAlarms()) {
                            firing.add(firing(m.alarmName(), m.alarmArn(), m.stateReason(),
                                    since(m.stateTransitionedTimestamp(), m.stateUpdatedTimestamp()),
                                    m.actionsEnabled(), vifDimensions(m), now));
                        }
                        for (CompositeAlarm c : page.compositeAlarms()) {
                            firing.add(firing(c.alarmName(), c.alarmArn(), c.stateReason(),
                                    since(c.stateTransitionedTimestamp(), c.stateUpdatedTimestamp()),
                                    c.actionsEnabled(), List.of(), now));
                        }
                    });
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.DESCRIBE_ALARMS, null, e);
        }
        return firing;
    }

    /**
     * Whether the named alarm's actions are enabled, or empty when CloudWatch has no such alarm. An
     * operator mutes an alarm by disabling its actions; EventBridge still sends its state changes.
     */
    @Override
    public Optional<Boolean> actionsEnabled(String alarmName) {
        return named(List.of(alarmName)).stream().findFirst().map(Named::actionsEnabled);
    }

    /**
     * The state (ALARM, OK, INSUFFICIENT_DATA) of each named alarm, metric or composite; an alarm that does
     * not exist is absent.
     */
    @Override
    public Map<String, String> statesOf(List<String> alarmNames) {
        Map<String, String> states = new HashMap<>();
        named(alarmNames).forEach(n -> states.put(n.name(), n.state()));
        return states;
    }

    /** An alarm looked up by name. */
    private record Named(String name, String state, boolean actionsEnabled) {
    }

    /** DescribeAlarms by name, metric and composite alarms, 100 names a call, following NextToken. */
    private List<Named> named(List<String> alarmNames) {
        List<Named> found = new ArrayList<>();
        try {
            for (int from = 0; from < alarmNames.size(); from += 100) {
                List<String> names = alarmNames.subList(from, Math.min(from + 100, alarmNames.size()));
                Pages.each(token -> client.describeAlarms(DescribeAlarmsRequest.builder().alarmNames(names)
                                .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).nextToken(token).build()),
                        DescribeAlarmsResponse::nextToken, page -> {
                            page.metricAlarms().forEach(m -> found.add(new Named(m.alarmName(), m.stateValueAsString(),
                                    m.actionsEnabled() == null || m.actionsEnabled())));
                            page.compositeAlarms().forEach(c -> found.add(new Named(c.alarmName(),
                                    c.stateValueAsString(), c.actionsEnabled() == null || c.actionsEnabled())));
                        });
            }
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.DESCRIBE_ALARMS, null, e);
        }
        return found;
    }

    /**
     * Each VIF's 5-minute averages between {@code from} and {@code to}, by the start of their period, the higher
     * of egress and ingress: two queries a VIF, in as few GetMetricData calls as CloudWatch allows — at most
     * {@value #MAX_QUERIES} queries each (docs/behaviour.md §18: 300 VIFs are 600 queries, two calls) — each following
     * NextToken. A VIF's two queries go in the same call.
     */
    @Override
    public Map<String, Map<Instant, Double>> readTraffic(List<VifState> vifs, Instant from, Instant to) {
        List<MetricDataQuery> queries = new ArrayList<>();
        Map<String, String> vifByQuery = new HashMap<>();
        for (int i = 0; i < vifs.size(); i++) {
            VifState vif = vifs.get(i);
            for (int m = 0; m < TRAFFIC.size(); m++) {
                String id = "v" + i + "m" + m; // query IDs: a lower-case letter first, then letters and digits
                vifByQuery.put(id, vif.id());
                List<Dimension> dimensions = new ArrayList<>();
                if (vif.connectionId() != null) {
                    dimensions.add(Dimension.builder().name("ConnectionId").value(vif.connectionId()).build());
                }
                dimensions.add(Dimension.builder().name(VifDimension.NAME).value(vif.id()).build());
                queries.add(MetricDataQuery.builder().id(id).returnData(true).metricStat(MetricStat.builder()
                        .metric(Metric.builder().namespace("AWS/DX").metricName(TRAFFIC.get(m)).dimensions(dimensions)
                                .build())
                        .period(PERIOD_SECONDS).stat("Average").build()).build());
            }
        }
        Map<String, Map<Instant, Double>> traffic = new HashMap<>();
        int perCall = MAX_QUERIES - MAX_QUERIES % TRAFFIC.size();
        try {
            for (int first = 0; first < queries.size(); first += perCall) {
                List<MetricDataQuery> call = queries.subList(first, Math.min(first + perCall, queries.size()));
                Pages.each(token -> client.getMetricData(GetMetricDataRequest.builder().metricDataQueries(call)
                        .startTime(from).endTime(to).nextToken(token).build()), GetMetricDataResponse::nextToken,
                        page -> {
                            for (MetricDataResult r : page.metricDataResults()) {
                                Map<Instant, Double> points = traffic.computeIfAbsent(vifByQuery.get(r.id()),
                                        v -> new HashMap<>());
                                for (int i = 0; i < r.values().size() && i < r.timestamps().size(); i++) {
                                    points.merge(r.timestamps().get(i), r.values().get(i), Math::max);
                                }
                            }
                        });
            }
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.GET_METRIC_DATA, null, e);
        }
        traffic.values().removeIf(Map::isEmpty);
        return traffic;
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
        Stream<VifDimension> own = m.dimensions().stream().filter(CloudWatch::isVif)
                .map(d -> new VifDimension(m.namespace(), d.value()));
        Stream<VifDimension> ofMetrics = m.metrics().stream()
                .filter(q -> q.metricStat() != null && q.metricStat().metric() != null)
                .map(q -> q.metricStat().metric())
                .flatMap(metric -> metric.dimensions().stream().filter(CloudWatch::isVif)
                        .map(d -> new VifDimension(metric.namespace(), d.value())));
        return Stream.concat(own, ofMetrics).toList();
    }

    private static boolean isVif(Dimension d) {
        return VifDimension.NAME.equals(d.name());
    }
}
