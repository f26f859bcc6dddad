package io.github.dxfailover.text;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.states;
import static io.github.dxfailover.Fixtures.vif;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.port.SupportCase;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.result.Result;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The support case a failover opens, whole (docs/behaviour.md §6). */
class SupportCaseTextTest {
    private static final Instant END = Instant.parse("2026-11-26T07:00:00Z");
    private static final Result FAILOVER = Result.of(Outcome.FAILED_OVER, VIF_A, "m",
            states(config(), vif(VIF_A, "available", "up")), false).withTest(new FailoverTestRun("t-1", END));

    @Test
    void anAlarmsCaseNamesTheVifTheAlarmTheTestAndTheStates() {
        SupportCase c = SupportCaseText.of(alarm(VIF_A + " loss", "ALARM"), FAILOVER, 120);
        assertThat(c.subject()).isEqualTo("Direct Connect VIF dxvif-aaaa1111 taken out of service after alarm (failover "
                + "test t-1)");
        assertThat(c.body()).isEqualTo("""
                The Direct Connect virtual interface dxvif-aaaa1111 was taken out of service by the aws-dx-failover \
                function because a CloudWatch alarm reported bad traffic on it.

                Alarm: dxvif-aaaa1111 loss
                Region: eu-west-1  Account: 123456789012
                State: ALARM at 2026-11-26T04:00:00.000+0000
                Reason: Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).

                BGP failover test t-1 was started for 120 minutes; BGP on dxvif-aaaa1111 comes back by itself at \
                2026-11-26T07:00:00Z.

                VIF states when the failover was decided:
                  dxvif-aaaa1111  available, BGP up
                  dxvif-bbbb2222  missing, BGP unknown
                  dxvif-cccc3333  missing, BGP unknown

                Please investigate the virtual interface and its connection.""");
    }

    @Test
    void reconcileAndCommandCasesSayWhoAsked() {
        Instant since = Instant.parse("2026-11-26T03:00:00Z");
        SupportCase reconciled = SupportCaseText.of(new FiringAlarm(alarm(VIF_A + " loss", "ALARM"), since, true,
                since.plusSeconds(60)), FAILOVER, 180);
        assertThat(reconciled.body()).contains("function because a CloudWatch alarm has been reporting bad traffic on it "
                + "since 2026-11-26T03:00:00Z.\n").contains("Found by: the reconcile pass");
        assertThat(reconciled.subject()).contains("after alarm");
        SupportCase command = SupportCaseText.of(new OperatorCommand("failover", VIF_A), FAILOVER, 5);
        assertThat(command.subject()).isEqualTo("Direct Connect VIF dxvif-aaaa1111 taken out of service by operator "
                + "command (failover test t-1)");
        assertThat(command.body()).contains("function at an operator's request.\n")
                .contains("was started for 5 minutes;");
    }
}
