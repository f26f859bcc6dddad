package io.github.dxfailover.input;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.PracticeSettings;
import io.github.dxfailover.config.VifId;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.VifDimension;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the Lambda input (the payload, or a JSON object already read into a map) into a {@link Request}.
 * Never throws: anything it does not understand becomes {@link Request.Invalid} with a message naming
 * the problem.
 */
public final class RequestParser {
    public static final String EVENTBRIDGE_DETAIL_TYPE = "CloudWatch Alarm State Change";
    public static final String SCHEDULED_EVENT = "Scheduled Event";
    /** How EventBridge delivers an AWS Health event: {@code source} and {@code detail-type} (docs/behaviour.md §2.6). */
    public static final String HEALTH_SOURCE = "aws.health";
    public static final String HEALTH_DETAIL_TYPE = "AWS Health Event";
    /** A Health window without an end lasts this long from its start (docs/behaviour.md §2.6, §17). */
    public static final Duration HEALTH_WINDOW_WITHOUT_END = Duration.ofHours(24);
    private static final String ACTIONS = "\"status\", \"failover\", \"restore\", \"reconcile\" or \"practice\"";
    private static final String EXPECTED_OBJECT = "expected a JSON object, found ";

    private RequestParser() {
    }

    /**
     * The payload as Lambda delivers it, read here rather than by Lambda's runtime (docs/behaviour.md §2):
     * a JSON object is read as {@link #parse(Map)} reads it; an empty payload or {@code null} is no input;
     * an array, a string, a number, a boolean or text that is not JSON is {@link Request.Invalid}.
     */
    @SuppressWarnings("unchecked")
    public static Request parsePayload(byte[] payload) {
        Object value;
        try {
            value = Payload.read(payload);
        } catch (Payload.Malformed e) {
            return new Request.Invalid(EXPECTED_OBJECT + e.getMessage(), true);
        }
        if (value == null || value instanceof Map) {
            return parse((Map<String, Object>) value);
        }
        return new Request.Invalid(EXPECTED_OBJECT + found(value), true);
    }

    public static Request parse(Map<String, Object> input) {
        if (input == null) {
            return new Request.Invalid(EXPECTED_OBJECT + "nothing", true);
        }
        try {
            if (input.containsKey("action")) {
                return command(input);
            }
            if ("aws.events".equals(input.get("source")) && SCHEDULED_EVENT.equals(input.get("detail-type"))) {
                return new Request.Reconcile(); // a classic EventBridge scheduled rule (docs/behaviour.md §2, item 4)
            }
            if (HEALTH_SOURCE.equals(input.get("source"))) {
                return health(input); // docs/behaviour.md §2.6, §17
            }
            if ("aws.cloudwatch".equals(input.get("source"))) {
                if (EVENTBRIDGE_DETAIL_TYPE.equals(input.get("detail-type"))) {
                    return alarm(input, "detail", "account");
                }
                if (input.containsKey("alarmData")) {
                    return alarm(input, "alarmData", "accountId");
                }
            }
            return new Request.Invalid("expected an EventBridge 'CloudWatch Alarm State Change' event, a CloudWatch "
                    + "alarm action, a scheduled event, or an operator command {\"action\": " + ACTIONS + "}; found an "
                    + "object with keys " + shortened(new TreeSet<>(input.keySet().stream().map(String::valueOf).toList())
                    .toString(), 200), true);
        } catch (BadInput e) {
            // Only an operator's command is answered in its result alone: anything else may have come from a caller
            // that reads no result (EventBridge, an alarm action), so the team is told (docs/behaviour.md §7).
            return new Request.Invalid(e.getMessage(), !input.containsKey("action"),
                    HEALTH_SOURCE.equals(input.get("source")));
        }
    }

    /**
     * An AWS Health event (docs/behaviour.md §2.6): the window's times in Health's RFC 1123 form or ISO-8601, no end =
     * 24 hours, the affected IDs from {@code resources} and {@code detail.affectedEntities[].entityValue}.
     */
    private static Request health(Map<String, Object> event) {
        if (!HEALTH_DETAIL_TYPE.equals(event.get("detail-type"))) {
            throw new BadInput("detail-type: expected \"" + HEALTH_DETAIL_TYPE + "\" for source aws.health, found "
                    + found(event.get("detail-type")));
        }
        Map<String, Object> detail = object(event, "detail", "detail");
        Instant start = time(detail, "startTime");
        if (start == null) {
            throw new BadInput("detail.startTime: expected a time (RFC 1123, as Health writes it, or ISO-8601), found "
                    + "nothing");
        }
        Instant end = time(detail, "endTime");
        Set<String> ids = new LinkedHashSet<>();
        if (event.get("resources") instanceof List<?> resources) {
            resources.forEach(r -> resourceId(r).ifPresent(ids::add));
        }
        if (detail.get("affectedEntities") instanceof List<?> entities) {
            for (Object e : entities) {
                if (e instanceof Map<?, ?> entity) {
                    resourceId(entity.get("entityValue")).ifPresent(ids::add);
                }
            }
        }
        Instant until = end != null ? end : start.plus(HEALTH_WINDOW_WITHOUT_END);
        return new Request.Maintenance(new HealthEvent(
                optionalString(detail, "service", "detail.service"),
                optionalString(detail, "eventTypeCategory", "detail.eventTypeCategory"),
                optionalString(detail, "eventTypeCode", "detail.eventTypeCode"),
                optionalString(detail, "statusCode", "detail.statusCode"),
                eventArn(detail, start, until, ids),
                start, until, List.copyOf(ids)));
    }

