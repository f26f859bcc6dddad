package io.github.dxfailover;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.eventBridgeAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lost answer over the real SDK (docs/behaviour.md §8, issue 36): the fake Direct Connect carries the call out and
 * answers only after the client's attempt timeout (4 s). The function reads the VIF back and goes on from what Direct
 * Connect shows: one test, one case, one message, as without the fault.
 */
class LostAnswerIT extends WithLocalEndpoints {
    /** Longer than an attempt (40 % of the 10-second call timeout), shorter than the call. */
    private static final Duration LOST = Duration.ofMillis(4500);

    @Override
    protected List<String> healthyVifs() {
        return List.of(VIF_A);
    }

    private DxFailoverHandler handler() {
        Map<String, String> env = new HashMap<>(Map.of("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C,
                "MINVIFS", "1", "SNSARN", local.topicArn()));
        return new DxFailoverHandler(env, localClients(), Clock.systemUTC());
    }

    @Test
    void aStartWhoseAnswerIsLostIsOneFailoverWithItsCaseAndMessage() {
        dx.addVif(VIF_B, "available", "up").addVif(VIF_C, "available", "up");
        dx.inject("StartBgpFailoverTest", new FakeDirectConnect.Fault.LostAnswer(LOST), 1);

        Map<String, Object> result = handler().handle(eventBridgeAlarm(VIF_A + " packet loss", "ALARM"), null);

        assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(dx.tests()).singleElement().satisfies(t -> assertThat(result.get("testId")).isEqualTo(t.testId()));
        // The SDK's second attempt met the running test; the history read settled it.
        assertThat(dx.calls("StartBgpFailoverTest")).hasSize(2);
        assertThat(dx.calls("ListVirtualInterfaceTestHistory")).hasSize(1);
        assertThat(aws.supportCases()).hasSize(1);
        assertThat(aws.delivered()).singleElement().satisfies(m ->
                assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER"));

        // Lambda's retry of the same event adds nothing.
        Map<String, Object> retry = handler().handle(eventBridgeAlarm(VIF_A + " packet loss", "ALARM"), null);
        assertThat(retry.get("outcome")).isEqualTo("ALREADY_UNAVAILABLE");
        assertThat(dx.tests()).hasSize(1);
        assertThat(aws.supportCases()).hasSize(1);
    }

    @Test
    void aGiveBackWhoseStopAnswerIsLostIsAVifGivenBack() {
        dx.pastTest(VIF_A, "t-held", Duration.ofMinutes(10), 180);
        dx.addVif(VIF_B, "down", "down").addVif(VIF_C, "down", "down");
        dx.inject("StopBgpFailoverTest", new FakeDirectConnect.Fault.LostAnswer(LOST), 1);

        Map<String, Object> result = handler().handle(Map.of("action", "reconcile"), null);

        assertThat(result.get("errors")).asList().isEmpty();
        assertThat(result.get("actions")).asList().singleElement()
                .satisfies(a -> assertThat(((Map<?, ?>) a).get("outcome")).isEqualTo("GIVEN_BACK"));
        assertThat(dx.vif(VIF_A).state()).isEqualTo("available");
        assertThat(aws.delivered()).singleElement().satisfies(m ->
                assertThat(m.attributes()).containsEntry("outcome", "GIVEN_BACK"));
    }
}
