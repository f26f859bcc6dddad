package io.github.dxfailover;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.eventBridgeAlarm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.local.CannedJsonEndpoint;
import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.FakeDirectConnect.Fault;
import io.github.dxfailover.local.LocalAws.Delivered;
import io.github.dxfailover.local.WithLocalEndpoints;
import io.github.dxfailover.service.RetryableFailure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.support.model.CaseDetails;

/**
 * The function with the real AWS SDK over HTTP: a stateful fake Direct Connect speaking JSON 1.1,
 * and moto as SNS and Support. Only the endpoints differ from AWS.
 */
class RealSdkIT extends WithLocalEndpoints {
    private URI motoEndpoint;
    private String topicArn;

    @Override
    protected List<String> healthyVifs() {
        return List.of(VIF_B, VIF_C);
    }

    @BeforeEach
    void addAVifWithTwoBgpPeers() {
        dx.addVif(VIF_A, "available", "up", "up");
        motoEndpoint = local.moto().endpoint();
        topicArn = local.topicArn();
    }

    private Map<String, String> env(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "VIFLIST", VIF_A + "," + VIF_B + "," + VIF_C,
                "MINVIFS", "1",
                "SNSARN", topicArn,
                "FAILOVER", "120",
                "EMAIL", "noc@example.com,oncall@example.com"));
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return env;
    }

    private DxFailoverHandler handler(Map<String, String> env) {
        return handler(env, motoEndpoint);
    }

    private DxFailoverHandler handler(Map<String, String> env, URI supportEndpoint) {
        return new DxFailoverHandler(env, localClients(supportEndpoint), Clock.systemUTC());
    }

    @Test
    void happyPathFailover() {
        Map<String, Object> result = handler(env()).handle(eventBridgeAlarm(VIF_A + " packet loss", "ALARM"), null);

        assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(result.get("errors")).asList().isEmpty();
        // Direct Connect: one read, one test started for FAILOVER minutes, the VIF now under test.
        assertThat(dx.calls("DescribeVirtualInterfaces")).hasSize(1);
        assertThat(dx.calls("StartBgpFailoverTest")).singleElement().satisfies(c -> {
            assertThat(c.request().get("virtualInterfaceId").asText()).isEqualTo(VIF_A);
            assertThat(c.request().get("testDurationInMinutes").asInt()).isEqualTo(120);
        });
        assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
        assertThat(dx.vif(VIF_A).bgpStatuses()).containsOnly("down");
        assertThat(dx.tests()).singleElement().satisfies(t -> {
            assertThat(result.get("testId")).isEqualTo(t.testId());
            assertThat(result.get("testEndsAt")).isEqualTo(t.end().toString());
        });
        // SNS: one message with the subject and attributes of docs/behaviour.md §7.
        List<Delivered> messages = aws.delivered();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("FAILED_OVER " + VIF_A + " - " + VIF_A + " packet loss (DX failover)");
            assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER").containsEntry("virtualInterfaceId", VIF_A);
            assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("BGP failover test " + result.get("testId"))
                    .contains("Support case: " + result.get("caseId"));
        });
        // Support: one case with the original's service code and the CC list.
        List<CaseDetails> cases = aws.supportCases();
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo(result.get("caseId"));
            assertThat(c.serviceCode()).isEqualTo("aws-direct-connect");
            assertThat(c.categoryCode()).isEqualTo("connection-issue");
            assertThat(c.ccEmailAddresses()).containsExactly("noc@example.com", "oncall@example.com");
            assertThat(c.subject()).contains(VIF_A);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "REJECTED|packet loss to DNS|",
        "NOT_MANAGED|" + OTHER_VIF + " loss|",
        "ALREADY_UNAVAILABLE|" + VIF_A + " loss|A down",
        "MINIMUM_REACHED|" + VIF_A + " loss|B and C down",
        "DRY_RUN|" + VIF_A + " loss|dry run"})
    void everyOtherOutcomePublishesOneMessageAndStartsNothing(String outcome, String alarmName, String setup) {
        Map<String, String> env = env();
        if ("A down".equals(setup)) {
            dx.addVif(VIF_A, "down", "down");
        } else if ("B and C down".equals(setup)) {
            dx.addVif(VIF_B, "down", "down").addVif(VIF_C, "available", "down");
        } else if ("dry run".equals(setup)) {
            env.put("DRY_RUN", "true");
        }
        Map<String, Object> result = handler(env).handle(eventBridgeAlarm(alarmName, "ALARM"), null);

        assertThat(result.get("outcome")).isEqualTo(outcome);
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(dx.calls("DescribeVirtualInterfaces")).hasSize(1);
        assertThat(aws.supportCases()).isEmpty();
        assertThat(aws.delivered()).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("outcome", outcome);
            assertThat(m.subject()).startsWith("" + outcome);
        });
    }

    @Test
    void okTransitionPublishesNothingAndCallsNothing() {
        Map<String, Object> result = handler(env()).handle(eventBridgeAlarm(VIF_A + " loss", "OK"), null);
        assertThat(result.get("outcome")).isEqualTo("IGNORED");
        assertThat(dx.calls()).isEmpty();
        assertThat(aws.delivered()).isEmpty();
    }

    @Test
    void throttledTwiceThenFineStillFailsOver() {
        dx.inject("StartBgpFailoverTest", new Fault.Throttle(), 2);
        Map<String, Object> result = handler(env()).handle(eventBridgeAlarm(VIF_A + " loss", "ALARM"), null);
        assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(dx.calls("StartBgpFailoverTest")).hasSize(3); // the SDK retried twice
        assertThat(dx.tests()).hasSize(1);
        assertThat(aws.delivered()).hasSize(1);
    }

    @Test
    void serverErrorsOnDescribeBeyondRetriesFailAndStartNothing() {
        dx.inject("DescribeVirtualInterfaces", new Fault.ServerError(), 10);
        DxFailoverHandler handler = handler(env());
        assertThatThrownBy(() -> handler.handle(eventBridgeAlarm(VIF_A + " loss", "ALARM"), null))
                .isInstanceOf(RetryableFailure.class).hasMessageContaining("reading the VIF states");
        assertThat(dx.calls("DescribeVirtualInterfaces")).hasSize(3); // the SDK's standard retries
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(aws.delivered()).isEmpty();
        assertThat(aws.supportCases()).isEmpty();
    }

    @Test
    void directConnectSlowerThanTheClientTimeoutFailsWithinTheFunctionTimeout() {
        dx.inject("DescribeVirtualInterfaces", new Fault.Latency(Duration.ofSeconds(30)), 10);
        DxFailoverHandler handler = handler(env());
        long started = System.nanoTime();
        assertThatThrownBy(() -> handler.handle(eventBridgeAlarm(VIF_A + " loss", "ALARM"), null))
                .isInstanceOf(RetryableFailure.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(AwsClients.CALL_TIMEOUT.plusSeconds(3)).isLessThan(Duration.ofSeconds(60));
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
    }

    @Test
    void missingTopicAfterAStartedTestIsReportedNotThrown() {
        aws.deleteTopic();
        Map<String, Object> result = handler(env()).handle(eventBridgeAlarm(VIF_A + " loss", "ALARM"), null);
        assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(result.get("errors")).asList().singleElement().asString().startsWith("notification not sent: NotFound");
        assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
        assertThat(aws.supportCases()).hasSize(1);
    }

    @Test
    void accountWithoutSupportPlanStillFailsOverAndNotifies() throws Exception {
        try (CannedJsonEndpoint noPlan = CannedJsonEndpoint.failing(400, "SubscriptionRequiredException",
                "AWS Premium Support Subscription is required to use this service.")) {
            Map<String, Object> result = handler(env(), noPlan.endpoint())
                    .handle(eventBridgeAlarm(VIF_A + " loss", "ALARM"), null);
            assertThat(noPlan.calls()).isEqualTo(1); // not retried: a client error
            assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
            assertThat(result.get("caseId")).isNull();
            assertThat(result.get("errors")).asList().singleElement().asString()
                    .contains("no Business or Enterprise support plan (SubscriptionRequiredException)");
            assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
            assertThat(aws.delivered()).singleElement().satisfies(m ->
                    assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("no Business or Enterprise support plan"));
        }
    }

    @Test
    void theSameEventTwiceStartsOneTestAndOpensOneCase() {
        DxFailoverHandler handler = handler(env());
        Map<String, Object> event = eventBridgeAlarm(VIF_A + " loss", "ALARM");
        Map<String, Object> first = handler.handle(event, null);
        Map<String, Object> second = handler.handle(event, null);
        assertThat(first.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(second.get("outcome")).isEqualTo("ALREADY_UNAVAILABLE");
        assertThat(dx.calls("StartBgpFailoverTest")).hasSize(1);
        assertThat(aws.supportCases()).hasSize(1);
        assertThat(aws.delivered()).extracting(m -> m.attributes().get("outcome"))
                .containsExactly("FAILED_OVER", "ALREADY_UNAVAILABLE");
    }

    @Test
    void twoAlarmsBackToBackNeverGoBelowTheMinimum() {
        Map<String, String> env = env("VIFLIST", VIF_A + "," + VIF_B);
        DxFailoverHandler handler = handler(env);
        Map<String, Object> first = handler.handle(eventBridgeAlarm(VIF_A + " loss", "ALARM"), null);
        Map<String, Object> second = handler.handle(eventBridgeAlarm(VIF_B + " loss", "ALARM"), null);
        assertThat(first.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(second.get("outcome")).isEqualTo("MINIMUM_REACHED");
        assertThat(dx.vif(VIF_B).state()).isEqualTo("available");
        assertThat(dx.calls("StartBgpFailoverTest")).hasSize(1);
    }

    @Test
    void statusAndRestoreOverTheWire() {
        DxFailoverHandler handler = handler(env());
        handler.handle(eventBridgeAlarm(VIF_B + " loss", "ALARM"), null);
        String testId = dx.tests().get(0).testId();
        aws.delivered();

        Map<String, Object> status = handler.handle(Map.of("action", "status"), null);
        assertThat(status.get("outcome")).isEqualTo("STATUS");
        assertThat(status.get("message")).asString().contains(VIF_B + " testing, not healthy; BGP ")
                .contains("\n      failover test " + testId + " until ");
        // The running test of B, and the preflight's permission check on each listed VIF: all read-only.
        assertThat(dx.calls("ListVirtualInterfaceTestHistory")).extracting(c -> c.request().get("virtualInterfaceId").asText())
                .containsExactlyInAnyOrder(VIF_A, VIF_B, VIF_C);

        Map<String, Object> restore = handler.handle(
                Map.of("action", "restore", "virtualInterfaceId", VIF_B), null);
        assertThat(restore.get("outcome")).isEqualTo("RESTORED");
        assertThat(restore.get("testId")).isEqualTo(testId);
        assertThat(dx.vif(VIF_B).state()).isEqualTo("available");
        assertThat(dx.vif(VIF_B).bgpStatuses()).containsOnly("up");
        assertThat(aws.delivered()).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "RESTORED"));
    }

    @Test
    void twentyFiveListedVifsAreReadPageByPage() {
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = String.format("dxvif-many%04d", i);
            dx.addVif(id, "available", "up");
            if (listed.size() < 25) {
                listed.add(id);
            }
        }
        dx.pageSize(10); // 33 VIFs in the region: 4 pages
        Map<String, Object> result = handler(env("VIFLIST", String.join(",", listed)))
                .handle(eventBridgeAlarm(listed.get(7) + " loss", "ALARM"), null);
        assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat((Map<?, ?>) result.get("vifs")).hasSize(25);
        assertThat(dx.calls("DescribeVirtualInterfaces")).hasSize(4)
                .allSatisfy(c -> assertThat(c.request().has("virtualInterfaceId")).isFalse());
        // Then the capacity step's reads (docs/behaviour.md §15), each one pass, and the start.
        assertThat(dx.calls()).extracting(FakeDirectConnect.Call::operation).containsExactly(
                "DescribeVirtualInterfaces", "DescribeVirtualInterfaces", "DescribeVirtualInterfaces",
                "DescribeVirtualInterfaces", "DescribeConnections", "DescribeLags", "StartBgpFailoverTest");
    }
}
