package io.github.dxfailover.input;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.alarmAction;
import static io.github.dxfailover.Fixtures.command;
import static io.github.dxfailover.Fixtures.eventBridgeAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.VifDimension;
import io.github.dxfailover.local.LambdaJavaRuntimeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The input shapes of docs/behaviour.md §2 and the VIF of docs/behaviour.md §3. */
class RequestParserTest {

    @Test
    void readsAnEventBridgeAlarm() {
        Request r = RequestParser.parse(eventBridgeAlarm(VIF_A + " packet loss", "ALARM"));
        assertThat(r).isInstanceOf(Request.Evaluate.class);
        Alarm a = (Alarm) ((Request.Evaluate) r).trigger();
        assertThat(a.name()).isEqualTo(VIF_A + " packet loss");
        assertThat(a.state()).isEqualTo("ALARM");
        assertThat(a.reason()).isEqualTo("Threshold Crossed");
        assertThat(a.region()).isEqualTo("eu-west-1");
        assertThat(a.account()).isEqualTo("123456789012");
        assertThat(a.vifId()).isEqualTo(VIF_A);
        assertThat(((Request.Evaluate) r).minutes()).isNull();
    }

    @Test
    void readsAnAlarmAction() {
        Alarm a = (Alarm) ((Request.Evaluate) RequestParser.parse(Fixtures.alarmAction(VIF_B + " latency", "OK"))).trigger();
        assertThat(a.state()).isEqualTo("OK");
        assertThat(a.account()).isEqualTo("123456789012");
        assertThat(a.vifId()).isEqualTo(VIF_B);
    }

    @Test
    void vifFromTheMetricDimensionInBothShapes() {
        Alarm viaEventBridge = (Alarm) ((Request.Evaluate) RequestParser.parse(
                eventBridgeAlarm("loss to 10.1.1.1", "ALARM", VIF_B))).trigger();
        Alarm viaAction = (Alarm) ((Request.Evaluate) RequestParser.parse(
                alarmAction("loss to 10.1.1.1", "ALARM", VIF_B))).trigger();
        assertThat(viaEventBridge.vifId()).isEqualTo(VIF_B);
        assertThat(viaAction.vifId()).isEqualTo(VIF_B);
    }

    @Test
    void compositeAlarmWithoutMetricsNamesTheVifByName() {
        Map<String, Object> event = eventBridgeAlarm(VIF_A + " composite", "ALARM");
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        detail.put("configuration", Map.of("alarmRule", "ALARM(a) OR ALARM(b)"));
        assertThat(((Request.Evaluate) RequestParser.parse(event)).trigger().vifId()).isEqualTo(VIF_A);
    }

    @Test
    void operatorCommands() {
        assertThat(RequestParser.parse(command("action", "status"))).isInstanceOf(Request.Status.class);
        assertThat(RequestParser.parse(command("action", "restore", "virtualInterfaceId", VIF_A)))
                .isEqualTo(new Request.Restore(VIF_A));
        Request.Evaluate failover = (Request.Evaluate) RequestParser.parse(
                command("action", "failover", "virtualInterfaceId", VIF_A, "minutes", 60));
        assertThat(failover.minutes()).isEqualTo(60);
        assertThat(failover.trigger().asksToAct()).isTrue();
        assertThat(failover.trigger().vifId()).isEqualTo(VIF_A);
        Request.Evaluate noMinutes = (Request.Evaluate) RequestParser.parse(
                command("action", "failover", "virtualInterfaceId", VIF_A));
        assertThat(noMinutes.minutes()).isNull();
    }

