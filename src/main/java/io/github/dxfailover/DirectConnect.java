package io.github.dxfailover;

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
 * test of a VIF, starting and stopping one. Failures come back as {@link FailoverException} with a
 * sentence an operator can act on.
 */
final class DirectConnect {
    private final DirectConnectClient client;
    private final Clock clock;

    DirectConnect(DirectConnectClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The listed VIFs, read in one pass over DescribeVirtualInterfaces pages (docs/behaviour.md §4). */
    VifStates readStates(List<String> listed) {
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
            throw new FailoverException("reading the VIF states from Direct Connect failed (nothing was changed): "
                    + AwsErrors.text(e), e);
        }
        return VifStates.of(listed, returned);
    }

    private static BgpPeer peer(BGPPeer p) {
        Long asn = p.asnLong() != null ? p.asnLong() : p.asn() != null ? Long.valueOf(p.asn()) : null;
        return new BgpPeer(p.addressFamilyAsString(), p.customerAddress(), asn, p.bgpStatusAsString());
    }

    /** Takes the VIF's BGP sessions down for {@code minutes}; they come back by themselves. */
    FailoverTest start(String vifId, int minutes) {
        VirtualInterfaceTestHistory test;
        try {
            test = client.startBgpFailoverTest(StartBgpFailoverTestRequest.builder()
                    .virtualInterfaceId(vifId).testDurationInMinutes(minutes).build()).virtualInterfaceTest();
        } catch (RuntimeException e) {
            throw new FailoverException("starting the BGP failover test on " + vifId + " failed: " + AwsErrors.text(e), e);
        }
        // Direct Connect reports the end; should it not, the requested duration says when it will be.
        Instant endsAt = test.endTime() != null ? test.endTime() : clock.instant().plus(Duration.ofMinutes(minutes));
        return new FailoverTest(test.testId(), endsAt);
    }

    /** Ends the VIF's running failover test now. */
    FailoverTest stop(String vifId) {
        try {
            VirtualInterfaceTestHistory test = client.stopBgpFailoverTest(StopBgpFailoverTestRequest.builder()
                    .virtualInterfaceId(vifId).build()).virtualInterfaceTest();
            return new FailoverTest(test.testId(), test.endTime());
        } catch (RuntimeException e) {
            throw new FailoverException("stopping the BGP failover test on " + vifId + " failed: " + AwsErrors.text(e), e);
        }
    }

    /** The VIF's failover test that has not ended yet, if any. A failed look-up throws the SDK's exception. */
    Optional<FailoverTest> runningTest(String vifId) {
        Instant now = clock.instant();
        return client.listVirtualInterfaceTestHistory(ListVirtualInterfaceTestHistoryRequest.builder()
                        .virtualInterfaceId(vifId).build()).virtualInterfaceTestHistory()
                .stream()
                .filter(t -> t.endTime() == null || t.endTime().isAfter(now))
                .filter(t -> t.status() == null
                        || !t.status().toUpperCase(Locale.ROOT).matches("COMPLETED|CANCELLED|FAILED"))
                .findFirst()
                .map(t -> new FailoverTest(t.testId(), t.endTime()));
    }
}
