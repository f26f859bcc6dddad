package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.LocalLambda;
import io.github.dxfailover.local.RuntimeApiEmulator.Answer;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged zip through the real Lambda runtime interface client: proves the handler string, and
 * that the handler, given the payload's bytes as Lambda's java21 runtime passes them to a stream
 * handler, reads the event and writes the result itself.
 */
class RuntimeIT extends WithLocalEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String VIF_A = "dxvif-fgab1234";
    static final String VIF_B = "dxvif-fgcd5678";
    static final String VIF_C = "dxvif-fgef9012";

    @TempDir
    Path tmp;

    @Override
    protected List<String> healthyVifs() {
        return List.of(VIF_A, VIF_B, VIF_C);
    }

    private LocalLambda function(String... overrides) throws Exception {
        Map<String, String> env = new HashMap<>(LocalLambda.localAwsEnv(local.moto().endpoint().toString(),
                dx.endpoint().toString()));
        env.putAll(Map.of("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C, "MINVIFS", "1", "SNSARN", local.topicArn(),
                "EMAIL", "noc@example.com"));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                env.remove(overrides[i]);
            } else {
                env.put(overrides[i], overrides[i + 1]);
            }
        }
        return LocalLambda.start(LocalLambda.defaultZip(), LocalLambda.defaultRuntimeLib(), env, List.of(),
                tmp.resolve("function.log"));
    }

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of("events", name));
    }

    @Test
    void sampleEventBridgeAlarmFailsOverAndAnswersTheResultObject() throws Exception {
        try (LocalLambda function = function()) {
            Answer answer = function.invoke(sample("eventbridge-metric-alarm.json"), TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.fieldNames()).toIterable().containsExactly("outcome", "virtualInterfaceId", "message",
                    "vifs", "vifsRead", "testId", "testEndsAt", "caseId", "dryRun", "errors", "capacity");
            // No AWS/DX traffic was put into moto: the capacity step ran and says what it missed (§15).
            assertThat(result.at("/capacity/unknown").asText()).startsWith("no traffic datapoints for ");
            // After FAILED_OVER, vifs still shows the alarmed VIF available: the result says they were read before acting.
            assertThat(result.get("vifsRead").asText()).isEqualTo("before acting");
            assertThat(result.at("/vifs/" + VIF_A + "/state").asText()).isEqualTo("available");
            assertThat(result.get("outcome").asText()).isEqualTo("FAILED_OVER");
            assertThat(result.get("virtualInterfaceId").asText()).isEqualTo(VIF_A);
            assertThat(result.at("/vifs/" + VIF_B + "/state").asText()).isEqualTo("available");
            assertThat(result.at("/vifs/" + VIF_B + "/bgp").asText()).isEqualTo("up");
            assertThat(result.get("testId").asText()).isEqualTo(dx.tests().get(0).testId());
            assertThat(result.get("caseId").asText()).startsWith("case-");
            assertThat(result.get("dryRun").asBoolean()).isFalse();
            assertThat(result.get("errors")).isEmpty();
            assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER"));
            assertThat(function.output()).contains("outcome=FAILED_OVER vif=" + VIF_A)
                    .contains("\"Namespace\":\"DxFailover\"");
        }
    }

    @Test
    void aScheduledRuleEventRunsAReconcilePassThroughTheRuntime() throws Exception {
        aws.alarmInAlarm(VIF_A + " packet loss", null, true);
        try (LocalLambda function = function()) {
            Answer answer = function.invoke(sample("schedule-scheduled-rule.json"), TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).isEqualTo("RECONCILED");
            assertThat(result.at("/actions/0/virtualInterfaceId").asText()).isEqualTo(VIF_A);
            assertThat(result.at("/actions/0/outcome").asText()).isEqualTo("FAILED_OVER");
            assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("Found by: the reconcile pass"));
            assertThat(function.output()).contains("\"RECONCILED\":1").contains("\"FAILED_OVER\":1");
        }
    }

    /**
     * docs/behaviour.md §3: the alarm-action event of a utilization alarm on AWS/DX (its metric's
     * VirtualInterfaceId dimension names a listed VIF) is REJECTED with one notification; nothing changes.
     */
    @Test
    void aUtilizationAlarmOnAwsDxIsRejectedThroughTheRuntime() throws Exception {
        aws.utilizationAlarmInAlarm("DX link 1 utilization high", "dxcon-fg000001", VIF_C);
        String event = sample("alarm-action.json")
                .replace("dxvif-fgef9012 packet loss", "DX link 1 utilization high")
                .replace("\"DX/Probe\"", "\"AWS/DX\"").replace("PacketLossPercent", "VirtualInterfaceBpsEgress")
                .replace("\"VirtualInterfaceId\": \"dxvif-fgef9012\"",
                        "\"ConnectionId\": \"dxcon-fg000001\", \"VirtualInterfaceId\": \"" + VIF_C + "\"");
        assertThat(event).contains("\"namespace\": \"AWS/DX\"").contains("\"VirtualInterfaceId\": \"" + VIF_C);
        try (LocalLambda function = function()) {
            Answer answer = function.invoke(event, TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(result.get("message").asText()).contains("AWS/DX metric");
            assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
            assertThat(dx.vif(VIF_C).state()).isEqualTo("available");
            assertThat(aws.supportCases()).isEmpty();
            assertThat(aws.delivered()).singleElement().satisfies(m -> {
                assertThat(m.attributes()).containsEntry("outcome", "REJECTED");
                assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("Alarm: DX link 1 utilization high");
            });
        }
    }

    /** docs/behaviour.md §15 through the packaged zip: a VIF the others cannot carry stays in service. */
    @Test
    void theCapacityGuardHoldsAVifTheOthersCannotCarryThroughTheRuntime() throws Exception {
        dx.addConnection("dxcon-primary1", "10Gbps").addConnection("dxcon-backup01", "1Gbps");
        dx.onLink(VIF_A, "dxcon-primary1", 3e9).onLink(VIF_B, "dxcon-backup01", 1e8);
        try (LocalLambda function = function("VIFLIST", VIF_A + "," + VIF_B)) {
            aws.putTraffic(dx);
            Answer answer = function.invoke(sample("eventbridge-metric-alarm.json"), TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).isEqualTo("CAPACITY_REACHED");
            assertThat(result.at("/capacity/projectedPercent").asDouble()).isEqualTo(310.0);
            assertThat(result.at("/capacity/remainingCapacityBps").asLong()).isEqualTo(1_000_000_000L);
            assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "CAPACITY_REACHED"));
            assertThat(function.output()).contains("\"CAPACITY_REACHED\":1");
        }
    }

    /** docs/behaviour.md §16 through the packaged zip: the sample practice command starts a run, tagged on its VIF. */
    @Test
    void aPracticeRunStartsThroughTheRuntime() throws Exception {
        aws.alarmInState("apps 5xx", "OK");
        for (String vif : List.of(VIF_A, VIF_B, VIF_C)) {
            dx.onLink(vif, FakeDirectConnect.DEFAULT_CONNECTION, 5e8);
        }
        aws.putTraffic(dx);
        try (LocalLambda function = function("PRACTICE_OUTCOME_ALARMS", "apps 5xx")) {
            Answer answer = function.invoke(sample("command-practice.json"), TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).as(io.github.dxfailover.Fixtures.unwrapped(answer.body())).isEqualTo("PRACTICE_STARTED");
            assertThat(result.at("/practice/virtualInterfaceId").asText()).isEqualTo(VIF_A);
            assertThat(dx.vif(VIF_A).tags()).containsEntry("dx-failover:practice", result.at("/practice/testId").asText());
            assertThat(aws.supportCases()).isEmpty();
            assertThat(function.output()).contains("\"PRACTICE_STARTED\":1");
        }
    }

    private void readyToPractise() {
        aws.alarmInState("apps 5xx", "OK");
        for (String vif : List.of(VIF_A, VIF_B, VIF_C)) {
            dx.onLink(vif, FakeDirectConnect.DEFAULT_CONNECTION, 5e8);
        }
        aws.putTraffic(dx);
    }

    /**
     * docs/behaviour.md §16, §20 through the runtime: every day blocked but its last minute, so no run and its settling
     * fit; the refusal names the window and finds no start in a year; the notified outcome is put on the bus.
     */
    @Test
    void aBlockedWindowKeepsAPracticeRunFromStartingThroughTheRuntime() throws Exception {
        readyToPractise();
        String queueUrl = aws.ruleToQueue("default", "{\"source\": [\"dx-failover\"]}");
        String week = String.join(",", List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun").stream()
                .map(d -> d + ":00:00-" + d + ":23:59").toList());
        try (LocalLambda function = function("PRACTICE_OUTCOME_ALARMS", "apps 5xx", "PRACTICE_BLOCKED_WINDOWS", week,
                "EVENT_BUS", "default")) {
            Answer answer = function.invoke(sample("command-practice.json"), TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo("PRACTICE_BLOCKED");
            // One reason, or two from about 23:15 UTC, when the run and its settling reach tomorrow's window too.
            assertThat(result.at("/practice/reasons")).isNotEmpty().allSatisfy(r -> assertThat(r.asText())
                    .matches("the run \\(its test and 15 minutes of settling\\) would overlap blocked window "
                            + "(Mon|Tue|Wed|Thu|Fri|Sat|Sun):00:00-\\1:23:59 \\(PRACTICE_BLOCKED_WINDOWS, UTC\\); no start "
                            + "in the next year lets it fit the weekly windows \\(and PRACTICE_BLOCKED_DATES\\)"));
            assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "PRACTICE_BLOCKED"));
            assertThat(aws.eventsIn(queueUrl)).singleElement().satisfies(e -> {
                assertThat(e.at("/detail/outcome").asText()).isEqualTo("PRACTICE_BLOCKED");
                assertThat(e.at("/detail/deployment").asText()).isEqualTo("aws-dx-failover");
                assertThat(e.at("/detail/practice/reasons/0").asText()).contains("blocked window");
            });
        }
    }

    /** docs/behaviour.md §16 through the runtime: outside every allowed window, the run waits for the next one. */
    @Test
    void aPracticeRunOutsideTheAllowedWindowsIsBlockedThroughTheRuntime() throws Exception {
        readyToPractise();
        java.time.LocalDate inThreeDays = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3);
        String day = inThreeDays.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT);
        try (LocalLambda function = function("PRACTICE_OUTCOME_ALARMS", "apps 5xx", "PRACTICE_ALLOWED_WINDOWS",
                day.toUpperCase(java.util.Locale.ROOT) + ":10:00-" + day + ":12:00")) {
            Answer answer = function.invoke(sample("command-practice.json"), TIMEOUT);

            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo("PRACTICE_BLOCKED");
            assertThat(result.at("/practice/reasons")).singleElement().satisfies(r -> assertThat(r.asText())
                    .isEqualTo("now is in no window of PRACTICE_ALLOWED_WINDOWS (UTC); it could start at "
                            + inThreeDays + "T10:00:00Z instead, in allowed window " + day + ":10:00-" + day + ":12:00"));
            assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();

            JsonNode status = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(
                    function.invoke("{\"action\": \"status\"}", TIMEOUT).body()));
            assertThat(status.get("practiceAllowedWindows")).singleElement()
                    .satisfies(w -> assertThat(w.asText()).isEqualTo(day + ":10:00-" + day + ":12:00"));
            assertThat(status.get("nextPracticeStart").asText()).isEqualTo(inThreeDays + "T10:00:00Z");
        }
    }

    /** docs/behaviour.md §19 through the runtime: a reconcile pass gives back the VIF a failover test holds out. */
    @Test
    void aReconcilePassGivesAVifBackThroughTheRuntime() throws Exception {
        dx.pastTest(VIF_A, "t-held", Duration.ofMinutes(10), 180);
        dx.addVif(VIF_B, "down", "down").addVif(VIF_C, "down", "down");
        try (LocalLambda function = function()) {
            Answer answer = function.invoke(sample("command-reconcile.json"), TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).isEqualTo("RECONCILED");
            assertThat(result.at("/actions/0/virtualInterfaceId").asText()).isEqualTo(VIF_A);
            assertThat(result.at("/actions/0/outcome").asText()).isEqualTo("GIVEN_BACK");
            assertThat(dx.vif(VIF_A).state()).isEqualTo("available");
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "GIVEN_BACK"));
            assertThat(function.output()).contains("\"GIVEN_BACK\":1").contains("\"MarginOverMinimum\":-1");
        }
    }

    /** docs/behaviour.md §17 through the runtime: an AWS Health notice is recorded on the VIF's tag and notified. */
    @Test
    void aMaintenanceNoticeIsRecordedThroughTheRuntime() throws Exception {
        dx.addConnection("dxcon-fgaa0001", "10Gbps").onLink(VIF_A, "dxcon-fgaa0001", null);
        try (LocalLambda function = function("MAX_UTILIZATION", "0")) {
            Answer answer = function.invoke(sample("health-maintenance-upcoming.json"), TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).isEqualTo("MAINTENANCE_NOTED");
            assertThat(result.at("/maintenance/verdict").asText()).isEqualTo("safe");
            assertThat(result.at("/maintenance/vifs/" + VIF_A).asText()).isEqualTo("down");
            assertThat(dx.vif(VIF_A).tags()).containsKey("dx-failover:maintenance");
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "MAINTENANCE_NOTED"));
            assertThat(function.output()).contains("\"MAINTENANCE_NOTED\":1");
        }
    }

    /**
     * docs/behaviour.md §18: the packaged zip with VIFGROUP manages the VIFs tagged with it as the fake Direct Connect
     * returns them; an alarm on another group's VIF is NOT_MANAGED and notifies nobody.
     */
    @Test
    void aGroupsTaggedVifFailsOverThroughTheRuntimeAndAnotherGroupsVifPagesNobody() throws Exception {
        for (String vif : List.of(VIF_A, VIF_B, VIF_C)) {
            dx.tag(vif, "dx-failover:group", "core network");
        }
        dx.addVif("dxvif-fgzz0001", "available", "up").tag("dxvif-fgzz0001", "dx-failover:group", "edge");
        try (LocalLambda function = function("VIFLIST", null, "VIFGROUP", "core network")) {
            Answer answer = function.invoke(sample("eventbridge-metric-alarm.json"), TIMEOUT);

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).isEqualTo("FAILED_OVER");
            assertThat(result.get("vifs").fieldNames()).toIterable().containsExactly(VIF_A, VIF_B, VIF_C);
            assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER"));

            Answer other = function.invoke(sample("eventbridge-metric-alarm.json").replace(VIF_A, "dxvif-fgzz0001"),
                    TIMEOUT);

            JsonNode notManaged = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(other.body()));
            assertThat(notManaged.get("outcome").asText()).as(function.output()).isEqualTo("NOT_MANAGED");
            assertThat(notManaged.get("message").asText()).contains("dx-failover:group='edge'");
            assertThat(aws.delivered()).isEmpty();
            assertThat(dx.calls("StartBgpFailoverTest")).hasSize(1);
        }
    }

    @Test
    void configErrorIsAnAnswerNotACrashOfTheRuntime() throws Exception {
        try (LocalLambda function = function("MINVIFS", "0", "FAILOVER", "lots")) {
            Answer first = function.invoke(sample("eventbridge-metric-alarm.json"), TIMEOUT);
            Answer second = function.invoke(sample("command-status.json"), TIMEOUT);

            assertThat(function.initError()).isNull();
            for (Answer answer : List.of(first, second)) {
                assertThat(answer.error()).as(function.output()).isFalse();
                JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
                assertThat(result.get("outcome").asText()).isEqualTo("CONFIG_ERROR");
                assertThat(result.get("errors")).hasSize(2);
            }
            assertThat(function.isAlive()).isTrue();
            assertThat(dx.calls()).isEmpty();
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "CONFIG_ERROR"));
        }
    }

    @Test
    void unknownInputIsRejectedThroughTheRuntime() throws Exception {
        try (LocalLambda function = function()) {
            Answer answer = function.invoke("{\"hello\": [1, 2, {\"x\": null}]}", TIMEOUT);
            assertThat(answer.error()).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(result.get("message").asText()).contains("[hello]");
            assertThat(dx.calls()).isEmpty();
        }
    }

    /**
     * docs/behaviour.md §2 through the packaged zip: the handler reads the payload itself, so a JSON array of two
     * alarm events (a batch, which Lambda never unpacks) is an answer, REJECTED, and not a function error that an
     * asynchronous invocation would retry; neither alarm is acted on and nothing in AWS is changed.
     */
    @Test
    void anArrayOfTwoAlarmEventsIsAnsweredRejectedAndChangesNothing() throws Exception {
        String alarm = sample("eventbridge-metric-alarm.json");
        String twoAlarms = "[" + alarm + ", " + alarm.replace(VIF_A, VIF_B) + "]";
        try (LocalLambda function = function()) {
            Answer answer = function.invoke(twoAlarms, TIMEOUT);

            assertThat(answer.error()).as(io.github.dxfailover.Fixtures.unwrapped(answer.body())).isFalse();
            JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(result.get("message").asText()).startsWith("expected a JSON object, found a list ([{");
            assertThat(dx.calls()).isEmpty();
            assertThat(dx.tests()).isEmpty();
            assertThat(dx.vif(VIF_A).state()).isEqualTo("available");
            assertThat(dx.vif(VIF_B).state()).isEqualTo("available");
            // No operator reads an EventBridge rule's answer: the team is told (docs/behaviour.md §7).
            assertThat(aws.delivered()).singleElement().satisfies(d -> {
                assertThat(d.subject()).isEqualTo("REJECTED (no VIF) - input not understood (DX failover)");
                assertThat(d.attributes()).containsEntry("outcome", "REJECTED");
            });
            assertThat(aws.supportCases()).isEmpty();
            assertThat(function.output()).contains("outcome=REJECTED vif=none").contains("\"REJECTED\":1");
        }
    }

    /**
     * Every other payload that is not one JSON object, as docs/behaviour.md §2 lists them, is answered REJECTED
     * with what was found: a one-element array too (Lambda's runtime used to unwrap it), an empty payload and
     * null are no input; the function goes on serving the next invocation.
     */
    @Test
    void aPayloadThatIsNotAJsonObjectIsAnAnswerNotAFunctionError() throws Exception {
        Map<String, String> payloads = new LinkedHashMap<>();
        payloads.put("[" + sample("eventbridge-metric-alarm.json") + "]", "found a list ([{");
        payloads.put("[1, 2]", "found a list ([1, 2])");
        payloads.put("\"status\"", "found a string (status)");
        payloads.put("42", "found a number (42)");
        payloads.put("null", "found nothing");
        payloads.put("", "found nothing");
        payloads.put("{\"action\": ", "found text that is not JSON (Unexpected end-of-input");
        try (LocalLambda function = function()) {
            for (Map.Entry<String, String> payload : payloads.entrySet()) {
                Answer answer = function.invoke(payload.getKey(), TIMEOUT);
                assertThat(answer.error()).as(payload.getKey() + ": " + io.github.dxfailover.Fixtures.unwrapped(answer.body())).isFalse();
                JsonNode result = JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(answer.body()));
                assertThat(result.get("outcome").asText()).as(payload.getKey()).isEqualTo("REJECTED");
                assertThat(result.get("message").asText()).startsWith("expected a JSON object, " + payload.getValue());
            }
            assertThat(dx.calls()).isEmpty();
            Answer after = function.invoke(sample("command-status.json"), TIMEOUT);
            assertThat(after.error()).isFalse();
            assertThat(JSON.readTree(io.github.dxfailover.Fixtures.unwrapped(after.body())).get("outcome").asText()).isEqualTo("STATUS");
            assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
            // Each is told (none is an operator's command), and the status query is not.
            assertThat(aws.delivered()).hasSize(payloads.size())
                    .allSatisfy(d -> assertThat(d.attributes()).containsEntry("outcome", "REJECTED"));
        }
    }

    @Test
    void failureToReadTheVifsIsAFunctionErrorSoLambdaRetries() throws Exception {
        dx.inject("DescribeVirtualInterfaces", new FakeDirectConnect.Fault.ServerError(), 10);
        try (LocalLambda function = function()) {
            Answer answer = function.invoke(sample("eventbridge-metric-alarm.json"), TIMEOUT);
            assertThat(answer.error()).isTrue();
            assertThat(io.github.dxfailover.Fixtures.unwrapped(answer.body())).contains("RetryableFailure").contains("reading the VIF states");
            assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
            assertThat(function.isAlive()).isTrue();
        }
    }
}