    static Stream<Arguments> badInputs() {
        Map<String, Object> noState = eventBridgeAlarm(VIF_A, "ALARM");
        ((Map<?, ?>) noState.get("detail")).remove("state");
        Map<String, Object> numericName = eventBridgeAlarm(VIF_A, "ALARM");
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) numericName.get("detail");
        detail.put("alarmName", 42);
        Map<String, Object> detailList = new HashMap<>(eventBridgeAlarm(VIF_A, "ALARM"));
        detailList.put("detail", List.of());
        Map<String, Object> otherSource = new LinkedHashMap<>(eventBridgeAlarm(VIF_A, "ALARM"));
        otherSource.put("source", "aws.ec2");
        return Stream.of(
                Arguments.of(Map.of(), "found an object with keys []"),
                Arguments.of(Map.of("hello", "world"), "found an object with keys [hello]"),
                Arguments.of(otherSource, "expected an EventBridge 'CloudWatch Alarm State Change' event"),
                Arguments.of(noState, "detail.state: expected an object, found nothing"),
                Arguments.of(numericName, "detail.alarmName: expected a string, found a number (42)"),
                Arguments.of(detailList, "detail: expected an object, found a list"),
                Arguments.of(command("action", "reboot"), "action: expected \"status\", \"failover\", \"restore\", \"reconcile\" or \"practice\", found \"reboot\""),
                Arguments.of(command("action", 7), "action: expected a string, found a number (7)"),
                Arguments.of(command("action", "failover"), "virtualInterfaceId: expected a string, found nothing"),
                Arguments.of(command("action", "restore", "virtualInterfaceId", "dxvif-x"),
                        "virtualInterfaceId: expected dxvif- followed by 8 or more lowercase letters or digits, found \"dxvif-x\""),
                Arguments.of(command("action", "failover", "virtualInterfaceId", VIF_A, "minutes", "60"),
                        "minutes: expected a whole number from 1 to 4320, found a string (60)"),
                Arguments.of(command("action", "failover", "virtualInterfaceId", VIF_A, "minutes", 0), "found a number (0)"),
                Arguments.of(command("action", "failover", "virtualInterfaceId", VIF_A, "minutes", 4321), "found a number (4321)"),
                Arguments.of(command("action", "failover", "virtualInterfaceId", VIF_A, "minutes", 1.5), "found a number (1.5)"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsInvalidWithAMessageNamingTheProblem(Map<String, Object> input, String message) {
        Request r = RequestParser.parse(input);
        assertThat(r).isInstanceOf(Request.Invalid.class);
        assertThat(((Request.Invalid) r).problem()).contains(message);
    }

    @Test
    void nullInputIsInvalid() {
        assertThat(RequestParser.parse(null)).isInstanceOf(Request.Invalid.class);
    }

    /** Every sample, and objects whose numbers and strings test the reading, as JSON text. */
    static Stream<String> objectPayloads() throws IOException {
        List<String> payloads = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("events"))) {
            for (Path file : files.sorted().toList()) {
                payloads.add(Files.readString(file));
            }
        }
        for (String minutes : List.of("60", "60.0", "6e1", "6E+1", "-0", "0.5", "60.5", "4320.0000001", "2147483648",
                "12345678901", "123456789012345678901234", "1e400", "-1e400", "true", "null", "[60]", "{\"m\": 60}")) {
            payloads.add(FAILOVER_FOR_MINUTES + minutes + "}");
        }
        payloads.addAll(List.of(
                "{\"action\": \"practice\", \"minutes\": 30.0}",
                "{\"action\": \"st\\u0061tus\"}",
                "{\"action\": \"caf\u00e9 \\ud83d\\ude00 \\\" \\n\"}",
                "  {\"a\": [1, 2.5, null, true, {\"b\": []}], \"c\": -7}  ",
                "{}"));
        return payloads.stream();
    }

    private static final String FAILOVER_FOR_MINUTES =
            "{\"action\": \"failover\", \"virtualInterfaceId\": \"" + VIF_A + "\", \"minutes\": ";

    /**
     * The handler reads its payload itself now (docs/behaviour.md §2): every JSON object is the same request as
     * when Lambda's Java runtime read it into the handler's map, numbers included (Integer, Long, BigInteger or
     * Double, as the checks on minutes expect) and every message word for word.
     */
    @ParameterizedTest
    @MethodSource("objectPayloads")
    void aJsonObjectIsTheRequestItWasWhenLambdasRuntimeReadIt(String payload) {
        assertThat(payload(payload)).isEqualTo(RequestParser.parse(LambdaJavaRuntimeJson.read(payload)));
    }

    @Test
    void numbersOfAPayloadAreCheckedAsBefore() {
        assertThat(((Request.Evaluate) payload(FAILOVER_FOR_MINUTES + "6e1}")).minutes()).isEqualTo(60);
        assertThat(payload(FAILOVER_FOR_MINUTES + "60.5}")).isEqualTo(new Request.Invalid(
                "minutes: expected a whole number from 1 to 4320, found a number (60.5)", false));
        assertThat(payload(FAILOVER_FOR_MINUTES + "12345678901}")).isEqualTo(new Request.Invalid(
                "minutes: expected a whole number from 1 to 4320, found a number (12345678901)", false));
    }

