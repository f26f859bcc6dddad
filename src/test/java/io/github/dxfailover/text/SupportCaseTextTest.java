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

    @Test
    void aLargeGroupsCaseStaysWithinTheSupportApisLimitAndStillNamesTheVif() {
        java.util.List<io.github.dxfailover.decision.VifState> region = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            region.add(vif("dxvif-sc%06d".formatted(i), i % 3 == 0 ? "down" : "available", i % 3 == 0 ? "down" : "up")
                    .tagged(java.util.Map.of(io.github.dxfailover.config.ManagedVifs.GROUP_TAG, "core")));
        }
        io.github.dxfailover.decision.VifStates group = io.github.dxfailover.decision.VifStates.select(
                new io.github.dxfailover.config.ManagedVifs.Group("core"), region);
        Result failover = Result.of(Outcome.FAILED_OVER, "dxvif-sc000001", "m", group, false)
                .withTest(new FailoverTestRun("t-1", END));
        SupportCase c = SupportCaseText.of(alarm("dxvif-sc000001 " + "x".repeat(240), "ALARM"), failover, 120);
        assertThat(c.body()).hasSizeLessThanOrEqualTo(SupportCaseText.BODY_MAX).contains("""
                VIF states when the failover was decided:
                  dxvif-sc000001  available, BGP up
                  and 299 other VIF(s), 199 of them healthy (every one is in the notification)

                Please investigate""");
        // Three VIFs fit: each one is listed, as always.
        assertThat(SupportCaseText.of(alarm(VIF_A + " loss", "ALARM"), FAILOVER, 120).body())
                .contains("dxvif-cccc3333  missing, BGP unknown");
    }
}
