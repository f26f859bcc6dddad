package io.github.dxfailover.input;

import static io.github.dxfailover.Fixtures.VIF_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strict, bounded input (docs/behaviour.md §2; issue 35): each case is REJECTED with what was wrong. */
class StrictInputTest {
    private static Request.Invalid invalid(Request r) {
        assertThat(r).isInstanceOf(Request.Invalid.class);
        return (Request.Invalid) r;
    }

    private static Request read(byte[] payload) {
        return RequestParser.parsePayload(payload);
    }

    private static Request read(String payload) {
        return read(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEncodedSurrogateIsNotUtf8() {
        byte[] payload = "{\"action\": \"status\", \"x\": \"??? \"}".getBytes(StandardCharsets.UTF_8);
        int at = new String(payload, StandardCharsets.UTF_8).indexOf("???");
        payload[at] = (byte) 0xED;
        payload[at + 1] = (byte) 0xA0;
        payload[at + 2] = (byte) 0x80;
        assertThat(invalid(read(payload)).problem())
                .isEqualTo("expected a JSON object, found bytes that are not UTF-8 at byte " + at + " (ED A0 80)");
    }

    @Test
    void aPayloadOver256KbIsRefusedUnread() {
        String big = "{\"action\": \"status\", \"x\": \"" + "a".repeat(256 * 1024) + "\"}";
        Request.Invalid r = invalid(read(big));
        assertThat(r.problem()).startsWith("expected a JSON object, found a payload of " + big.length() + " bytes, over the "
                + "262144 bytes (256 KB) an EventBridge event may have (not read)");
        assertThat(r.notified()).isTrue();
        String justUnder = "{\"action\": \"status\"" + " ".repeat(256 * 1024 - 21) + "}";
        assertThat(read(justUnder)).isEqualTo(new Request.Status());
    }

    static Stream<Arguments> commandsWithAFieldTheyDoNotTake() {
        return Stream.of(
                Arguments.of("{\"action\": \"failover\", \"virtualInterfaceId\": \"" + VIF_A + "\", \"dryRun\": true}",
                        "the failover command takes \"action\", \"virtualInterfaceId\", \"minutes\"; found the field "
                                + "\"dryRun\", which it does not take"),
                Arguments.of("{\"action\": \"failover\", \"virtualInterfaceId\": \"" + VIF_A + "\", \"minute\": 5}",
                        "the failover command takes \"action\", \"virtualInterfaceId\", \"minutes\"; found the field "
                                + "\"minute\", which it does not take"),
                Arguments.of("{\"action\": \"status\", \"verbose\": true, \"all\": 1}",
                        "the status command takes \"action\"; found the fields \"all\", \"verbose\", which it does not "
                                + "take"),
                Arguments.of("{\"action\": \"restore\", \"virtualInterfaceId\": \"" + VIF_A + "\", \"minutes\": 5}",
                        "the restore command takes \"action\", \"virtualInterfaceId\"; found the field \"minutes\", "
                                + "which it does not take"),
                Arguments.of("{\"action\": \"reconcile\", \"dryRun\": true}",
                        "the reconcile command takes \"action\"; found the field \"dryRun\", which it does not take"));
    }

    @ParameterizedTest
    @MethodSource("commandsWithAFieldTheyDoNotTake")
    void aCommandRefusesAFieldItDoesNotTakeNamingTheFieldsItTakes(String payload, String problem) {
        Request.Invalid r = invalid(read(payload));
        assertThat(r.problem()).isEqualTo(problem);
        assertThat(r.notified()).as("the operator reads the answer").isFalse();
    }

    @Test
    void everyCommandSampleTakesOnlyItsFields() throws Exception {
        for (String name : List.of("command-failover", "command-practice", "command-reconcile", "command-restore",
                "command-status")) {
            byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("events", name + ".json"));
            assertThat(read(sample)).as(name).isNotInstanceOf(Request.Invalid.class);
        }
    }

    @Test
    void anAlarmNameOverCloudWatchsLimitIsRejectedAndTold() {
        Map<String, Object> event = Fixtures.eventBridgeAlarm(VIF_A + " " + "x".repeat(250), "ALARM");
        Request.Invalid r = invalid(RequestParser.parse(event));
        assertThat(r.problem()).startsWith("detail.alarmName: expected 1 to 255 characters (CloudWatch's limit), "
                + "found 265 (\"" + VIF_A + " xxxx");
        assertThat(r.notified()).isTrue();
    }

    private static Map<String, Object> health(String start, String eventArn) {
        Map<String, Object> detail = new HashMap<>(Map.of("service", "DIRECTCONNECT",
                "eventTypeCategory", "scheduledChange", "eventTypeCode", "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
                "statusCode", "upcoming", "eventArn", eventArn, "startTime", start));
        return Map.of("source", "aws.health", "detail-type", "AWS Health Event", "detail", detail,
                "resources", List.of(VIF_A));
    }

    static Stream<Arguments> healthValuesOutsideTheirLimits() {
        String arn = "arn:aws:health:eu-west-1::event/DIRECTCONNECT/AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/";
        return Stream.of(
                Arguments.of("Sat, 31 Feb 2099 02:00:00 GMT", arn + "e1", "detail.startTime: expected a time (RFC "
                        + "1123, as Health writes it"),
                Arguments.of("+999999999-01-01T00:00:00Z", arn + "e1", "detail.startTime: expected a time"),
                Arguments.of("3000-01-01T00:00:00Z", arn + "e1", "detail.startTime: expected a time in the years 2000 "
                        + "to 2999, found \"3000-01-01T00:00:00Z\""),
                Arguments.of("1999-12-31T23:00:00Z", arn + "e1", "detail.startTime: expected a time in the years 2000 "
                        + "to 2999"),
                Arguments.of("Sat, 05 Dec 2026 02:00:00 GMT", arn + "an event id", "detail.eventArn: expected an ARN "
                        + "whose last segment (the event ID) is 1 to 184 letters, digits or _.:=+-@ (it goes into the "
                        + "VIFs' tag, at most 256 characters with the window)"),
                Arguments.of("Sat, 05 Dec 2026 02:00:00 GMT", arn + "e".repeat(185), "detail.eventArn: expected"),
                Arguments.of("Sat, 05 Dec 2026 02:00:00 GMT", arn + "tag<value>", "detail.eventArn: expected"));
    }

    @ParameterizedTest
    @MethodSource("healthValuesOutsideTheirLimits")
    void aHealthValueOutsideItsLimitsIsRejectedAndTold(String start, String eventArn, String problem) {
        Request.Invalid r = invalid(RequestParser.parse(health(start, eventArn)));
        assertThat(r.problem()).startsWith(problem);
        assertThat(r.notified()).isTrue();
        assertThat(r.healthEvent()).isTrue();
    }

    @Test
    void realDatesAndEventIdsAreRead() {
        String arn = "arn:aws:health:eu-west-1::event/DIRECTCONNECT/AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/"
                + "e".repeat(184); // the longest that fits: the record is then exactly 256 characters with "untold"
        Request longest = RequestParser.parse(health("Sat, 05 Dec 2026 02:00:00 GMT", arn));
        assertThat(longest).isInstanceOf(Request.Maintenance.class);
        io.github.dxfailover.decision.HealthEvent e = ((Request.Maintenance) longest).event();
        assertThat(new io.github.dxfailover.decision.MaintenanceWindow(e.start(), e.end(),
                io.github.dxfailover.decision.MaintenanceWindow.Effect.REDUCED, VIF_A, e.eventId()).untold().tagValue())
                .as("the record the function writes for it fits a tag value").hasSize(256);
        assertThat(RequestParser.parse(health("Sat, 28 Feb 2099 02:00:00 GMT", arn)))
                .isInstanceOf(Request.Maintenance.class);
    }
}