    static Stream<Arguments> payloadsThatAreNotAnObject() throws IOException {
        String alarm = Files.readString(Path.of("events", "eventbridge-metric-alarm.json"));
        return Stream.of(
                Arguments.of("[" + alarm + ", " + alarm.replace(VIF_A, VIF_B) + "]",
                        "expected a JSON object, found a list ([{version=0, id=c4c1c1c9-6542-e61b-6ef0-…)"),
                Arguments.of("[" + alarm + "]", "expected a JSON object, found a list ([{version=0, id="),
                Arguments.of("[]", "expected a JSON object, found a list ([])"),
                Arguments.of("\"status\"", "expected a JSON object, found a string (status)"),
                Arguments.of("\"\"", "expected a JSON object, found a string ()"),
                Arguments.of("42", "expected a JSON object, found a number (42)"),
                Arguments.of("-1.5e3", "expected a JSON object, found a number (-1500.0)"),
                Arguments.of("true", "expected a JSON object, found a boolean (true)"),
                Arguments.of("null", "expected a JSON object, found nothing"),
                Arguments.of("", "expected a JSON object, found nothing"),
                Arguments.of(" \n\t ", "expected a JSON object, found nothing"),
                Arguments.of("{\"action\": ", "expected a JSON object, found text that is not JSON (Unexpected "
                        + "end-of-input within/between Object entries at line 1, column 12)"),
                Arguments.of("{\"action\": \"status\",\n}", "expected a JSON object, found text that is not JSON "
                        + "(Unexpected character ('}' (code 125)): was expecting double-quote to start field name at "
                        + "line 2, column 1)"),
                Arguments.of("{'action': 'status'}", "expected a JSON object, found text that is not JSON (Unexpected "
                        + "character (''' (code 39)): was expecting double-quote to start field name at line 1, column 2)"),
                Arguments.of("status", "expected a JSON object, found text that is not JSON (Unrecognized token "
                        + "'status': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') "
                        + "at line 1, column 7)"),
                // Strict (docs/behaviour.md §2; issue 35): Lambda's runtime let the last key win and ignored the rest.
                Arguments.of("{\"action\": \"status\", \"action\": \"failover\"}", "expected a JSON object, found text "
                        + "that is not JSON (Duplicate field 'action' at line 1, column 30)"),
                Arguments.of("{\"action\": \"status\"} and then some text", "expected a JSON object, found text that "
                        + "is not JSON (Unrecognized token 'and'"),
                Arguments.of("{\"action\": \"status\"}{\"action\": \"reconcile\"}", "expected a JSON object, found "
                        + "text that is not JSON (content after the JSON value at line 1, column 21)"),
                Arguments.of("{\"action\": /* a comment */ \"status\"}", "expected a JSON object, found text that is "
                        + "not JSON (Unexpected character ('/' (code 47)): maybe a (non-standard) comment?"),
                Arguments.of("// a comment\n{\"action\": \"status\"}", "expected a JSON object, found text that is "
                        + "not JSON (Unexpected character ('/' (code 47))"));
    }

    /** docs/behaviour.md §2: a payload that is not one JSON object is Invalid, with what was expected and found. */
    @ParameterizedTest
    @MethodSource("payloadsThatAreNotAnObject")
    void aPayloadThatIsNotAJsonObjectIsInvalidSayingWhatWasFound(String payload, String message) {
        Request read = payload(payload);
        assertThat(read).isInstanceOf(Request.Invalid.class);
        assertThat(((Request.Invalid) read).problem()).startsWith(message);
    }

    @Test
    void whiteSpaceAroundTheValueIsFine() {
        assertThat(payload(" \n\t{\"action\": \"status\"}  \r\n ")).isEqualTo(new Request.Status());
    }

    @Test
    void bytesThatAreNotJsonTextAreInvalidInOneShortLine() {
        List<byte[]> payloads = List.of(
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'}, // not UTF-8
                "[".repeat(5_000).getBytes(StandardCharsets.UTF_8), // deeper than the parser reads
                ("{\"action\": " + "x".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8));
        for (byte[] payload : payloads) {
            Request read = RequestParser.parsePayload(payload);
            assertThat(read).isInstanceOf(Request.Invalid.class);
            assertThat(((Request.Invalid) read).problem()).startsWith("expected a JSON object, found ")
                    .doesNotContain("\n").hasSizeLessThan(220);
        }
    }

