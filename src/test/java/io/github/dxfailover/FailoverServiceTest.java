package io.github.dxfailover;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.TOPIC;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.BGPPeer;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.DirectConnectException;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryResponse;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestResponse;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestResponse;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.directconnect.model.VirtualInterfaceTestHistory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;
import software.amazon.awssdk.services.support.model.CreateCaseResponse;
import software.amazon.awssdk.services.support.model.SupportException;

/** The service with mocked SDK clients: which AWS calls each outcome makes, and which it must not. */
class FailoverServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    private static final Instant TEST_END = NOW.plusSeconds(180 * 60);

    private final DirectConnectClient dx = mock(DirectConnectClient.class);
    private final SnsClient sns = mock(SnsClient.class);
    private final SupportClient support = mock(SupportClient.class);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private FailoverService service(FailoverConfig config) {
        when(sns.publish(any(PublishRequest.class))).thenReturn(PublishResponse.builder().messageId("m-1").build());
        when(support.createCase(any(CreateCaseRequest.class)))
                .thenReturn(CreateCaseResponse.builder().caseId("case-12345").build());
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenAnswer(call -> {
            StartBgpFailoverTestRequest r = call.getArgument(0);
            return StartBgpFailoverTestResponse.builder().virtualInterfaceTest(test(r.virtualInterfaceId(), "test-1",
                    NOW.plusSeconds(r.testDurationInMinutes() * 60L))).build();
        });
        return new FailoverService(config, dx, sns, support, clock);
    }

    private FailoverService service() {
        return service(config());
    }

    static VirtualInterfaceTestHistory test(String vifId, String testId, Instant end) {
        return VirtualInterfaceTestHistory.builder().testId(testId).virtualInterfaceId(vifId).status("IN_PROGRESS")
                .startTime(NOW).endTime(end).build();
    }

    static VirtualInterface dxVif(String id, String state, String... bgp) {
        return VirtualInterface.builder().virtualInterfaceId(id).virtualInterfaceState(state)
                .bgpPeers(Arrays.stream(bgp).map(s -> BGPPeer.builder().bgpStatus(s).bgpPeerId("peer-" + s).build())
                        .toList())
                .build();
    }

    private void directConnectReturns(VirtualInterface... vifs) {
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class)))
                .thenReturn(DescribeVirtualInterfacesResponse.builder().virtualInterfaces(vifs).build());
    }

    private void allHealthy() {
        directConnectReturns(dxVif(VIF_A, "available", "up"), dxVif(VIF_B, "available", "up", "down"),
                dxVif(VIF_C, "available", "up"), dxVif(OTHER_VIF, "available", "up"));
    }

    private PublishRequest published() {
        ArgumentCaptor<PublishRequest> captor = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns).publish(captor.capture());
        PublishRequest p = captor.getValue();
        assertThat(p.topicArn()).isEqualTo(TOPIC);
        NotificationTest.assertAcceptableSubject(p.subject());
        return p;
    }

    private static Request alarmFor(String name) {
        return new Request.Evaluate(alarm(name, "ALARM"), null);
    }

    private void verifyNoChange() {
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(dx, never()).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        verify(support, never()).createCase(any(CreateCaseRequest.class));
    }

    @Test
    void failoverStartsTheTestOpensACaseAndNotifies() {
        allHealthy();
        FailoverResult r = service().handle(alarmFor(VIF_A + " packet loss to 10.0.0.1"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.vifId()).isEqualTo(VIF_A);
        assertThat(r.testId()).isEqualTo("test-1");
        assertThat(r.testEndsAt()).isEqualTo(TEST_END);
        assertThat(r.caseId()).isEqualTo("case-12345");
        assertThat(r.errors()).isEmpty();
        assertThat(r.vifs().byId()).containsOnlyKeys(VIF_A, VIF_B, VIF_C);

        InOrder order = inOrder(dx, support, sns);
        order.verify(dx).describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class));
        ArgumentCaptor<StartBgpFailoverTestRequest> start = ArgumentCaptor.forClass(StartBgpFailoverTestRequest.class);
        order.verify(dx).startBgpFailoverTest(start.capture());
        assertThat(start.getValue().virtualInterfaceId()).isEqualTo(VIF_A);
        assertThat(start.getValue().testDurationInMinutes()).isEqualTo(180);
        assertThat(start.getValue().bgpPeers()).isEmpty(); // all peers
        ArgumentCaptor<CreateCaseRequest> kase = ArgumentCaptor.forClass(CreateCaseRequest.class);
        order.verify(support).createCase(kase.capture());
        order.verify(sns).publish(any(PublishRequest.class));
        verifyNoMoreInteractions(dx, support, sns);

        CreateCaseRequest c = kase.getValue();
        assertThat(c.serviceCode()).isEqualTo("aws-direct-connect");
        assertThat(c.categoryCode()).isEqualTo("connection-issue");
        assertThat(c.severityCode()).isEqualTo("urgent");
        assertThat(c.issueType()).isEqualTo("technical");
        assertThat(c.ccEmailAddresses()).containsExactly("noc@example.com", "oncall@example.com");
        assertThat(c.subject()).contains(VIF_A);
        assertThat(c.communicationBody()).contains(VIF_A + " packet loss to 10.0.0.1").contains("Threshold Crossed")
                .contains("test-1").contains(TEST_END.toString()).contains(VIF_B + "  available, BGP up");

        PublishRequest p = published();
        assertThat(p.subject()).startsWith("DX failover: FAILED_OVER " + VIF_A);
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("FAILED_OVER");
        assertThat(p.messageAttributes().get("outcome").dataType()).isEqualTo("String");
        assertThat(p.messageAttributes().get("virtualInterfaceId").stringValue()).isEqualTo(VIF_A);
        assertThat(p.message())
                .contains("Alarm: " + VIF_A + " packet loss to 10.0.0.1")
                .contains("Region: eu-west-1")
                .contains("State: ALARM at 2026-11-26T04:00:00.000+0000")
                .contains("Reason: Threshold Crossed")
                .contains(VIF_A + "  available, BGP up").contains(VIF_C + "  available, BGP up")
                .contains("test-1").contains("comes back by itself at " + TEST_END)
                .contains("{\"action\": \"restore\", \"virtualInterfaceId\": \"" + VIF_A + "\"}")
                .contains("Support case: case-12345");
    }

    @Test
    void failoverCommandUsesItsMinutes() {
        allHealthy();
        FailoverResult r = service().handle(RequestParser.parse(Fixtures.command(
                "action", "failover", "virtualInterfaceId", VIF_B, "minutes", 60)));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        ArgumentCaptor<StartBgpFailoverTestRequest> start = ArgumentCaptor.forClass(StartBgpFailoverTestRequest.class);
        verify(dx).startBgpFailoverTest(start.capture());
        assertThat(start.getValue().testDurationInMinutes()).isEqualTo(60);
        assertThat(r.testEndsAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void configuredFailoverMinutesAreUsed() {
        allHealthy();
        service(config(envWith("FAILOVER", "30"))).handle(alarmFor(VIF_A));
        ArgumentCaptor<StartBgpFailoverTestRequest> start = ArgumentCaptor.forClass(StartBgpFailoverTestRequest.class);
        verify(dx).startBgpFailoverTest(start.capture());
        assertThat(start.getValue().testDurationInMinutes()).isEqualTo(30);
    }

    @Test
    void dryRunChangesNothingAndSaysWhatItWouldHaveDone() {
        allHealthy();
        FailoverResult r = service(config(envWith("DRY_RUN", "true"))).handle(alarmFor(VIF_A + " loss"));
        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.testId()).isNull();
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("DRY_RUN");
        assertThat(p.message()).contains("Nothing was changed (DRY_RUN=true)")
                .contains("180-minute BGP failover test on " + VIF_A).contains("urgent support case");
    }

    @Test
    void noSupportCaseWhenDisabled() {
        allHealthy();
        FailoverResult r = service(config(envWith("SUPPORT_CASE", "false"))).handle(alarmFor(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.caseId()).isNull();
        assertThat(r.errors()).isEmpty();
        verifyNoInteractions(support);
        assertThat(published().message()).contains("Support case: none opened (SUPPORT_CASE=false)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OK", "INSUFFICIENT_DATA"})
    void ignoredTransitionsCallNothing(String state) {
        FailoverResult r = service().handle(new Request.Evaluate(alarm(VIF_A + " loss", state), null));
        assertThat(r.outcome()).isEqualTo(Outcome.IGNORED);
        verifyNoInteractions(dx, sns, support);
    }

    @Test
    void invalidInputCallsNothing() {
        FailoverResult r = service().handle(RequestParser.parse(Map.of("foo", "bar")));
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.message()).contains("[foo]");
        verifyNoInteractions(dx, sns, support);
    }

    @Test
    void alarmNamingNoVifIsRejectedAndNotified() {
        allHealthy();
        FailoverResult r = service().handle(alarmFor("Packet loss to on-premises DNS"));
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("virtualInterfaceId").stringValue()).isEqualTo("none");
        assertThat(p.message()).contains("Alarm: Packet loss to on-premises DNS").contains("Rename the alarm");
    }

    @Test
    void unlistedVifIsNotManagedAndNotified() {
        allHealthy();
        FailoverResult r = service().handle(alarmFor(OTHER_VIF + " loss"));
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("NOT_MANAGED");
        assertThat(p.message()).contains(OTHER_VIF + " is not in VIFLIST");
    }

    @Test
    void unavailableVifIsNotifiedWithItsStateAndBgp() {
        directConnectReturns(dxVif(VIF_A, "available", "down"), dxVif(VIF_B, "available", "up"),
                dxVif(VIF_C, "available", "up"));
        FailoverResult r = service().handle(alarmFor(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.ALREADY_UNAVAILABLE);
        verifyNoChange();
        assertThat(published().message()).contains("available, BGP down");
    }

    @Test
    void minimumReachedListsEveryVifAndChangesNothing() {
        directConnectReturns(dxVif(VIF_A, "available", "up"), dxVif(VIF_B, "down", "down"),
                dxVif(VIF_C, "testing", "down"));
        FailoverResult r = service().handle(alarmFor(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        verifyNoChange();
        assertThat(published().message()).contains(VIF_A + "  available, BGP up")
                .contains(VIF_B + "  down, BGP down").contains(VIF_C + "  testing, BGP down")
                .contains("at least 1 healthy VIF(s) remain");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dxvif-aaaa1111 %s Very long alarm name that goes on and on about packet loss to the data centre in Frankfurt",
        "dxvif-aaaa1111\r\nSubject: injected\r\n\r\nbody",
        "dxvif-aaaa1111 Paketverlust über 5 % — 東京 🚨",
        "dxvif-aaaa1111 \u0000\u0007\u001b[31m\ttab"})
    void hostileAlarmNamesStillGiveAnAcceptableSubject(String name) {
        allHealthy();
        String longName = name.replace("%s", "x".repeat(200));
        FailoverResult r = service().handle(alarmFor(longName));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        PublishRequest p = published(); // asserts the SNS subject rules
        assertThat(p.subject()).startsWith("DX failover: FAILED_OVER dxvif-aaaa1111");
        assertThat(p.message()).contains(longName); // the body keeps the name as it is
    }

    @Test
    void lookalikeVifInTheNameIsNotTouched() {
        allHealthy();
        FailoverResult r = service().handle(alarmFor("DXVIF-AAAA1111 loss"));
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        verifyNoChange();
    }

    @Test
    void describeFailureThrowsAndChangesNothing() {
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class)))
                .thenThrow(SdkClientException.create("connect timed out"));
        assertThatThrownBy(() -> service().handle(alarmFor(VIF_A)))
                .isInstanceOf(FailoverException.class)
                .hasMessageContaining("reading the VIF states").hasMessageContaining("nothing was changed");
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    @Test
    void startFailureNotifiesThenThrows() {
        allHealthy();
        FailoverService service = service();
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenThrow(
                (DirectConnectException) DirectConnectException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("DirectConnectClientException")
                                .errorMessage("The virtual interface is already under test").build()).build());
        assertThatThrownBy(() -> service.handle(alarmFor(VIF_A)))
                .isInstanceOf(FailoverException.class)
                .hasMessageContaining("starting the BGP failover test on " + VIF_A + " failed")
                .hasMessageContaining("already under test");
        verifyNoInteractions(support);
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("ERROR");
        assertThat(p.message()).contains("already under test");
    }

    @Test
    void caseFailureAfterTheStartDoesNotThrow() {
        allHealthy();
        FailoverService service = service();
        when(support.createCase(any(CreateCaseRequest.class))).thenThrow(SdkClientException.create("read timed out"));
        FailoverResult r = service.handle(alarmFor(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.testId()).isEqualTo("test-1");
        assertThat(r.caseId()).isNull();
        assertThat(r.errors()).singleElement().asString().contains("support case not opened: read timed out");
        assertThat(published().message()).contains("Support case: none opened (support case not opened: read timed out");
    }

    @Test
    void accountWithoutSupportPlanKeepsTheFailover() {
        allHealthy();
        FailoverService service = service();
        when(support.createCase(any(CreateCaseRequest.class))).thenThrow(
                (SupportException) SupportException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("SubscriptionRequiredException")
                                .errorMessage("AWS Premium Support Subscription is required to use this service.")
                                .build()).build());
        FailoverResult r = service.handle(alarmFor(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.errors()).singleElement().asString()
                .contains("no Business or Enterprise support plan").contains("SubscriptionRequiredException");
        assertThat(published().message()).contains("no Business or Enterprise support plan");
    }

    @Test
    void publishFailureAfterTheStartDoesNotThrow() {
        allHealthy();
        FailoverService service = service();
        when(sns.publish(any(PublishRequest.class))).thenThrow(NotFoundException.builder().statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotFound").errorMessage("Topic does not exist")
                        .build()).build());
        FailoverResult r = service.handle(alarmFor(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.caseId()).isEqualTo("case-12345");
        assertThat(r.errors()).singleElement().asString()
                .isEqualTo("notification not sent: NotFound: Topic does not exist");
    }

    @Test
    void publishFailureBeforeAnyChangeThrowsSoLambdaRetries() {
        directConnectReturns(dxVif(VIF_A, "available", "up"));
        FailoverService service = service();
        when(sns.publish(any(PublishRequest.class))).thenThrow(SdkClientException.create("unreachable"));
        assertThatThrownBy(() -> service.handle(alarmFor(VIF_A)))
                .isInstanceOf(FailoverException.class).hasMessageContaining("notification not sent");
        verifyNoChange();
    }

    /** 25 listed VIFs among 40 in the region, three pages: three Describe calls, not 25. */
    @Test
    void statesAreReadInOnePassOverPages() {
        List<String> listed = new ArrayList<>();
        List<VirtualInterface> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = String.format("dxvif-paged%03d", i);
            all.add(dxVif(id, "available", "up"));
            if (i % 8 < 5) {
                listed.add(id);
            }
        }
        assertThat(listed).hasSize(25);
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class))).thenAnswer(call -> {
            DescribeVirtualInterfacesRequest req = call.getArgument(0);
            assertThat(req.virtualInterfaceId()).isNull();
            int from = req.nextToken() == null ? 0 : Integer.parseInt(req.nextToken());
            int to = Math.min(from + 15, all.size());
            return DescribeVirtualInterfacesResponse.builder().virtualInterfaces(all.subList(from, to))
                    .nextToken(to < all.size() ? String.valueOf(to) : null).build();
        });
        FailoverConfig config = config(envWith("VIFLIST", String.join(",", listed)));
        FailoverResult r = service(config).handle(alarmFor(listed.get(24) + " loss"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.vifs().byId()).hasSize(25);
        assertThat(r.vifs().healthyCount()).isEqualTo(25);
        verify(dx, times(3)).describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class));
        verify(dx, times(1)).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(support, times(1)).createCase(any(CreateCaseRequest.class));
        verify(sns, times(1)).publish(any(PublishRequest.class));
        verifyNoMoreInteractions(dx, support, sns);
    }

    @Test
    void statusReportsEveryVifAndTheRunningTestWithoutChangingOrNotifying() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"), dxVif(VIF_B, "available", "up"));
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class))).thenReturn(
                ListVirtualInterfaceTestHistoryResponse.builder().virtualInterfaceTestHistory(
                        test(VIF_A, "old", NOW.minusSeconds(7200)).toBuilder().status("COMPLETED").build(),
                        test(VIF_A, "test-9", TEST_END)).build());
        FailoverResult r = service().handle(new Request.Status());
        assertThat(r.outcome()).isEqualTo(Outcome.STATUS);
        assertThat(r.message()).contains("1 of 3 listed VIFs healthy")
                .contains(VIF_A + " testing, BGP down (failover test test-9 until " + TEST_END + ")")
                .contains(VIF_B + " available, BGP up").contains(VIF_C + " missing, BGP unknown");
        ArgumentCaptor<ListVirtualInterfaceTestHistoryRequest> list =
                ArgumentCaptor.forClass(ListVirtualInterfaceTestHistoryRequest.class);
        verify(dx).listVirtualInterfaceTestHistory(list.capture());
        assertThat(list.getValue().virtualInterfaceId()).isEqualTo(VIF_A);
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    @Test
    void statusStillAnswersWhenTheTestHistoryCannotBeRead() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"), dxVif(VIF_B, "available", "up"));
        when(dx.listVirtualInterfaceTestHistory(any(ListVirtualInterfaceTestHistoryRequest.class)))
                .thenThrow(SdkClientException.create("read timed out"));
        FailoverResult r = service().handle(new Request.Status());
        assertThat(r.outcome()).isEqualTo(Outcome.STATUS);
        assertThat(r.message()).contains(VIF_A + " testing, BGP down (test history unavailable: read timed out)");
        verifyNoChange();
    }

    @Test
    void restoreStopsTheRunningTestAndNotifies() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"), dxVif(VIF_B, "available", "up"));
        when(dx.stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class))).thenReturn(StopBgpFailoverTestResponse
                .builder().virtualInterfaceTest(test(VIF_A, "test-1", NOW).toBuilder().status("COMPLETED").build())
                .build());
        FailoverResult r = service().handle(new Request.Restore(VIF_A));
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
        FailoverResult r = service().handle(new Request.Restore(VIF_B));
        assertThat(r.outcome()).isEqualTo(Outcome.NOTHING_TO_RESTORE);
        assertThat(r.message()).contains("available, BGP up");
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    @Test
    void restoreOfAnUnlistedVifCallsNothing() {
        FailoverResult r = service().handle(new Request.Restore(OTHER_VIF));
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        verifyNoInteractions(dx, sns, support);
    }

    @Test
    void restoreInDryRunChangesNothing() {
        directConnectReturns(dxVif(VIF_A, "testing", "down"));
        FailoverResult r = service(config(envWith("DRY_RUN", "true"))).handle(new Request.Restore(VIF_A));
        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.message()).contains("would stop");
        verifyNoChange();
    }
}
