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
        Result r = service().handle(new Request.Restore(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.RESTORED);
        assertThat(r.testId()).isEqualTo("test-1");
        ArgumentCaptor<StopBgpFailoverTestRequest> stop = ArgumentCaptor.forClass(StopBgpFailoverTestRequest.class);
        verify(dx).stopBgpFailoverTest(stop.capture());
        assertThat(stop.getValue().virtualInterfaceId()).isEqualTo(VIF_A);
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verifyNoInteractions(support);
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("RESTORED");
        assertThat(p.message()).contains("test-1").contains("was stopped");
    }

    @Test
    void restoreOfAVifNotUnderTestChangesNothing() {
        allHealthy();
        Result r = service().handle(new Request.Restore(VIF_B));
        assertThat(r.outcome()).isEqualTo(Outcome.NOTHING_TO_RESTORE);
        assertThat(r.message()).contains("available, BGP peer 1 up, peer 2 down");
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    @Test
    void restoreOfAnUnlistedVifCallsNothing() {
        Result r = service().handle(new Request.Restore(OTHER_VIF));
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        verifyNoInteractions(dx, sns, support);
    }

    @Test
    void restoreInDryRunChangesNothing() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"));
        Result r = service(config(envWith("DRY_RUN", "true"))).handle(new Request.Restore(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.message()).contains("would stop");
        verifyNoChange();
    }
}
