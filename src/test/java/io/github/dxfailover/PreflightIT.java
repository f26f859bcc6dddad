package io.github.dxfailover;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.local.CannedJsonEndpoint;
import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * status as a preflight with the real SDK over HTTP (docs/behaviour.md §14): moto's SNS and
 * CloudWatch, the fake Direct Connect, and a local Support endpoint for what moto lacks.
 */
class PreflightIT extends WithLocalEndpoints {
    private static final String SEVERITIES = "{\"severityLevels\":[{\"code\":\"low\",\"name\":\"Low\"},"
            + "{\"code\":\"normal\",\"name\":\"Normal\"},{\"code\":\"high\",\"name\":\"High\"},"
            + "{\"code\":\"urgent\",\"name\":\"Urgent\"},{\"code\":\"critical\",\"name\":\"Critical\"}]}";
    @Override
    protected List<String> healthyVifs() {
        return List.of(); // added with two BGP peers each
    }

    @BeforeEach
    void addVifsWithTwoBgpPeers() {
        dx.addVif(VIF_A, "available", "up", "up").addVif(VIF_B, "available", "up", "up")
                .addVif(VIF_C, "available", "up", "up");
        // Traffic for the capacity guard: 1 Gbit/s each on the default 10 Gbit/s connection they share.
        for (String vif : List.of(VIF_A, VIF_B, VIF_C)) {
            dx.onLink(vif, FakeDirectConnect.DEFAULT_CONNECTION, 1e9);
        }
        aws.putTraffic(dx);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(URI supportEndpoint) {
        DxFailoverHandler handler = new DxFailoverHandler(Map.of("VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C,
                "MINVIFS", "1", "SNSARN", local.topicArn()), localClients(supportEndpoint), Clock.systemUTC());
        Map<String, Object> result = handler.handle(Map.of("action", "status"), null);
        // A preflight changes nothing and tells no one.
        assertThat(dx.calls()).extracting(FakeDirectConnect.Call::operation)
                .containsOnly("DescribeVirtualInterfaces", "DescribeConnections", "DescribeLags",
                        "ListVirtualInterfaceTestHistory", "DescribeTags");
        assertThat(dx.tests()).isEmpty();
        assertThat(aws.delivered()).isEmpty();
        assertThat(aws.supportCases()).isEmpty();
        return result;
    }

    @Test
    void readyWhenTopicSupportAndVifsAreWell() throws Exception {
        try (CannedJsonEndpoint support = CannedJsonEndpoint.answering(SEVERITIES)) {
            Map<String, Object> result = status(support.endpoint());
            assertThat(result.get("reasons")).asList().isEmpty();
            assertThat(result.get("ready")).isEqualTo(true);
            assertThat(result.get("message")).asString().startsWith("READY: 3 of 3 listed VIFs healthy")
                    .contains("\n  " + VIF_A + " available, healthy; BGP ipv4 169.254.10.2/30 up; ipv6 2001:db8::2/125 "
                            + "up\n");
            // The records' permission, for all three VIFs in one read-only call by their ARNs (§14).
            assertThat(dx.calls("DescribeTags")).singleElement().satisfies(c -> assertThat(c.request()
                    .get("resourceArns")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly(
                            "arn:aws:directconnect:eu-west-1:123456789012:dxvif/" + VIF_A,
                            "arn:aws:directconnect:eu-west-1:123456789012:dxvif/" + VIF_B,
                            "arn:aws:directconnect:eu-west-1:123456789012:dxvif/" + VIF_C));
            assertThat(support.calls()).isEqualTo(1);
        }
    }

    @Test
    void aMissingTopicIsAReason() throws Exception {
        aws.deleteTopic();
        try (CannedJsonEndpoint support = CannedJsonEndpoint.answering(SEVERITIES)) {
            Map<String, Object> result = status(support.endpoint());
            assertThat(result.get("ready")).isEqualTo(false);
            assertThat((List<String>) result.get("reasons")).singleElement().asString()
                    .contains("the notification topic " + local.topicArn() + " does not exist");
        }
    }

    @Test
    void noSupportSubscriptionIsAReason() throws Exception {
        try (CannedJsonEndpoint noPlan = CannedJsonEndpoint.failing(400, "SubscriptionRequiredException",
                "AWS Premium Support Subscription is required to use this service.")) {
            Map<String, Object> result = status(noPlan.endpoint());
            assertThat((List<String>) result.get("reasons")).singleElement().asString()
                    .contains("no Business or Enterprise support plan (SubscriptionRequiredException)");
        }
    }

    @Test
    void aHalfDownVifIsAReasonShownPerPeer() throws Exception {
        dx.addVif(VIF_B, "available", "up", "down");
        try (CannedJsonEndpoint support = CannedJsonEndpoint.answering(SEVERITIES)) {
            Map<String, Object> result = status(support.endpoint());
            assertThat((List<String>) result.get("reasons")).containsExactly(VIF_B + " has BGP sessions down "
                    + "(ipv4 169.254.10.2/30 AS 65000 up; ipv6 2001:db8::2/125 AS 65000 down)");
            assertThat(result.get("message")).asString().contains("3 of 3 listed VIFs healthy");
        }
    }

    @Test
    void aVifWhoseRecordsTheRoleMayNotWriteIsAReason() throws Exception {
        dx.denyTags(VIF_C);
        try (CannedJsonEndpoint support = CannedJsonEndpoint.answering(SEVERITIES)) {
            Map<String, Object> result = status(support.endpoint());
            assertThat(result.get("ready")).isEqualTo(false);
            assertThat((List<String>) result.get("reasons")).singleElement().asString().startsWith("this function may "
                    + "not write its records (practice runs, maintenance windows) on " + VIF_C + " (AccessDeniedException: "
                    + "User: arn:aws:sts::123456789012:assumed-role/dx-failover/fn is not authorized to perform: "
                    + "directconnect:DescribeTags on resource: arn:aws:directconnect:eu-west-1:123456789012:dxvif/"
                    + VIF_C);
            assertThat(dx.calls("DescribeTags")).hasSize(4);
        }
    }
}
