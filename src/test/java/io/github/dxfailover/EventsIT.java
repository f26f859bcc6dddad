package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.LocalAws;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events of docs/behaviour.md §20 with the real SDK over HTTP: moto's EventBridge holds a bus with a rule on the
 * function's source and an SQS queue as its target, which the test reads back as a subscriber would.
 */
class EventsIT extends WithLocalEndpoints {
    static final String A = "dxvif-fgab1234";
    static final String B = "dxvif-fgcd5678";
    static final String C = "dxvif-fgef9012";
    static final String BUS = "dx-events";
    static final String OUTCOME = "apps 5xx";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String queueUrl;

    @Override
    protected List<String> healthyVifs() {
        return List.of(A, B, C);
    }

    @BeforeEach
    void aBusWithARuleAndAQueue() {
        // The bus, and everything the function announces, to a queue the test reads as a subscriber would.
        queueUrl = aws.ruleToQueue(BUS, "{\"source\": [\"dx-failover\"], \"detail-type\": [\"DX Failover Result\"]}");
        for (String vif : List.of(A, B, C)) {
            dx.onLink(vif, FakeDirectConnect.DEFAULT_CONNECTION, 5e8);
        }
        aws.putTraffic(dx);
        aws.alarmInState(OUTCOME, "OK");
    }

    private DxFailoverHandler handler(String bus) {
        Map<String, String> env = new HashMap<>(Map.of("VIFLIST", A + "," + B + "," + C, "MINVIFS", "1",
                "SNSARN", local.topicArn(), "PRACTICE_OUTCOME_ALARMS", OUTCOME, "EVENT_BUS", bus,
                "SUPPORT_CASE", "false"));
        return new DxFailoverHandler(env, localClients(), Clock.systemUTC());
    }

    /** Every event the rule delivered since the last call. */
    private List<JsonNode> delivered() {
        return aws.eventsIn(queueUrl);
    }

    private static String arn(String vif) {
        return "arn:aws:directconnect:" + LocalAws.REGION.id() + ":123456789012:dxvif/" + vif;
    }

    @Test
    void aFailoverIsAnnouncedWithTheFieldsOfSection20() throws Exception {
        Map<String, Object> result = handler(BUS).handle(Fixtures.eventBridgeAlarm(A + " packet loss", "ALARM"), null);

        assertThat(result.get("outcome")).as(result.toString()).isEqualTo("FAILED_OVER");
        assertThat(result.get("errors")).isEqualTo(List.of());
        assertThat(delivered()).singleElement().satisfies(e -> {
            assertThat(e.get("source").asText()).isEqualTo("dx-failover");
            assertThat(e.get("detail-type").asText()).isEqualTo("DX Failover Result");
            assertThat(JSON.convertValue(e.get("resources"), List.class)).containsExactly(arn(A));
            JsonNode detail = e.get("detail");
            assertThat(detail.get("outcome").asText()).isEqualTo("FAILED_OVER");
            assertThat(detail.get("virtualInterfaceId").asText()).isEqualTo(A);
            assertThat(detail.get("testId").asText()).isEqualTo(result.get("testId"));
            assertThat(detail.get("message").asText()).isEqualTo(result.get("message"));
            assertThat(detail.get("dryRun").asBoolean()).isFalse();
            assertThat(detail.get("deployment").asText()).isEqualTo("aws-dx-failover");
            assertThat(detail.get("vifs").has(B)).isTrue();
            assertThat(detail.get("errors").isArray()).isTrue();
        });
        assertThat(aws.delivered()).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJudgedPracticeRunIsAnnouncedWithItsEvidence() throws Exception {
        // A run on A started 50 minutes ago for 30: ended by itself 20 minutes ago; its tag still says it is on.
        dx.tag(A, "dx-failover:practice", "t-past").pastTest(A, "t-past", Duration.ofMinutes(50), 30);
        Instant start = dx.tests().get(0).start();
        for (int m : List.of(-20, -10)) {
            aws.putTrafficAt(A, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 2e9);
            aws.putTrafficAt(B, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 5e8);
            aws.putTrafficAt(C, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 5e8);
        }
        for (int m : List.of(10, 20)) {
            aws.putTrafficAt(A, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 0);
            aws.putTrafficAt(B, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 1.5e9);
            aws.putTrafficAt(C, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 1.6e9);
        }

        Map<String, Object> result = handler(BUS).handle(Map.of("action", "reconcile"), null);

        assertThat((Map<String, Object>) result.get("practice")).containsEntry("outcome", "PRACTICE_SUCCEEDED");
        assertThat(delivered()).singleElement().satisfies(e -> {
            assertThat(JSON.convertValue(e.get("resources"), List.class)).containsExactly(arn(A));
            JsonNode practice = e.get("detail").get("practice");
            assertThat(practice.get("outcome").asText()).isEqualTo("PRACTICE_SUCCEEDED");
            assertThat(practice.get("testId").asText()).isEqualTo("t-past");
            assertThat(practice.at("/evidence/" + A + "/beforeBps").asLong()).isEqualTo(2_000_000_000L);
            assertThat(practice.at("/evidence/" + A + "/duringBps").asLong()).isZero();
            assertThat(practice.at("/evidence/" + B + "/duringBps").asLong()).isEqualTo(1_500_000_000L);
        });
    }

    @Test
    void noEventForIgnoredStatusOrAQuietPass() throws Exception {
        DxFailoverHandler handler = handler(BUS);

        assertThat(handler.handle(Fixtures.eventBridgeAlarm(A + " packet loss", "OK"), null).get("outcome"))
                .isEqualTo("IGNORED");
        assertThat(handler.handle(Map.of("action", "status"), null).get("outcome")).isEqualTo("STATUS");
        assertThat(handler.handle(Map.of("action", "reconcile"), null).get("outcome")).isEqualTo("RECONCILED");

        assertThat(delivered()).isEmpty();
        assertThat(aws.delivered()).isEmpty();
        // The bus and rule work: the next notified invocation is announced.
        assertThat(handler.handle(Map.of("action", "failover", "virtualInterfaceId", B), null).get("outcome"))
                .isEqualTo("FAILED_OVER");
        assertThat(delivered()).singleElement()
                .satisfies(e -> assertThat(e.at("/detail/outcome").asText()).isEqualTo("FAILED_OVER"));
    }

    /** A bus that does not exist: PutEvents fails (ResourceNotFoundException); the failover stands (§20). */
    @Test
    @SuppressWarnings("unchecked")
    void aFailedPutEventsLeavesTheFailoverDoneAndTheErrorInErrors() throws Exception {
        Map<String, Object> result = handler("no-such-bus")
                .handle(Fixtures.eventBridgeAlarm(A + " packet loss", "ALARM"), null);

        assertThat(result.get("outcome")).as(result.toString()).isEqualTo("FAILED_OVER");
        assertThat(dx.vif(A).state()).isEqualTo("testing");
        assertThat((List<String>) result.get("errors")).singleElement().asString()
                .startsWith("event not put on the EventBridge bus (PutEvents: ResourceNotFoundException")
                .endsWith("the outcome stands");
        assertThat(aws.delivered()).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER"));
        assertThat(delivered()).isEmpty();
    }
}
