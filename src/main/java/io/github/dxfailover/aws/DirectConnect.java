package io.github.dxfailover.aws;

import io.github.dxfailover.aws.AwsCallFailed.Call;
import io.github.dxfailover.decision.BgpPeer;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Link;
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
import software.amazon.awssdk.services.directconnect.model.Connection;
import software.amazon.awssdk.services.directconnect.model.ConnectionState;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsResponse;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeLagsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeLagsResponse;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.Lag;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.directconnect.model.VirtualInterfaceTestHistory;

/**
 * Everything the function asks of Direct Connect: the VIF states in one pass, the running failover
 * test of a VIF, starting and stopping one, and what the connections and LAGs can carry. A failed
 * call throws {@link AwsCallFailed}.
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
                            v.bgpPeers().stream().map(DirectConnect::peer).toList(), v.connectionId()));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.DESCRIBE_VIRTUAL_INTERFACES, null, e);
        }
        return VifStates.of(listed, returned);
    }

    /**
     * Every connection and LAG of the account and region, for the capacity of docs/behaviour.md §15:
     * DescribeConnections and DescribeLags, each in one pass over its pages.
     */
    public List<Link> readLinks() {
        List<Link> links = new ArrayList<>();
        String token = null;
        try {
            do {
                DescribeConnectionsResponse page = client.describeConnections(DescribeConnectionsRequest.builder().nextToken(token).build());
                for (Connection c : page.connections()) {
                    links.add(new Link(c.connectionId(), c.bandwidth(), 1));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.DESCRIBE_CONNECTIONS, null, e);
        }
        token = null;
        try {
            do {
                DescribeLagsResponse page = client.describeLags(DescribeLagsRequest.builder().nextToken(token).build());
                for (Lag lag : page.lags()) {
                    int available = (int) lag.connections().stream()
                            .filter(c -> c.connectionState() == ConnectionState.AVAILABLE).count();
                    links.add(new Link(lag.lagId(), lag.connectionsBandwidth(), available));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.DESCRIBE_LAGS, null, e);
        }
        return links;
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