    /** A time as Health writes it ("Sat, 05 Dec 2026 02:00:00 GMT") or ISO-8601; null when absent. */
    private static Instant time(Map<String, Object> detail, String key) {
        String text = optionalString(detail, key, "detail." + key, null);
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant time;
        try {
            // Strict: a date that does not exist (31 Feb) is refused, not moved to the month's last day.
            time = ZonedDateTime.parse(text.strip(), RFC_1123_STRICT).toInstant();
        } catch (DateTimeParseException rfc) {
            try {
                time = OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException iso) {
                throw new BadInput("detail." + key + ": expected a time (RFC 1123, as Health writes it, e.g. "
                        + "\"Sat, 05 Dec 2026 02:00:00 GMT\", or ISO-8601), found \"" + shortened(text, 60) + "\"");
            }
        }
        int year = time.atZone(java.time.ZoneOffset.UTC).getYear();
        if (year < 2000 || year > 2999) {
            throw new BadInput("detail." + key + ": expected a time in the years 2000 to 2999, found \""
                    + shortened(text, 60) + "\"");
        }
        return time;
    }

    /** RFC 1123 as Health writes it, resolved strictly: the day must exist in its month, the weekday match it. */
    private static final DateTimeFormatter RFC_1123_STRICT = DateTimeFormatter.RFC_1123_DATE_TIME
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * The event ID (the last segment of {@code eventArn}) goes into a Direct Connect tag value with the window, the
     * effect and the resource (docs/behaviour.md §17): letters, digits and {@code _.:/=+-@} only (a space would split
     * the record), and short enough that the whole record — {@code <start>/<end> reduced <resource> <event ID>}, with
     * the longest resource the event names, and the word {@code untold} it carries until it is told (§8) — stays
     * within the {@value #MAX_TAG_VALUE} characters a tag value may hold.
     */
    private static String eventArn(Map<String, Object> detail, Instant start, Instant end, Set<String> resources) {
        String arn = string(detail, "eventArn", "detail.eventArn");
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        int longest = resources.stream().mapToInt(String::length).max().orElse(0);
        int room = MAX_TAG_VALUE - (start + "/" + end + " reduced " + "x".repeat(longest) + " " + " untold").length();
        if (id.isEmpty() || id.length() > room || !id.matches("[A-Za-z0-9_.:/=+\\-@]+")) {
            throw new BadInput("detail.eventArn: expected an ARN whose last segment (the event ID) is 1 to " + room
                    + " letters, digits or _.:=+-@ (it goes into the VIFs' tag, at most " + MAX_TAG_VALUE
                    + " characters with the window), found \"" + shortened(arn, 80) + "\"");
        }
        return arn;
    }

    /** What a Direct Connect tag value may hold. */
    static final int MAX_TAG_VALUE = 256;
    /** CloudWatch's limit for an alarm name. */
    static final int MAX_ALARM_NAME = 255;

    /** A Direct Connect ID, or an ARN ending in one ("arn:aws:directconnect:…:dxcon/dxcon-…"); else empty. */
    private static Optional<String> resourceId(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        String id = s.substring(s.lastIndexOf('/') + 1).strip();
        return id.matches("dx(con|lag|vif)-[a-z0-9]+") ? Optional.of(id) : Optional.empty();
    }

    /**
     * The two shapes of an alarm state change (docs/behaviour.md §2, items 1 and 2) differ only in where the alarm sits and what
     * the account field is called; {@code alarmKey} is "detail" or "alarmData".
     */
    private static Request alarm(Map<String, Object> event, String alarmKey, String accountKey) {
        Map<String, Object> data = object(event, alarmKey, alarmKey);
        Map<String, Object> state = object(data, "state", alarmKey + ".state");
        return new Request.Evaluate(new Alarm(
                alarmName(data, alarmKey + ".alarmName"),
                string(state, "value", alarmKey + ".state.value"),
                optionalString(state, "reason", alarmKey + ".state.reason"),
                optionalString(state, "timestamp", alarmKey + ".state.timestamp",
                        optionalString(event, "time", "time", "")),
                optionalString(event, "region", "region"),
                optionalString(event, accountKey, accountKey),
                vifDimensions(data.get("configuration"))), null);
    }

    /** The fields each command takes (docs/behaviour.md §2.3). */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "status", List.of("action"),
            "reconcile", List.of("action"),
            "restore", List.of("action", "virtualInterfaceId"),
            "practice", List.of("action", "virtualInterfaceId", "minutes"),
            "failover", List.of("action", "virtualInterfaceId", "minutes"));

