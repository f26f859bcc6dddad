package io.github.dxfailover;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dxfailover.local.FakeDirectConnect.Fault;
import io.github.dxfailover.local.WithLocalEndpoints;
import io.github.dxfailover.service.RetryableFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Giving back (docs/behaviour.md §19) with the real SDK over HTTP: the stateful fake Direct Connect, whose tests start
 * and stop, and moto as SNS (read back through SQS) and CloudWatch.
 */
class GiveBackIT extends WithLocalEndpoints {

    @Override
    protected List<String> healthyVifs() {
        return List.of(VIF_A, VIF_B, VIF_C);
    }

    private DxFailoverHandler handler(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C,
                "MINVIFS", "1", "SNSARN", local.topicArn()));
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return new DxFailoverHandler(env, localClients(), Clock.systemUTC());
    }

    /** The trial: A out on a failover test with 170 minutes left, then B and C down. */
    private void onlyTheHeldOutVifIsUsable() {
        dx.pastTest(VIF_A, "t-held", Duration.ofMinutes(10), 180);
        dx.addVif(VIF_B, "down", "down").addVif(VIF_C, "down", "down");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReconcilePassGivesTheHeldOutVifBack() {
        onlyTheHeldOutVifIsUsable();
        Map<String, Object> result = handler().handle(Map.of("action", "reconcile"), null);

        assertThat(result.get("outcome")).isEqualTo("RECONCILED");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) result.get("actions");
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("virtualInterfaceId", VIF_A).containsEntry("outcome", "GIVEN_BACK")
                    .containsEntry("testId", "t-held");
        });
        assertThat(dx.calls("StopBgpFailoverTest")).singleElement()
                .satisfies(c -> assertThat(c.request().get("virtualInterfaceId").asText()).isEqualTo(VIF_A));
        assertThat(dx.vif(VIF_A).state()).isEqualTo("available");
        assertThat(aws.delivered()).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("outcome", "GIVEN_BACK").containsEntry("virtualInterfaceId", VIF_A);
            assertThat(m.subject()).isEqualTo("GIVEN_BACK " + VIF_A + " - below the minimum (DX failover)");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("Ended: failover test t-held on " + VIF_A)
                    .contains("may still carry traffic badly");
        });
        assertThat(aws.supportCases()).isEmpty();
        // The next pass finds the minimum held: nothing more to give back, nothing sent.
        Map<String, Object> next = handler().handle(Map.of("action", "reconcile"), null);
        assertThat((List<?>) next.get("actions")).isEmpty();
        assertThat(dx.calls("StopBgpFailoverTest")).hasSize(1);
        assertThat(aws.delivered()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAlarmEventGivesBackBeforeItsOwnDecision() {
        dx.pastTest(VIF_A, "t-held", Duration.ofMinutes(30), 180);
        dx.addVif(VIF_B, "down", "down");
        Map<String, Object> result = handler("MINVIFS", "2")
                .handle(Fixtures.eventBridgeAlarm(VIF_C + " packet loss", "ALARM"), null);

        assertThat(result.get("outcome")).isEqualTo("MINIMUM_REACHED");
        assertThat((List<Map<String, Object>>) result.get("givenBack")).singleElement().satisfies(g ->
                assertThat(g).containsEntry("virtualInterfaceId", VIF_A).containsEntry("testId", "t-held")
                        .containsKey("testStartedAt"));
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(dx.vif(VIF_A).state()).isEqualTo("available");
        assertThat(aws.delivered()).extracting(m -> m.attributes().get("outcome"))
                .containsExactly("GIVEN_BACK", "MINIMUM_REACHED");
    }

    @Test
    void aRefusedStopFailsTheInvocationAfterOneNotification() {
        onlyTheHeldOutVifIsUsable();
        dx.inject("StopBgpFailoverTest", new Fault.ServerError(), 10);
        DxFailoverHandler handler = handler();

        assertThatThrownBy(() -> handler.handle(Map.of("action", "reconcile"), null))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageStartingWith("stopping the BGP failover test on " + VIF_A + " failed:");
        assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
        assertThat(aws.delivered()).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("outcome", "ERROR");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("could not give " + VIF_A + " back");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void underDryRunNothingIsStopped() {
        onlyTheHeldOutVifIsUsable();
        Map<String, Object> result = handler("DRY_RUN", "true").handle(Map.of("action", "reconcile"), null);

        assertThat((List<Map<String, Object>>) result.get("actions")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("outcome", "DRY_RUN").containsEntry("testId", "t-held"));
        assertThat(dx.calls("StopBgpFailoverTest")).isEmpty();
        assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
        assertThat(aws.delivered()).as("a reconcile pass leaves DRY_RUN silent").isEmpty();
    }
}
