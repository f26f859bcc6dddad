package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.dxfailover.DxFailoverHandler;
import io.github.dxfailover.Fixtures;
import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.result.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.directconnect.model.BGPPeer;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DirectConnectException;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryResponse;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.support.model.DescribeSeverityLevelsRequest;
import software.amazon.awssdk.services.support.model.DescribeSeverityLevelsResponse;
import software.amazon.awssdk.services.support.model.SeverityLevel;
import software.amazon.awssdk.services.support.model.SupportException;

/** status as the preflight of docs/behaviour.md §14, with mocked clients: ready, or every reason why not. */
class PreflightTest extends MockedAws {

    static VirtualInterface twoPeers(String id, String ipv4Status, String ipv6Status) {
        return VirtualInterface.builder().virtualInterfaceId(id).virtualInterfaceState("available")
                .connectionId(Fixtures.connectionOf(id)).bgpPeers(
                BGPPeer.builder().addressFamily("ipv4").customerAddress("169.254.10.2/30").asn(65000)
                        .bgpStatus(ipv4Status).build(),
                BGPPeer.builder().addressFamily("ipv6").customerAddress("2001:db8::2/125").asn(65000)
                        .bgpStatus(ipv6Status).build()).build();
    }

    private void allWell() {
        directConnectReturns(twoPeers(VIF_A, "up", "up"), twoPeers(VIF_B, "up", "up"), twoPeers(VIF_C, "up", "up"));
        when(sns.getTopicAttributes(any(GetTopicAttributesRequest.class)))
                .thenReturn(GetTopicAttributesResponse.builder().build());
        when(support.describeSeverityLevels(any(DescribeSeverityLevelsRequest.class))).thenReturn(
                DescribeSeverityLevelsResponse.builder().severityLevels(
                        List.of("low", "normal", "high", "urgent", "critical").stream()
                                .map(c -> SeverityLevel.builder().code(c).build()).toList()).build());
    }

    private void verifyNothingChangedOrSent() {
        verifyNoChange();
        verify(sns, never()).publish(any(PublishRequest.class));
    }

    @Test
    void readyWhenEverythingIsWell() {
        allWell();
        Result r = service().handle(new Request.Status(), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.STATUS);
        assertThat(r.preflight().ready()).isTrue();
        assertThat(r.preflight().reasons()).isEmpty();
        assertThat(r.toMap()).containsEntry("ready", true).containsEntry("reasons", List.of());
        assertThat(r.message()).startsWith("READY: 3 of 3 listed VIFs healthy, MINVIFS 1: 2 can be taken out now\n")
                .contains("\n  " + VIF_A + " available, healthy; BGP ipv4 169.254.10.2/30 up; ipv6 2001:db8::2/125 up\n");
        verify(sns).getTopicAttributes(any(GetTopicAttributesRequest.class));
        verify(support).describeSeverityLevels(any(DescribeSeverityLevelsRequest.class));
        verifyNothingChangedOrSent();
    }

