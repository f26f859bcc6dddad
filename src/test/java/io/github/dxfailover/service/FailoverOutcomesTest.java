package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.RequestParser;
import io.github.dxfailover.result.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import software.amazon.awssdk.services.directconnect.model.DescribeConnectionsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeLagsRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;

/** FAILED_OVER and DRY_RUN with mocked SDK clients: the calls made, in order, and what the notification and the case say. */
class FailoverOutcomesTest extends MockedAws {

    @Test
    void failoverStartsTheTestOpensACaseAndNotifies() {
        allHealthy();
        Result r = service().handle(alarmFor(VIF_A + " packet loss to 10.0.0.1"), Deadline.none());

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
        verify(dx).describeConnections(any(DescribeConnectionsRequest.class)); // the capacity step (§15)
        verify(dx).describeLags(any(DescribeLagsRequest.class));
        verifyNoMoreInteractions(dx, support, sns);

        CreateCaseRequest c = kase.getValue();
        assertThat(c.serviceCode()).isEqualTo("aws-direct-connect");
        assertThat(c.categoryCode()).isEqualTo("connection-issue");
        assertThat(c.severityCode()).isEqualTo("urgent");
        assertThat(c.issueType()).isEqualTo("technical");
        assertThat(c.ccEmailAddresses()).containsExactly("noc@example.com", "oncall@example.com");
        assertThat(c.subject()).contains(VIF_A);
        assertThat(c.communicationBody()).contains(VIF_A + " packet loss to 10.0.0.1").contains("Threshold Crossed")
                .contains("test-1").contains(TEST_END.toString()).contains(VIF_B + "  available, BGP peer 1 up, peer 2 down");

        PublishRequest p = published();
        assertThat(p.subject()).startsWith("FAILED_OVER " + VIF_A);
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("FAILED_OVER");
        assertThat(p.messageAttributes().get("outcome").dataType()).isEqualTo("String");
        assertThat(p.messageAttributes().get("virtualInterfaceId").stringValue()).isEqualTo(VIF_A);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message()))
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
        Result r = service().handle(RequestParser.parse(Fixtures.command(
                "action", "failover", "virtualInterfaceId", VIF_B, "minutes", 60)), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        ArgumentCaptor<StartBgpFailoverTestRequest> start = ArgumentCaptor.forClass(StartBgpFailoverTestRequest.class);
        verify(dx).startBgpFailoverTest(start.capture());
        assertThat(start.getValue().testDurationInMinutes()).isEqualTo(60);
        assertThat(r.testEndsAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void configuredFailoverMinutesAreUsed() {
        allHealthy();
        service(config(envWith("FAILOVER", "30"))).handle(alarmFor(VIF_A), Deadline.none());
        ArgumentCaptor<StartBgpFailoverTestRequest> start = ArgumentCaptor.forClass(StartBgpFailoverTestRequest.class);
        verify(dx).startBgpFailoverTest(start.capture());
        assertThat(start.getValue().testDurationInMinutes()).isEqualTo(30);
    }

    @Test
    void dryRunChangesNothingAndSaysWhatItWouldHaveDone() {
        allHealthy();
        Result r = service(config(envWith("DRY_RUN", "true"))).handle(alarmFor(VIF_A + " loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.testId()).isNull();
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("DRY_RUN");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("Nothing was changed (DRY_RUN=true)")
                .contains("180-minute BGP failover test on " + VIF_A).contains("urgent support case");
    }

    @Test
    void noSupportCaseWhenDisabled() {
        allHealthy();
        Result r = service(config(envWith("SUPPORT_CASE", "false"))).handle(alarmFor(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.caseId()).isNull();
        assertThat(r.errors()).isEmpty();
        verifyNoInteractions(support);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published().message())).contains("Support case: none opened (SUPPORT_CASE=false)");
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
        Result r = service().handle(alarmFor(longName), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        PublishRequest p = published(); // asserts the SNS subject rules
        assertThat(p.subject()).startsWith("FAILED_OVER dxvif-aaaa1111");
        // The body keeps the name as it is (a word longer than a line is cut across lines on a phone, §7).
        assertThat(p.message().replaceAll("\\s+", "")).contains(longName.replaceAll("\\s+", ""));
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
        Result r = service(config).handle(alarmFor(listed.get(24) + " loss"), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.vifs().byId()).hasSize(25);
        assertThat(r.vifs().healthyCount()).isEqualTo(25);
        verify(dx, times(3)).describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class));
        verify(dx, times(1)).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(support, times(1)).createCase(any(CreateCaseRequest.class));
        verify(sns, times(1)).publish(any(PublishRequest.class));
        verify(dx).describeConnections(any(DescribeConnectionsRequest.class));
        verify(dx).describeLags(any(DescribeLagsRequest.class));
        verifyNoMoreInteractions(dx, support, sns);
    }
}
