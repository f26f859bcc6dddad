package io.github.dxfailover;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconcile pass with the real SDK over HTTP: alarms created and set to ALARM in moto's
 * CloudWatch, the stateful fake Direct Connect, moto as SNS and Support.
 */
class ReconcileIT extends WithLocalEndpoints {

    @Override
    protected List<String> healthyVifs() {
        return List.of(VIF_A, VIF_B, VIF_C);
    }

    private DxFailoverHandler handler(String... overrides) {
        AwsClients clients = localClients();
        Map<String, String> env = new java.util.HashMap<>(Map.of("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C,
                "MINVIFS", "1", "SNSARN", local.topicArn()));
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return new DxFailoverHandler(env, clients, Clock.systemUTC());
    }

    @Test
    @SuppressWarnings("unchecked")
    void alarmsStillInAlarmAreActedOnOnceAndOnlyOnce() {
        aws.alarmInAlarm(VIF_A + " packet loss", null, true);
        aws.alarmInAlarm("loss to 10.0.0.1", VIF_B, true);          // named by its dimension
        aws.alarmInAlarm(VIF_C + " latency", null, false);          // muted by the operator
        aws.alarmInAlarm(OTHER_VIF + " loss", null, true);          // not in VIFLIST
        DxFailoverHandler handler = handler();

        Map<String, Object> first = handler.handle(Map.of("action", "reconcile"), null);

        assertThat(first.get("outcome")).isEqualTo("RECONCILED");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) first.get("actions");
        // Both alarms went into ALARM at about the same time; MINVIFS 1 of three healthy lets two go.
        assertThat(actions).extracting(a -> a.get("virtualInterfaceId")).containsExactlyInAnyOrder(VIF_A, VIF_B);
        assertThat(actions).extracting(a -> a.get("outcome")).containsOnly("FAILED_OVER");
        assertThat(first.get("skipped")).isEqualTo(Map.of("muted", 1, "unlisted", 1, "namingNoVif", 0, "settling", 0));
        assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
        assertThat(dx.vif(VIF_B).state()).isEqualTo("testing");
        assertThat(dx.vif(VIF_C).state()).isEqualTo("available");
        assertThat(dx.calls("StartBgpFailoverTest")).hasSize(2);
        assertThat(aws.supportCases()).hasSize(2);
        assertThat(aws.delivered()).hasSize(2).allSatisfy(m -> {
            assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("Found by: the reconcile pass").contains("In ALARM since");
        });

        Map<String, Object> second = handler.handle(Map.of("action", "reconcile"), null);

