package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.decision.MaintenanceWindow;
import io.github.dxfailover.local.WithLocalEndpoints;
import io.github.dxfailover.service.RetryableFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Maintenance windows (docs/behaviour.md §17) with the real SDK over HTTP: the sample AWS Health events of events/,
 * the fake Direct Connect keeping the record on the VIF's tags, moto's AWS/DX metrics for the verdict, moto's SNS.
 */
class MaintenanceIT extends WithLocalEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String A = "dxvif-fgab1234";
    static final String B = "dxvif-fgcd5678";
    static final String C = "dxvif-fgef9012";

    @Override
    protected List<String> healthyVifs() {
        return List.of(A, B, C);
    }

    /** As local/three-healthy.json: A on its own 10 Gbit/s connection, B and C sharing another. */
    private void network(double aBps, String bBandwidth) {
        dx.addConnection("dxcon-fgaa0001", "10Gbps").addConnection("dxcon-fgbb0002", bBandwidth);
        dx.onLink(A, "dxcon-fgaa0001", aBps).onLink(B, "dxcon-fgbb0002", 9e8).onLink(C, "dxcon-fgbb0002", 4e8);
        aws.putTraffic(dx);
    }

    private DxFailoverHandler handler(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of("VIFLIST", A + "," + B + "," + C, "MINVIFS", "1",
                "SNSARN", local.topicArn()));
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return new DxFailoverHandler(env, localClients(), Clock.systemUTC());
    }

    private static Map<String, Object> sample(String name) throws Exception {
        return JSON.readValue(Files.readString(Path.of("events", name)), new TypeReference<>() {
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNoticeIsRecordedOnTheVifsTagWithAVerdictFromTheTraffic() throws Exception {
        network(1.2e9, "10Gbps");
        Map<String, Object> result = handler().handle(sample("health-maintenance-upcoming.json"), null);

        assertThat(result.get("outcome")).isEqualTo("MAINTENANCE_NOTED");
        Map<String, Object> m = (Map<String, Object>) result.get("maintenance");
        assertThat(m).containsEntry("verdict", "safe").containsEntry("vifs", Map.of(A, "down"))
                .containsEntry("healthyDuring", 2L);
        assertThat((Map<String, Object>) m.get("capacity")).containsEntry("remainingCapacityBps", 10_000_000_000L);
        assertThat(dx.vif(A).tags()).containsEntry(MaintenanceWindow.TAG,
                "2099-12-05T02:00:00Z/2099-12-05T06:00:00Z down dxcon-fgaa0001 "
                        + "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED_7e5b3c1a");
        assertThat(dx.vif(B).tags()).doesNotContainKey(MaintenanceWindow.TAG);
        assertThat(aws.delivered()).singleElement().satisfies(n -> {
            assertThat(n.attributes()).containsEntry("outcome", "MAINTENANCE_NOTED");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(n.message())).contains("Verdict: SAFE").contains(A + " goes down (dxcon-fgaa0001)");
        });
        // The same notice again (as an open event repeats an upcoming one): nothing new, nothing sent.
        Map<String, Object> open = handler().handle(sample("health-maintenance-upcoming.json"), null);
        assertThat(open.get("outcome")).isEqualTo("MAINTENANCE_NOTED");
        assertThat(aws.delivered()).isEmpty();
        // The closed event removes the record, silently.
        Map<String, Object> closed = handler().handle(sample("health-maintenance-closed.json"), null);
        assertThat(closed.get("outcome")).isEqualTo("MAINTENANCE_ENDED");
        assertThat(dx.vif(A).tags()).doesNotContainKey(MaintenanceWindow.TAG);
        assertThat(aws.delivered()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRestOnASmallerLinkIsAtRisk() throws Exception {
        network(3e9, "1Gbps");
        Map<String, Object> result = handler().handle(sample("health-maintenance-upcoming.json"), null);
        Map<String, Object> m = (Map<String, Object>) result.get("maintenance");
        assertThat(m).containsEntry("verdict", "at risk");
        assertThat((List<String>) m.get("reasons")).singleElement().asString()
                .startsWith("the VIFs that stay would carry 4.3 Gbit/s on 1.0 Gbit/s");
    }

    @Test
    void anAlarmDuringTheOpenWindowIsInMaintenance() throws Exception {
        network(1.2e9, "10Gbps");
        handler().handle(sample("health-maintenance-open.json"), null);
        aws.delivered();
        Map<String, Object> result = handler().handle(Fixtures.eventBridgeAlarm(A + " packet loss", "ALARM"),
                null);
        assertThat(result.get("outcome")).isEqualTo("IN_MAINTENANCE");
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(aws.delivered()).singleElement()
                .satisfies(n -> assertThat(n.attributes()).containsEntry("outcome", "IN_MAINTENANCE"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPracticeRunIsBlockedByAnUpcomingWindow() throws Exception {
        network(1.2e9, "10Gbps");
        dx.tag(B, MaintenanceWindow.TAG, java.time.Instant.now().plusSeconds(1200) + "/"
                + java.time.Instant.now().plusSeconds(9000) + " down dxcon-fgbb0002 e-soon");
        aws.alarmInState("apps 5xx", "OK");
        Map<String, Object> result = handler("PRACTICE_OUTCOME_ALARMS", "apps 5xx", "MAX_UTILIZATION", "0")
                .handle(Map.of("action", "practice", "virtualInterfaceId", A), null);
        assertThat(result.get("outcome")).isEqualTo("PRACTICE_BLOCKED");
        assertThat((List<String>) ((Map<String, Object>) result.get("practice")).get("reasons"))
                .anySatisfy(r -> assertThat(r).startsWith("an AWS maintenance window on " + B));
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
    }

    /**
     * §15 × §17: during an open window that reduces a LAG, the capacity guard counts the LAG's members less the one in
     * maintenance. A on a LAG of four 10 Gbit/s members (minimumLinks 1), one of them in an open window (30 Gbit/s
     * left, not 40); B, the alarmed VIF, on 10 Gbit/s; C on 1 Gbit/s. Taking B out leaves 26 Gbit/s of load on
     * A and C: 83.9 % of 31 Gbit/s, over MAX_UTILIZATION 80 % — not the 63.4 % of 41 Gbit/s that counting all four
     * members would give.
     */
    @Test
    void anOpenWindowOnALagMemberLeavesTheLagOnlyItsOtherMembersForTheCapacityGuard() {
        String lag = "dxlag-fgla0001";
        dx.addLag(lag, "10Gbps", "available", "available", "available", "available").minimumLinks(lag, 1)
                .addConnection("dxcon-fgbb0002", "10Gbps").addConnection("dxcon-fgcc0003", "1Gbps");
        dx.onLink(A, lag, 20e9).onLink(B, "dxcon-fgbb0002", 5.5e9).onLink(C, "dxcon-fgcc0003", 5e8);
        String member = dx.lagMembers(lag).get(0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        dx.tag(A, MaintenanceWindow.TAG, now.minus(Duration.ofHours(1)) + "/" + now.plus(Duration.ofHours(3))
                + " reduced " + member + " AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED_4c3d2e1f");
        aws.putTraffic(dx);

        Map<String, Object> result = handler().handle(Fixtures.eventBridgeAlarm(B + " packet loss", "ALARM"), null);

        assertThat(result.get("outcome")).as("result %s", result).isEqualTo("CAPACITY_REACHED");
        assertThat(result.get("capacity")).isEqualTo(Map.of("limitPercent", 80, "projectedPercent", 83.9,
                "loadBps", 26_000_000_000L, "remainingCapacityBps", 31_000_000_000L));
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(dx.vif(B).state()).isEqualTo("available");
        assertThat(aws.supportCases()).isEmpty();
        assertThat(aws.delivered()).singleElement().satisfies(n -> {
            assertThat(n.attributes()).containsEntry("outcome", "CAPACITY_REACHED");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(n.message())).contains("26.0 Gbit/s on 31.0 Gbit/s: 83.9 % (MAX_UTILIZATION 80 %)");
        });
    }

    /**
     * §8 × §17: a notice whose every affected VIF keeps another event's record (it has not ended and does not start
     * later) writes nothing; a message that cannot be sent then fails the invocation, so Lambda retries it, instead of
     * answering MAINTENANCE_NOTED with the failure swallowed in {@code errors} — nothing else would ever tell it.
     */
    @Test
    void aNoticeThatWritesNothingFailsTheInvocationWhenItsMessageCannotBeSent() throws Exception {
        network(1.2e9, "10Gbps");
        String older = "2099-12-04T22:00:00Z/2099-12-05T04:00:00Z down dxcon-fgaa0001 "
                + "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED_5d4c3b2a";
        dx.tag(A, MaintenanceWindow.TAG, older);
        aws.deleteTopic();
        Map<String, Object> event = sample("health-maintenance-upcoming.json");
        AtomicReference<Map<String, Object>> answered = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> answered.set(handler().handle(event, null)));

        // The premise: the older record stays, nothing was written.
        assertThat(dx.calls("TagResource")).isEmpty();
        assertThat(dx.vif(A).tags()).containsEntry(MaintenanceWindow.TAG, older);
        assertThat(thrown).as("the invocation answered instead of failing: %s", answered.get())
                .isInstanceOf(RetryableFailure.class).hasMessageStartingWith("notification not sent");
    }
}
