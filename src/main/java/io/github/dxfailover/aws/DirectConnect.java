package io.github.dxfailover.aws;

import io.github.dxfailover.aws.AwsCallFailed.Call;
import io.github.dxfailover.decision.BgpPeer;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.BGPPeer;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.directconnect.model.VirtualInterfaceTestHistory;

/**
 * Everything the function asks of Direct Connect: the VIF states in one pass, the running failover
 * test of a VIF, starting and stopping one. A failed call throws {@link AwsCallFailed}.
 */
public record DirectConnect(DirectConnectClient client, Clock clock) {
    /** The listed VIFs, read in one pass over DescribeVirtualInterfaces pages (docs/behaviour.md §4). */
    public VifStates readStates(List<String> listed) {
        List<VifState> returned = new ArrayList<>();
        String token = null;
        try {
            do {
                DescribeVirtualInterfacesResponse page = client.describeVirtualInterfaces(
                        DescribeVirtualInterfacesRequest.builder().nextToken(token).build());
                for (VirtualInterface v : page.virtualInterfaces()) {
                    returned.add(new VifState(v.virtualInterfaceId(), v.virtualInterfaceStateAsString(),
                            v.bgpPeers().stream().map(DirectConnect::peer).toList()));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.DESCRIBE_VIRTUAL_INTERFACES, null, e);
        }
        return VifStates.of(listed, returned);
    }

    private static BgpPeer peer(BGPPeer p) {
        Long asn = p.asnLong() != null ? p.asnLong() : p.asn() != null ? Long.valueOf(p.asn()) : null;
        return new BgpPeer(p.addressFamilyAsString(), p.customerAddress(), asn, p.bgpStatusAsString());
    }

    /** Takes the VIF's BGP sessions down for {@code minutes}; they come back by themselves. */
    public FailoverTestRun start(String vifId, int minutes) {
        VirtualInterfaceTestHistory test;
        try {
            test = client.startBgpFailoverTest(StartBgpFailoverTestRequest.builder()
                    .virtualInterfaceId(vifId).testDurationInMinutes(minutes).build()).virtualInterfaceTest();
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.START_BGP_FAILOVER_TEST, vifId, e);
        }
        // Direct Connect reports the end; should it not, the requested duration says when it will be.
        Instant endsAt = test.endTime() != null ? test.endTime() : clock.instant().plus(Duration.ofMinutes(minutes));
        return new FailoverTestRun(test.testId(), endsAt);
    }

    /** Ends the VIF's running failover test now. */
    public FailoverTestRun stop(String vifId) {
        try {
            VirtualInterfaceTestHistory test = client.stopBgpFailoverTest(StopBgpFailoverTestRequest.builder()
                    .virtualInterfaceId(vifId).build()).virtualInterfaceTest();
            return new FailoverTestRun(test.testId(), test.endTime());
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.STOP_BGP_FAILOVER_TEST, vifId, e);
        }
    }

    /** The VIF's failover test that has not ended yet, if any. */
    public Optional<FailoverTestRun> runningTest(String vifId) {
        Instant now = clock.instant();
        try {
            return client.listVirtualInterfaceTestHistory(ListVirtualInterfaceTestHistoryRequest.builder()
                            .virtualInterfaceId(vifId).build()).virtualInterfaceTestHistory()
                    .stream()
                    .filter(t -> t.endTime() == null || t.endTime().isAfter(now))
                    .filter(t -> t.status() == null
                            || !t.status().toUpperCase(Locale.ROOT).matches("COMPLETED|CANCELLED|FAILED"))
                    .findFirst()
                    .map(t -> new FailoverTestRun(t.testId(), t.endTime()));
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.LIST_TEST_HISTORY, vifId, e);
        }
    }
}
