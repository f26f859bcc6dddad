package io.github.dxfailover.aws;

import java.util.Map;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.Vifs;
import io.github.dxfailover.decision.BgpPeer;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Link;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.decision.VifState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.BGPPeer;
import software.amazon.awssdk.services.directconnect.model.ConnectionState;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsResponse;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeLagsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeTagsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeLagsResponse;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryResponse;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.Tag;
import software.amazon.awssdk.services.directconnect.model.TagResourceRequest;
import software.amazon.awssdk.services.directconnect.model.UntagResourceRequest;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.directconnect.model.VirtualInterfaceTestHistory;

/**
 * The {@link Vifs} of the service, over Direct Connect: the VIF states with their tags in one pass, a VIF's
 * failover tests, starting and stopping one, tagging, and what the connections and LAGs can carry. A failed
 * call throws {@link AwsCallFailed}. It keeps nothing between calls.
 */
public final class DirectConnect implements Vifs {
    private final DirectConnectClient client;
    private final Clock clock;

    public DirectConnect(DirectConnectClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The most items a page of a Direct Connect listing holds (botocore's model: more than 100 gives 100). */
    static final int PAGE = 100;

    /**
     * Every VIF of the region in one pass, 100 a page (docs/behaviour.md §18: 300 VIFs, three calls), with the
     * tags that choose a group's VIFs and hold the function's records.
     */
    @Override
    public List<VifState> readAll() {
        List<VifState> returned = new ArrayList<>();
        try {
            Pages.each(token -> client.describeVirtualInterfaces(DescribeVirtualInterfacesRequest.builder()
                    .maxResults(PAGE).nextToken(token).build()), DescribeVirtualInterfacesResponse::nextToken, page -> {
                        for (VirtualInterface v : page.virtualInterfaces()) {
                            returned.add(new VifState(v.virtualInterfaceId(), v.virtualInterfaceStateAsString(),
                                    v.bgpPeers().stream().map(DirectConnect::peer).toList(), v.connectionId(),
                                    v.tags().stream().collect(Collectors.toMap(Tag::key,
                                            t -> t.value() == null ? "" : t.value(), (a, b) -> b)),
                                    v.ownerAccount()));
                        }
                    });
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.DESCRIBE_VIRTUAL_INTERFACES, null, e);
        }
        return returned;
    }

    @Override
    public List<Link> readLinks() {
        List<Link> links = new ArrayList<>();
        try {
            Pages.each(token -> client.describeConnections(DescribeConnectionsRequest.builder().maxResults(PAGE)
                            .nextToken(token).build()),
                    DescribeConnectionsResponse::nextToken,
                    page -> page.connections().forEach(c -> links.add(new Link(c.connectionId(), c.bandwidth(), 1,
                            c.lagId(), 0, List.of()))));
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.DESCRIBE_CONNECTIONS, null, e);
        }
        try {
            Pages.each(token -> client.describeLags(DescribeLagsRequest.builder().maxResults(PAGE).nextToken(token).build()),
                    DescribeLagsResponse::nextToken, page -> page.lags().forEach(lag -> {
                        List<String> available = lag.connections().stream()
                                .filter(c -> c.connectionState() == ConnectionState.AVAILABLE)
                                .map(software.amazon.awssdk.services.directconnect.model.Connection::connectionId)
                                .toList();
                        links.add(new Link(lag.lagId(), lag.connectionsBandwidth(), available.size(), null,
                                lag.minimumLinks() == null ? 0 : lag.minimumLinks(), available));
                    }));
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.DESCRIBE_LAGS, null, e);
        }
        return links;
    }

    private static BgpPeer peer(BGPPeer p) {
        Long asn = p.asnLong() != null ? p.asnLong() : p.asn() != null ? Long.valueOf(p.asn()) : null;
        return new BgpPeer(p.addressFamilyAsString(), p.customerAddress(), asn, p.bgpStatusAsString());
    }

    @Override
    public FailoverTestRun start(String vifId, int minutes) {
        VirtualInterfaceTestHistory test;
        try {
            test = client.startBgpFailoverTest(StartBgpFailoverTestRequest.builder()
                    .virtualInterfaceId(vifId).testDurationInMinutes(minutes).build()).virtualInterfaceTest();
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.START_BGP_FAILOVER_TEST, vifId, e);
        }
        // Direct Connect reports the end; should it not, the requested duration says when it will be.
        Instant endsAt = test.endTime() != null ? test.endTime() : clock.instant().plus(Duration.ofMinutes(minutes));
        return new FailoverTestRun(test.testId(), endsAt);
    }

    @Override
    public FailoverTestRun stop(String vifId) {
        try {
            VirtualInterfaceTestHistory test = client.stopBgpFailoverTest(StopBgpFailoverTestRequest.builder()
                    .virtualInterfaceId(vifId).build()).virtualInterfaceTest();
            return new FailoverTestRun(test.testId(), test.endTime());
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.STOP_BGP_FAILOVER_TEST, vifId, e);
        }
    }

    @Override
    public List<TestHistoryEntry> history(String vifId) {
        List<TestHistoryEntry> tests = new ArrayList<>();
        try {
            Pages.each(token -> client.listVirtualInterfaceTestHistory(ListVirtualInterfaceTestHistoryRequest.builder()
                            .virtualInterfaceId(vifId).nextToken(token).build()),
                    ListVirtualInterfaceTestHistoryResponse::nextToken, page -> page.virtualInterfaceTestHistory()
                            .forEach(t -> tests.add(new TestHistoryEntry(t.testId(), t.status(), t.startTime(),
                                    t.endTime()))));
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.LIST_TEST_HISTORY, vifId, e);
        }
        return tests;
    }

    @Override
    public void tag(VifState vif, String key, String value) {
        try {
            client.tagResource(TagResourceRequest.builder().resourceArn(arn(vif))
                    .tags(Tag.builder().key(key).value(value).build()).build());
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.TAG_RESOURCE, vif.id(), e);
        }
    }

    @Override
    public void untag(VifState vif, String key) {
        try {
            client.untagResource(UntagResourceRequest.builder().resourceArn(arn(vif)).tagKeys(key).build());
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.UNTAG_RESOURCE, vif.id(), e);
        }
    }

    @Override
    public Map<String, Map<String, String>> readTags(List<VifState> vifs) {
        try {
            Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
            client.describeTags(DescribeTagsRequest.builder().resourceArns(vifs.stream().map(this::arn).toList()).build())
                    .resourceTags().forEach(r -> out.put(r.resourceArn().substring(r.resourceArn().lastIndexOf('/') + 1),
                            r.tags().stream().collect(Collectors.toMap(Tag::key, t -> t.value() == null ? "" : t.value(),
                                    (a, b) -> b))));
            return out;
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.DESCRIBE_TAGS, vifs.size() == 1 ? vifs.get(0).id() : null, e);
        }
    }

    /** arn:partition:directconnect:region:account:dxvif/id, the account as Direct Connect reported the VIF's owner. */
    @Override
    public String arn(VifState vif) {
        Region region = client.serviceClientConfiguration().region();
        String partition = region.metadata() == null ? "aws" : region.metadata().partition().id();
        return "arn:" + partition + ":directconnect:" + region.id() + ":"
                + (vif.ownerAccount() == null ? "" : vif.ownerAccount()) + ":dxvif/" + vif.id();
    }
}