    private static Request payload(String text) {
        return RequestParser.parsePayload(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDimensionOnAnAwsDxMetricNamesNoVifInBothShapes() {
        for (Map<String, Object> event : List.of(eventBridgeAlarm("DX link 1 utilization high", "ALARM", VIF_B),
                alarmAction("DX link 1 utilization high", "ALARM", VIF_B))) {
            Alarm alarm = (Alarm) ((Request.Evaluate) RequestParser.parse(Fixtures.onAwsDxUtilization(event, VIF_B)))
                    .trigger();
            assertThat(alarm.vifDimensions()).containsExactly(new VifDimension("AWS/DX", VIF_B));
            assertThat(alarm.vifId()).isNull();
            assertThat(alarm.onlyAwsDxOrOwnDimensions()).isTrue();
        }
    }

    private static Map<String, Object> health(Map<String, Object> detail, List<String> resources) {
        Map<String, Object> event = new java.util.HashMap<>(Map.of("source", "aws.health", "detail-type",
                "AWS Health Event", "detail", detail));
        if (resources != null) {
            event.put("resources", resources);
        }
        return event;
    }

    private static Map<String, Object> detail(String start, String end) {
        Map<String, Object> d = new java.util.HashMap<>(Map.of("service", "DIRECTCONNECT", "eventTypeCategory",
                "scheduledChange", "eventTypeCode", "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED", "statusCode", "upcoming",
                "eventArn", "arn:aws:health:eu-west-1::event/DIRECTCONNECT/AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/e-1",
                "affectedEntities", List.of(Map.of("entityValue", "arn:aws:directconnect:eu-west-1:123456789012:dxlag/dxlag-ffab12cd"))));
        if (start != null) {
            d.put("startTime", start);
        }
        if (end != null) {
            d.put("endTime", end);
        }
        return d;
    }

    /** docs/behaviour.md §2.6, §17: Health's RFC 1123 times and ISO-8601, no end = 24 hours, ARNs cut to IDs. */
    @Test
    void anAwsHealthEventIsAMaintenanceRequest() {
        Request r = RequestParser.parse(health(detail("Sat, 05 Dec 2026 02:00:00 GMT", "2026-12-05T06:30:00Z"),
                List.of("dxcon-fgaa0001", "not-an-id")));
        assertThat(r).isInstanceOf(Request.Maintenance.class);
        var e = ((Request.Maintenance) r).event();
        assertThat(e.start()).isEqualTo(java.time.Instant.parse("2026-12-05T02:00:00Z"));
        assertThat(e.end()).isEqualTo(java.time.Instant.parse("2026-12-05T06:30:00Z"));
        assertThat(e.resources()).containsExactly("dxcon-fgaa0001", "dxlag-ffab12cd");
        assertThat(e.eventId()).isEqualTo("e-1");
        assertThat(e.isMaintenance()).isTrue();
        var noEnd = ((Request.Maintenance) RequestParser.parse(health(detail("2026-12-05T02:00:00+01:00", null),
                null))).event();
        assertThat(noEnd.start()).isEqualTo(java.time.Instant.parse("2026-12-05T01:00:00Z"));
        assertThat(noEnd.end()).as("24 hours without an end").isEqualTo(java.time.Instant.parse("2026-12-06T01:00:00Z"));
    }

    @Test
    void aHealthEventWithoutAReadableStartIsRejectedAndTold() {
        Request missing = RequestParser.parse(health(detail(null, null), null));
        assertThat(missing).isEqualTo(new Request.Invalid("detail.startTime: expected a time (RFC 1123, as Health "
                + "writes it, or ISO-8601), found nothing", true, true));
        Request unreadable = RequestParser.parse(health(detail("next Saturday", null), null));
        assertThat(unreadable).isEqualTo(new Request.Invalid("detail.startTime: expected a time (RFC 1123, as Health "
                + "writes it, e.g. \"Sat, 05 Dec 2026 02:00:00 GMT\", or ISO-8601), found \"next Saturday\"", true, true));
        Request noDetail = RequestParser.parse(Map.of("source", "aws.health", "detail-type", "AWS Health Event"));
        assertThat(noDetail).isEqualTo(new Request.Invalid("detail: expected an object, found nothing", true, true));
        assertThat(RequestParser.parse(Map.of("action", "nope"))).isInstanceOf(Request.Invalid.class)
                .extracting(x -> ((Request.Invalid) x).notified()).isEqualTo(false);
    }
}
