package io.github.dxfailover;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.eventBridgeAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.LocalAws.Delivered;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * VIFGROUP with the real SDK over HTTP (docs/behaviour.md §18): the fake Direct Connect returns the region's VIFs
 * with their tags, 100 a page; moto is CloudWatch, SNS and Support. The managed VIFs are those tagged with the group
 * as read in each invocation.
 */
class GroupIT extends WithLocalEndpoints {
    private static final String UNTAGGED = "dxvif-none0001";
    private static final String EDGE_VIF = "dxvif-edge0001";

    @Override
    protected List<String> healthyVifs() {
        return List.of(VIF_A, VIF_B, VIF_C, UNTAGGED, EDGE_VIF);
    }

    private DxFailoverHandler handler(String group, int minVifs, String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of("VIFGROUP", group, "MINVIFS", String.valueOf(minVifs),
                "SNSARN", local.topicArn()));
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return new DxFailoverHandler(env, localClients(), Clock.systemUTC());
    }

    private static FakeDirectConnect tagged(FakeDirectConnect dx, String group, List<String> vifs) {
        vifs.forEach(v -> dx.tag(v, ManagedVifs.GROUP_TAG, group));
        return dx;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAlarmOnATaggedVifFailsOverOnAnUntaggedOneIsNotManagedAndOnAnotherGroupsPagesNobody() {
        tagged(dx, "core", List.of(VIF_A, VIF_B, VIF_C)).tag(EDGE_VIF, ManagedVifs.GROUP_TAG, "edge");
        DxFailoverHandler handler = handler("core", 1);

        Map<String, Object> failover = handler.handle(eventBridgeAlarm(VIF_A + " packet loss", "ALARM"), null);

        assertThat(failover.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(((Map<String, Object>) failover.get("vifs")).keySet()).containsExactlyInAnyOrder(VIF_A, VIF_B, VIF_C);
        assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
        assertThat(dx.calls("DescribeVirtualInterfaces")).singleElement().satisfies(c -> {
            assertThat(c.request().get("maxResults").asInt()).isEqualTo(100);
            assertThat(c.request().has("virtualInterfaceId")).isFalse();
        });
        assertThat(aws.delivered()).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER"));

        Map<String, Object> untagged = handler.handle(eventBridgeAlarm(UNTAGGED + " packet loss", "ALARM"), null);

        assertThat(untagged.get("outcome")).isEqualTo("NOT_MANAGED");
        List<Delivered> notified = aws.delivered();
        assertThat(notified).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("outcome", "NOT_MANAGED").containsEntry("virtualInterfaceId", UNTAGGED);
            assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains(UNTAGGED + " does not carry the tag dx-failover:group='core'");
        });

        Map<String, Object> edge = handler.handle(eventBridgeAlarm(EDGE_VIF + " packet loss", "ALARM"), null);

        assertThat(edge.get("outcome")).isEqualTo("NOT_MANAGED");
        assertThat(aws.delivered()).isEmpty();
        assertThat(dx.calls("StartBgpFailoverTest")).singleElement()
                .satisfies(c -> assertThat(c.request().get("virtualInterfaceId").asText()).isEqualTo(VIF_A));
        assertThat(dx.vif(UNTAGGED).state()).isEqualTo("available");
        assertThat(dx.vif(EDGE_VIF).state()).isEqualTo("available");
        assertThat(aws.supportCases()).hasSize(1);
    }

    @Test
    void aVifTaggedBetweenTwoInvocationsIsManagedFromTheSecondOn() {
        tagged(dx, "core", List.of(VIF_A, VIF_B));
        DxFailoverHandler handler = handler("core", 1);
        assertThat(handler.handle(eventBridgeAlarm(VIF_C + " loss", "ALARM"), null).get("outcome"))
                .isEqualTo("NOT_MANAGED");
        dx.tag(VIF_C, ManagedVifs.GROUP_TAG, "core");
        assertThat(handler.handle(eventBridgeAlarm(VIF_C + " loss", "ALARM"), null).get("outcome"))
                .isEqualTo("FAILED_OVER");
        assertThat(dx.vif(VIF_C).state()).isEqualTo("testing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReconcilePassOver300TaggedVifsStopsExactlyAtTheMinimum() {
        List<String> group = IntStream.range(0, 300).mapToObj(i -> "dxvif-gr%06d".formatted(i)).toList();
        group.forEach(v -> dx.addVif(v, "available", "up"));
        tagged(dx, "core", group).tag(EDGE_VIF, ManagedVifs.GROUP_TAG, "edge");
        group.forEach(v -> aws.alarmInAlarm(v + " packet loss", null, true));
        aws.alarmInAlarm(UNTAGGED + " packet loss", null, true);
        aws.alarmInAlarm(EDGE_VIF + " packet loss", null, true);
        // The minimum is the point here, not the capacity: moto answers a 500-query GetMetricData in seconds, near
        // the 10 s call timeout on a loaded machine (the split itself: ScaleTest and AdaptersTest).
        DxFailoverHandler handler = handler("core", 250, "MAX_UTILIZATION", "0");

        Map<String, Object> pass = handler.handle(Map.of("action", "reconcile"), null);

        assertThat(pass.get("outcome")).as(String.valueOf(pass.get("message"))).isEqualTo("RECONCILED");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) pass.get("actions");
        assertThat(actions).hasSize(300);
        assertThat(actions).filteredOn(a -> a.get("outcome").equals("FAILED_OVER")).hasSize(50)
                .allSatisfy(a -> assertThat(group).contains((String) a.get("virtualInterfaceId")));
        assertThat(actions).filteredOn(a -> a.get("outcome").equals("MINIMUM_REACHED")).hasSize(250);
        assertThat(((Map<String, Object>) pass.get("skipped")).get("unlisted")).isEqualTo(2);
        // Exactly MINVIFS of the group still carry traffic; nothing outside it was touched.
        assertThat(group.stream().filter(v -> dx.vif(v).state().equals("available")).count()).isEqualTo(250);
        assertThat(dx.vif(UNTAGGED).state()).isEqualTo("available");
        assertThat(dx.vif(EDGE_VIF).state()).isEqualTo("available");
        // One pass over the region's 305 VIFs, 100 a page: four calls.
        assertThat(dx.calls("DescribeVirtualInterfaces")).hasSize(4);
        assertThat(dx.calls("StartBgpFailoverTest")).hasSize(50);
        assertThat(aws.delivered()).hasSize(50).allSatisfy(m -> assertThat(m.attributes())
                .containsEntry("outcome", "FAILED_OVER"));
        assertThat(aws.supportCases()).hasSize(50);

        Map<String, Object> second = handler.handle(Map.of("action", "reconcile"), null);

        assertThat((List<Map<String, Object>>) second.get("actions")).extracting(a -> a.get("outcome"))
                .containsOnly("ALREADY_UNAVAILABLE", "MINIMUM_REACHED");
        assertThat(dx.calls("StartBgpFailoverTest")).hasSize(50);
        assertThat(aws.delivered()).isEmpty();
    }
}
