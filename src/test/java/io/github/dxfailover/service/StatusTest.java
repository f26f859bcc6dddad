package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.Result;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryResponse;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The operator's status command with mocked SDK clients: a report, no change, no notification. */
class StatusTest extends MockedAws {

    @Test
    void statusReportsEveryVifAndTheRunningTestWithoutChangingOrNotifying() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"), dxVif(VIF_B, "available", "up"));
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class))).thenReturn(
                ListVirtualInterfaceTestHistoryResponse.builder().virtualInterfaceTestHistory(
                        test(VIF_A, "old", NOW.minusSeconds(7200)).toBuilder().status("COMPLETED").build(),
                        test(VIF_A, "test-9", TEST_END)).build());
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.STATUS);
        assertThat(r.message()).startsWith("NOT READY: ").contains("1 of 3 listed VIFs healthy")
                .contains(VIF_A + " testing, not healthy; BGP peer 1 down\n      failover test test-9 until " + TEST_END + "\n")
                .contains(VIF_B + " available, healthy; BGP ")
                .contains(VIF_C + " not returned by Direct Connect, not healthy; BGP unknown");
        ArgumentCaptor<ListVirtualInterfaceTestHistoryRequest> list =
                ArgumentCaptor.forClass(ListVirtualInterfaceTestHistoryRequest.class);
        verify(dx, times(2)).listVirtualInterfaceTestHistory(list.capture());
        // Every VIF Direct Connect returned: the running test of A, and the preflight's permission check of B.
        assertThat(list.getAllValues()).extracting(ListVirtualInterfaceTestHistoryRequest::virtualInterfaceId)
                .containsExactly(VIF_A, VIF_B);
        verifyNoChange();
        verify(sns, never()).publish(any(PublishRequest.class)); // read-only GetTopicAttributes is the preflight's
    }

    @Test
    void theRunningTestAndTheLastStartAreFoundOnALaterPageOfTheHistory() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"), dxVif(VIF_B, "available", "up"));
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class))).thenAnswer(call -> {
            ListVirtualInterfaceTestHistoryRequest q = call.getArgument(0);
            if (!q.virtualInterfaceId().equals(VIF_A)) {
                return ListVirtualInterfaceTestHistoryResponse.builder().build();
            }
            return q.nextToken() == null
                    ? ListVirtualInterfaceTestHistoryResponse.builder().virtualInterfaceTestHistory(
                            test(VIF_A, "old", NOW.minusSeconds(86_400)).toBuilder().status("COMPLETED")
                                    .startTime(NOW.minusSeconds(88_200)).build()).nextToken("p2").build()
                    : ListVirtualInterfaceTestHistoryResponse.builder().virtualInterfaceTestHistory(
                            test(VIF_A, "test-9", TEST_END)).build();
        });
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.message()).contains(VIF_A + " testing, not healthy; BGP peer 1 down\n      failover test test-9 until "
                        + TEST_END + "\n")
                .contains(VIF_A + " last test " + NOW);
        verify(dx, times(3)).listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class));
        verifyNoChange();
    }

    @Test
    void statusStillAnswersWhenTheTestHistoryCannotBeRead() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"), dxVif(VIF_B, "available", "up"));
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class)))
                .thenThrow(SdkClientException.create("read timed out"));
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.STATUS);
        assertThat(r.message()).contains(VIF_A + " testing, not healthy; BGP peer 1 down\n      test history unavailable: "
                + "read timed out");
        verifyNoChange();
    }
}