    /**
     * docs/behaviour.md §14: the message reads on a phone — the answer and the healthy count against MINVIFS on its
     * first line, then one short line per reason and per VIF, none over 100 characters — for a ready account and for
     * one with reasons that are long sentences (an AWS error with a role's ARN in it).
     */
    @Test
    void theMessageIsReadOnAPhoneReadyOrNot() {
        allWell();
        Result ready = service().handle(new Request.Status(), Deadline.none());
        assertThat(ready.message().lines().findFirst()).hasValue("READY: 3 of 3 listed VIFs healthy, MINVIFS 1: 2 can "
                + "be taken out now");
        assertThat(ready.message().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        String takenOut = "      taken out, the rest would carry 3.0 Gbit/s on 20.0 Gbit/s: 15.0 % (MAX_UTILIZATION 80 %)";
        assertThat(vifLines(ready.message())).containsExactly(
                        "  " + VIF_A + " available, healthy; BGP ipv4 169.254.10.2/30 up; ipv6 2001:db8::2/125 up",
                        takenOut,
                        "  " + VIF_B + " available, healthy; BGP ipv4 169.254.10.2/30 up; ipv6 2001:db8::2/125 up",
                        takenOut,
                        "  " + VIF_C + " available, healthy; BGP ipv4 169.254.10.2/30 up; ipv6 2001:db8::2/125 up",
                        takenOut);

        directConnectReturns(twoPeers(VIF_A, "up", "up"), twoPeers(VIF_B, "down", "down"));
        when(sns.getTopicAttributes(any(GetTopicAttributesRequest.class))).thenThrow(AuthorizationErrorException
                .builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder().errorCode("AuthorizationError")
                        .errorMessage("User: arn:aws:sts::123456789012:assumed-role/my-dx-DxFailoverFunctionRole-"
                                + "1A2B3C4D5E6F/my-dx-dx-failover is not authorized to perform: SNS:GetTopicAttributes "
                                + "on resource: " + Fixtures.TOPIC).build()).build());
        Result notReady = service().handle(new Request.Status(), Deadline.none());
        List<String> reasons = notReady.preflight().reasons();
        assertThat(reasons).hasSize(4);
        List<String> lines = notReady.message().lines().toList();
        assertThat(lines.get(0)).isEqualTo("NOT READY: 4 reasons; 1 of 3 listed VIFs healthy, MINVIFS 1: 0 can be "
                + "taken out now");
        assertThat(lines.get(1)).isEqualTo("Reasons:");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        assertThat(vifLines(notReady.message())).filteredOn(l -> l.startsWith("  dxvif-")).containsExactly(
                        "  " + VIF_A + " available, healthy; BGP ipv4 169.254.10.2/30 up; ipv6 2001:db8::2/125 up",
                        "  " + VIF_B + " available, not healthy; BGP ipv4 169.254.10.2/30 down; ipv6 2001:db8::2/125 "
                                + "down",
                        "  " + VIF_C + " not returned by Direct Connect, not healthy; BGP unknown");
        // The same words as the result's reasons, each from a line of its own ("  - "), wrapped where long (a word
        // longer than a line, an ARN, is cut where the line ends: compared without white space).
        List<String> reasonLines = lines.subList(2, lines.indexOf("VIFs:"));
        assertThat(reasonLines).filteredOn(l -> l.startsWith("  - ")).hasSize(reasons.size());
        String words = String.join("", reasonLines).replaceAll("\\s+", "");
        reasons.forEach(reason -> assertThat(words).contains("-" + reason.replaceAll("\\s+", "")));
        verifyNothingChangedOrSent();
    }

    /** The message's section of VIFs: the lines after "VIFs:" up to the practice runs. */
    private static List<String> vifLines(String message) {
        return message.lines().dropWhile(l -> !l.equals("VIFs:")).skip(1)
                .takeWhile(l -> !l.startsWith("Practice runs:")).toList();
    }