        assertThat((List<Map<String, Object>>) second.get("actions")).extracting(a -> a.get("outcome"))
                .containsOnly("ALREADY_UNAVAILABLE");
        assertThat(dx.calls("StartBgpFailoverTest")).hasSize(2);
        assertThat(aws.supportCases()).hasSize(2);
        assertThat(aws.delivered()).isEmpty(); // delivered() drains the queue: nothing new
    }

    @Test
    @SuppressWarnings("unchecked")
    void dryRunReconcileDecidesAndChangesNothing() {
        aws.alarmInAlarm(VIF_A + " packet loss", null, true);
        Map<String, Object> result = handler("DRY_RUN", "true").handle(Map.of("action", "reconcile"), null);
        assertThat((List<Map<String, Object>>) result.get("actions")).extracting(a -> a.get("outcome"))
                .containsExactly("DRY_RUN");
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(aws.supportCases()).isEmpty();
        assertThat(aws.delivered()).isEmpty();
    }

    /** docs/behaviour.md §3: a utilization alarm on AWS/DX names no VIF, so reconcile never takes its VIF out. */
    @Test
    @SuppressWarnings("unchecked")
    void aUtilizationAlarmOnAwsDxChangesNothingAndSendsNothing() {
        aws.utilizationAlarmInAlarm("DX link 1 utilization high", "dxcon-ffff0000", VIF_A);

        Map<String, Object> result = handler().handle(Map.of("action", "reconcile"), null);

        assertThat(result.get("outcome")).isEqualTo("RECONCILED");
        assertThat((List<Map<String, Object>>) result.get("actions")).isEmpty();
        assertThat(result.get("skipped")).isEqualTo(Map.of("muted", 0, "unlisted", 0, "namingNoVif", 1, "settling", 0));
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(dx.vif(VIF_A).state()).isEqualTo("available");
        assertThat(aws.supportCases()).isEmpty();
        assertThat(aws.delivered()).isEmpty();
    }

    @Test
    void statusNamesTheAlarmsInAlarmOfEachVif() {
        aws.alarmInAlarm(VIF_A + " packet loss", null, true);
        // Without the capacity guard, whose figures each VIF's line would show between these.
        Map<String, Object> result = handler("MAX_UTILIZATION", "0").handle(Map.of("action", "status"), null);
        assertThat(result.get("message")).asString().contains("\n  " + VIF_A + " available, healthy; BGP ipv4 "
                + "169.254.10.2/30 up\n      alarms in ALARM: " + VIF_A + " packet loss\n");
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
    }

    /** docs/behaviour.md §11: what a pass read, per listed VIF, and an alarm event's line with its VIF. */
    @Test
    void aPassWritesAMetricLinePerListedVifAndAnAlarmEventsLineCarriesItsVif() throws Exception {
        Instant now = Instant.now();
        dx.addVif(VIF_B, "testing", "down");
        dx.tag(VIF_A, PracticeRecord.LAST, new PracticeRecord(now.minus(Duration.ofDays(3)),
                Outcome.PRACTICE_SUCCEEDED, "dxfail-a").tagValue());
        dx.tag(VIF_C, PracticeRecord.LAST, new PracticeRecord(now.minus(Duration.ofDays(1)),
                Outcome.PRACTICE_INCONCLUSIVE, "dxfail-c").tagValue());
        aws.alarmInAlarm(VIF_C + " packet loss", null, true);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C, "MINVIFS", "1",
                "SNSARN", local.topicArn(), "MAX_UTILIZATION", "0");
        DxFailoverHandler handler = new DxFailoverHandler(env, localClients(), Clock.systemUTC(),
                new Telemetry(new PrintStream(lines, true), Clock.systemUTC()));

        handler.handle(Map.of("action", "reconcile"), null);

        Map<String, JsonNode> pass = byVif(lines.toString());
        assertThat(pass.keySet()).containsExactly("none", VIF_A, VIF_B, VIF_C);
        assertThat(pass.get("none").get("HealthyVifs").asInt()).isEqualTo(2);
        assertThat(pass.get("none").get("MarginOverMinimum").asInt()).isEqualTo(1);
        assertThat(pass.get("none").get("VifsNotProven").asInt()).isEqualTo(2); // B and C
        assertThat(pass.get("none").has("DaysSinceProven")).isFalse();
        // Proven three days ago, healthy.
        assertThat(pass.get(VIF_A).get("Healthy").asInt()).isEqualTo(1);
        assertThat(pass.get(VIF_A).get("UnderTest").asInt()).isZero();
        assertThat(pass.get(VIF_A).get("DaysSinceProven").asDouble()).isCloseTo(3.0, within(0.01));
        // Under a failover test, never practised.
        assertThat(pass.get(VIF_B).get("Healthy").asInt()).isZero();
        assertThat(pass.get(VIF_B).get("UnderTest").asInt()).isEqualTo(1);
        assertThat(pass.get(VIF_B).has("DaysSinceProven")).isFalse();
        // Its last run proved nothing; its alarm took it out in this pass.
        assertThat(pass.get(VIF_C).get("FAILED_OVER").asInt()).isEqualTo(1);
        assertThat(pass.get(VIF_C).get("Healthy").asInt()).isEqualTo(1);
        assertThat(pass.get(VIF_C).has("DaysSinceProven")).isFalse();

        lines.reset();
        handler.handle(Fixtures.eventBridgeAlarm(VIF_A + " packet loss", "ALARM"), null);

        Map<String, JsonNode> event = byVif(lines.toString());
        assertThat(event.keySet()).containsExactly("none", VIF_A);
        assertThat(event.get("none").get("MINIMUM_REACHED").asInt()).isEqualTo(1);
        assertThat(event.get(VIF_A).get("MINIMUM_REACHED").asInt()).isEqualTo(1);
        assertThat(event.get(VIF_A).at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString())
                .isEqualTo("[\"Deployment\",\"VirtualInterfaceId\"]");
    }

    /** Each EMF line by the VIF of its dimension, "none" for the line without. */
    private static Map<String, JsonNode> byVif(String output) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            JsonNode json = new ObjectMapper().readTree(line);
            out.put(json.has("VirtualInterfaceId") ? json.get("VirtualInterfaceId").asText() : "none", json);
        }
        return out;
    }
}
