package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.Result;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestResponse;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The operator's restore command with mocked SDK clients: only a listed VIF under test is put back. */
class RestoreTest extends MockedAws {

    @Test
    void restoreStopsTheRunningTestAndNotifies() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"), dxVif(VIF_B, "available", "up"));
        when(dx.stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class))).thenReturn(StopBgpFailoverTestResponse
                .builder().virtualInterfaceTest(test(VIF_A, "test-1", NOW).toBuilder().status("COMPLETED").build())
                .build());
        Result r = service().handle(new Request.Restore(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.RESTORED);
        assertThat(r.testId()).isEqualTo("test-1");
        ArgumentCaptor<StopBgpFailoverTestRequest> stop = ArgumentCaptor.forClass(StopBgpFailoverTestRequest.class);
        verify(dx).stopBgpFailoverTest(stop.capture());
        assertThat(stop.getValue().virtualInterfaceId()).isEqualTo(VIF_A);
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verifyNoInteractions(support);
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("RESTORED");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("test-1").contains("was stopped");
    }

    /** docs/behaviour.md §7: every outcome of a command but a REJECTED one is notified, like an alarm's. */
    @Test
    void restoreOfAVifNotUnderTestChangesNothingAndSaysSo() {
        allHealthy();
        Result r = service().handle(new Request.Restore(VIF_B), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.NOTHING_TO_RESTORE);
        assertThat(r.message()).contains("available, BGP peer 1 up, peer 2 down");
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("NOTHING_TO_RESTORE");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("Nothing was changed: no failover test runs on " + VIF_B + ".");
    }

    @Test
    void restoreOfAnUnlistedVifReadsNothingChangesNothingAndIsNotified() {
        Result r = service().handle(new Request.Restore(OTHER_VIF), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        verifyNoInteractions(dx, support);
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("NOT_MANAGED");
        assertThat(p.messageAttributes().get("virtualInterfaceId").stringValue()).isEqualTo(OTHER_VIF);
        assertThat(p.subject()).isEqualTo("NOT_MANAGED " + OTHER_VIF + " - operator restore command (DX failover)");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains(OTHER_VIF + " is not in VIFLIST");
    }

    @Test
    void restoreInDryRunChangesNothingAndSaysWhatItWouldHaveDone() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"));
        Result r = service(config(envWith("DRY_RUN", "true"))).handle(new Request.Restore(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.message()).contains("would stop");
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("DRY_RUN");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("Nothing was changed (DRY_RUN=true). Without it the function would have "
                + "stopped the BGP failover test on " + VIF_A + ".");
    }

    @Test
    void aRejectedCommandIsAnsweredInItsResultOnly() {
        Result r = service().handle(new Request.Invalid("expected a VIF ID, found 'x'", false), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        verifyNoInteractions(dx, sns, support);
    }
}
