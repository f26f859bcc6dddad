package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/behaviour.md §8: every path that starts a test starts it only with time left for its case and its
 * notification. Before, only the reconcile pass had a deadline.
 */
class TimeBudgetTest {
    private final InMemoryAws aws = new InMemoryAws().healthy(VIF_A, VIF_B, VIF_C);

    @Test
    void anAlarmWithTooLittleTimeLeftChangesNothingAndFailsSoThatLambdaRetries() {
        FailoverService service = aws.service(config());
        Deadline twentySeconds = new Deadline(InMemoryAws.NOW.plusSeconds(20));
        assertThatThrownBy(() -> service.handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                twentySeconds))
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("too little of the function's time was left to start the BGP failover test on " + VIF_A
                        + " and still open its case and notify (nothing was changed); Lambda retries the event");
        assertThat(aws.calls("StartBgpFailoverTest", "CreateCase", "Publish")).isEmpty();

        var inTime = service.handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                new Deadline(InMemoryAws.NOW.plusSeconds(55)));
        assertThat(inTime.outcome()).isEqualTo(Outcome.FAILED_OVER);
    }

    @Test
    void aPracticeRunWithTooLittleTimeLeftDoesNotStart() {
        Map<String, String> env = Fixtures.env();
        env.put("PRACTICE_OUTCOME_ALARMS", "app-latency");
        env.put("MAX_UTILIZATION", "0");
        aws.alarmStates.put("app-latency", "OK");
        FailoverService service = aws.service(config(env));
        assertThatThrownBy(() -> service.handle(new Request.Practice(VIF_A, null),
                new Deadline(InMemoryAws.NOW.plusSeconds(20)))).isInstanceOf(RetryableFailure.class);
        assertThat(aws.calls("StartBgpFailoverTest", "TagResource", "Publish")).isEmpty();
    }
}