    @Test
    void aMissingTopicIsAReason() {
        allWell();
        when(sns.getTopicAttributes(any(GetTopicAttributesRequest.class))).thenThrow(NotFoundException.builder()
                .statusCode(404).awsErrorDetails(AwsErrorDetails.builder().errorCode("NotFound")
                        .errorMessage("Topic does not exist").build()).build());
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().ready()).isFalse();
        assertThat(r.preflight().reasons()).singleElement().asString()
                .contains("the notification topic " + Fixtures.TOPIC + " does not exist").contains("fix SNSARN");
        assertThat(r.message()).startsWith("NOT READY: 1 reason; 3 of 3 listed VIFs healthy")
                .contains("\nReasons:\n  - the notification topic");
        verifyNothingChangedOrSent();
    }

    @Test
    void aDeniedTopicIsAReason() {
        allWell();
        when(sns.getTopicAttributes(any(GetTopicAttributesRequest.class))).thenThrow(AuthorizationErrorException
                .builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder().errorCode("AuthorizationError")
                        .errorMessage("User is not authorized to perform: SNS:GetTopicAttributes").build()).build());
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().reasons()).singleElement().asString()
                .contains("this function may not use the notification topic").contains("sns:Publish");
        verifyNothingChangedOrSent();
    }

    @Test
    void noSupportPlanIsAReasonAndWithoutSupportCasesNotEvenAsked() {
        allWell();
        when(support.describeSeverityLevels(any(DescribeSeverityLevelsRequest.class))).thenThrow(
                (SupportException) SupportException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("SubscriptionRequiredException")
                        .errorMessage("AWS Premium Support Subscription is required to use this service.").build())
                        .build());
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().reasons()).singleElement().asString()
                .contains("no Business or Enterprise support plan").contains("SUPPORT_CASE=false");
        verifyNothingChangedOrSent();

        Result without = service(config(envWith("SUPPORT_CASE", "false"))).handle(new Request.Status(), Deadline.none());
        assertThat(without.preflight().ready()).isTrue();
    }

    @Test
    void aSeverityTheplanDoesNotOfferIsAReason() {
        allWell();
        when(support.describeSeverityLevels(any(DescribeSeverityLevelsRequest.class))).thenReturn(
                DescribeSeverityLevelsResponse.builder().severityLevels(SeverityLevel.builder().code("low").build(),
                        SeverityLevel.builder().code("urgent").build()).build());
        Result r = service(config(envWith("SUPPORT_SEVERITY", "critical"))).handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().reasons()).singleElement().asString()
                .contains("SUPPORT_SEVERITY=critical is not offered").contains("low, urgent");
    }

    @Test
    void aHalfDownVifIsShownPerPeerIsAReasonAndStillCountsAsHealthy() {
        allWell();
        directConnectReturns(twoPeers(VIF_A, "up", "down"), twoPeers(VIF_B, "up", "up"), twoPeers(VIF_C, "up", "up"));
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().ready()).isFalse();
        assertThat(r.preflight().reasons()).singleElement().asString().isEqualTo(VIF_A + " has BGP sessions down "
                + "(ipv4 169.254.10.2/30 AS 65000 up; ipv6 2001:db8::2/125 AS 65000 down)");
        assertThat(r.message()).contains("3 of 3 listed VIFs healthy")
                .contains(VIF_A + " available, healthy; BGP ipv4 169.254.10.2/30 up; ipv6 2001:db8::2/125 down");
        @SuppressWarnings("unchecked")
        Map<String, Object> vifA = (Map<String, Object>) ((Map<String, Object>) r.toMap().get("vifs")).get(VIF_A);
        assertThat(vifA.get("bgp")).isEqualTo("ipv4 up, ipv6 down");
        assertThat((List<?>) vifA.get("peers")).hasSize(2);
        verifyNothingChangedOrSent();
    }

    @Test
    void theMinimumHoldingEveryVifIsAReason() {
        allWell();
        directConnectReturns(twoPeers(VIF_A, "up", "up"), twoPeers(VIF_B, "down", "down"));
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().reasons()).containsExactly(
                VIF_B + " carries no traffic (available, BGP down)",
                VIF_C + " is not returned by Direct Connect in this account and region: fix VIFLIST",
                "only 1 healthy VIF(s) and MINVIFS is 1: no VIF can be taken out right now");
        verifyNothingChangedOrSent();
    }

    @Test
    void aHalfDownVifInANotificationAndTheResultIsShownPerPeerAndCountsAsHealthy() {
        // A half-down (counts), B down, C healthy and alarmed: 2 healthy > MINVIFS 1, so C goes.
        directConnectReturns(twoPeers(VIF_A, "up", "down"), twoPeers(VIF_B, "down", "down"),
                twoPeers(VIF_C, "up", "up"));
        Result r = service().handle(alarmFor(VIF_C + " loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(published().message()).contains(VIF_A + "  available, BGP ipv4 up, ipv6 down")
                .contains(VIF_B + "  available, BGP down");
    }

    @Test
    void aConfigProblemIsAReasonOfTheStatus() {
        DxFailoverHandler handler = new DxFailoverHandler(envWith("MINVIFS", "zero"),
                new AwsClients(dx, sns, support, cloudWatch, Fixtures.noEvents()), clock);
        Map<String, Object> result = handler.handle(Map.of("action", "status"), null);
        assertThat(result.get("outcome")).isEqualTo("CONFIG_ERROR");
        assertThat(result.get("ready")).isEqualTo(false);
        assertThat(result.get("reasons")).asList().singleElement().asString().startsWith("MINVIFS='zero'");
        verifyNoInteractions(dx, sns, support); // a status notifies no one, not even of a configuration error
    }

    @Test
    void aFailedReadOfTheVifsIsAReasonNotACrash() {
        allWell();
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class)))
                .thenThrow(SdkClientException.create("Unable to execute HTTP request: connect timed out"));
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.STATUS);
        assertThat(r.preflight().reasons()).first().asString()
                .contains("reading the VIF states from Direct Connect failed").contains("connect timed out");
        assertThat(r.message()).contains(VIF_A + " not returned by Direct Connect, not healthy; BGP unknown");
        verifyNothingChangedOrSent();
    }

    @Test
    void aVifThisFunctionMayNotTestIsAReason() {
        allWell();
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class))).thenAnswer(call -> {
            ListVirtualInterfaceTestHistoryRequest req = call.getArgument(0);
            if (req.virtualInterfaceId().equals(VIF_C)) {
                throw DirectConnectException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException").errorMessage("User is not authorized to perform "
                                + "directconnect:ListVirtualInterfaceTestHistory").build()).build();
            }
            return ListVirtualInterfaceTestHistoryResponse.builder().build();
        });
        Result r = service().handle(new Request.Status(), Deadline.none());
        assertThat(r.preflight().reasons()).singleElement().asString()
                .startsWith("this function may not run failover tests on " + VIF_C).contains("redeploy with it in VifList");
        verifyNothingChangedOrSent();
    }
}
