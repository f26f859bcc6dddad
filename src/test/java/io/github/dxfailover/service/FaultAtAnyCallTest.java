package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.AwsCallFailed.Call;
import org.junit.jupiter.api.Test;

/**
 * A fault at any call (docs/behaviour.md §8, issue 36), through the service on in-memory ports: every read before a
 * change is a read, and a lost answer is read back, never guessed.
 */
class FaultAtAnyCallTest {
    private final InMemoryAws aws = new InMemoryAws().healthy(VIF_A, VIF_B, VIF_C);

    /** Defect 6: the alarm's own mute check fails: the invocation fails before any change, nothing is guessed. */
    @Test
    void aFailedMuteCheckFailsTheInvocationInsteadOfOverridingAMute() {
        aws.failing(Call.DESCRIBE_ALARMS);

        assertThatThrownBy(() -> aws.service(Fixtures.config()).handle(new Request.Evaluate(
                alarm(VIF_A + " loss", "ALARM"), null), Deadline.none()))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("from CloudWatch failed (nothing was changed)");
        assertThat(aws.calls("StartBgpFailoverTest", "CreateCase", "Publish")).isEmpty();
    }
}