    private static String alarmName(Map<String, Object> data, String path) {
        String name = string(data, "alarmName", path);
        if (name.isEmpty() || name.length() > MAX_ALARM_NAME) {
            throw new BadInput(path + ": expected 1 to " + MAX_ALARM_NAME + " characters (CloudWatch's limit), found "
                    + name.length() + " (\"" + shortened(name, 40) + "\")");
        }
        return name;
    }

    private static Request command(Map<String, Object> input) {
        String action = string(input, "action", "action");
        List<String> takes = FIELDS.get(action);
        if (takes != null) {
            // An operator who believes a field does something ("dryRun": true) must not get a real failover instead.
            List<String> others = input.keySet().stream().map(String::valueOf).filter(k -> !takes.contains(k))
                    .sorted().toList();
            if (!others.isEmpty()) {
                throw new BadInput("the " + action + " command takes " + String.join(", ", takes.stream()
                        .map(f -> "\"" + f + "\"").toList()) + "; found " + (others.size() == 1 ? "the field " : "the fields ")
                        + String.join(", ", others.stream().limit(5).map(f -> "\"" + shortened(f, 40) + "\"").toList())
                        + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : "") + ", which it does not take");
            }
        }
        return switch (action) {
            case "status" -> new Request.Status();
            case "reconcile" -> new Request.Reconcile();
            case "restore" -> new Request.Restore(vifId(input));
            case "practice" -> new Request.Practice(input.containsKey("virtualInterfaceId") ? vifId(input) : null,
                    minutes(input.get("minutes"), PracticeSettings.MIN_MINUTES, PracticeSettings.MAX_MINUTES));
            case "failover" -> {
                String vifId = vifId(input);
                yield new Request.Evaluate(new OperatorCommand(action, vifId), minutes(input.get("minutes"),
                        FailoverConfig.MIN_TEST_MINUTES, FailoverConfig.MAX_TEST_MINUTES));
            }
            default -> throw new BadInput("action: expected " + ACTIONS + ", found \"" + action + "\"");
        };
    }

    private static String vifId(Map<String, Object> input) {
        String vifId = string(input, "virtualInterfaceId", "virtualInterfaceId");
        if (!VifId.isValid(vifId)) {
            throw new BadInput("virtualInterfaceId: expected " + VifId.EXPECTED + ", found \"" + vifId + "\"");
        }
        return vifId;
    }

    private static Integer minutes(Object value, int min, int max) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.intValue();
        }
        throw new BadInput("minutes: expected a whole number from " + min + " to " + max + ", found " + found(value));
    }

    /**
     * The VirtualInterfaceId dimensions of configuration.metrics[].metricStat.metric, each with its
     * metric's namespace (docs/behaviour.md §3: an AWS/DX metric names no VIF); absent parts are skipped.
     */
    private static List<VifDimension> vifDimensions(Object configuration) {
        List<VifDimension> found = new ArrayList<>();
        if (configuration instanceof Map<?, ?> config && config.get("metrics") instanceof List<?> metrics) {
            for (Object metric : metrics) {
                if (metric instanceof Map<?, ?> m && m.get("metricStat") instanceof Map<?, ?> stat
                        && stat.get("metric") instanceof Map<?, ?> metricDef
                        && metricDef.get("dimensions") instanceof Map<?, ?> dimensions
                        && dimensions.get(VifDimension.NAME) instanceof String id) {
                    found.add(new VifDimension(metricDef.get("namespace") instanceof String ns ? ns : "", id));
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String key, String path) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new BadInput(path + ": expected an object, found " + found(value));
    }

    private static String string(Map<String, Object> parent, String key, String path) {
        Object value = parent.get(key);
        if (value instanceof String s) {
            return s;
        }
        throw new BadInput(path + ": expected a string, found " + found(value));
    }

    private static String optionalString(Map<String, Object> parent, String key, String path) {
        return optionalString(parent, key, path, "");
    }

    private static String optionalString(Map<String, Object> parent, String key, String path, String dflt) {
        Object value = parent.get(key);
        if (value == null) {
            return dflt;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new BadInput(path + ": expected a string, found " + found(value));
    }

    private static String found(Object value) {
        if (value == null) {
            return "nothing";
        }
        String type = value instanceof Map ? "an object" : value instanceof List ? "a list"
                : value instanceof String ? "a string" : value instanceof Number ? "a number"
                : value instanceof Boolean ? "a boolean" : value.getClass().getSimpleName();
        return type + " (" + shortened(String.valueOf(value), 40) + ")";
    }

    static String shortened(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }
}
