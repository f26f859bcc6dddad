package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.local.WithLocalEndpoints;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The capacity guard (docs/behaviour.md §15) with the real SDK over HTTP: the fake Direct Connect's
 * connections and LAGs (DescribeConnections, DescribeLags) and AWS/DX traffic put into moto's
 * CloudWatch (PutMetricData, read back with GetMetricData).
 */
class CapacityIT extends WithLocalEndpoints {
    static final String PRIMARY = "dxvif-fgab1234";
    static final String BACKUP = "dxvif-fgcd5678";
    static final String DOWN = "dxvif-fgef9012";

    @Override
    protected List<String> healthyVifs() {
        return List.of(PRIMARY, BACKUP);
    }

    /** A 10 Gbit/s primary carrying 3 Gbit/s; the backup on a LAG of two 1 Gbit/s members, one of them down. */
    @BeforeEach
    void primaryAndBackup() {
        dx.addVif(DOWN, "down", "down");
        dx.addConnection("dxcon-primary1", "10Gbps").addLag("dxlag-backup01", "1Gbps", "available", "down");
        dx.onLink(PRIMARY, "dxcon-primary1", 3e9).onLink(BACKUP, "dxlag-backup01", 1e8);
        aws.putTraffic(dx);
    }

    private DxFailoverHandler handler() {
        return new DxFailoverHandler(Map.of("VIFLIST", PRIMARY + "," + BACKUP + "," + DOWN, "MINVIFS", "1",
                "SNSARN", local.topicArn()), localClients(), Clock.systemUTC());
    }

    @Test
    void thePrimaryIsNotPushedOntoTheBackup() {
        Map<String, Object> result = handler().handle(Fixtures.eventBridgeAlarm(PRIMARY + " packet loss",
                "ALARM"), null);

        assertThat(result.get("outcome")).isEqualTo("CAPACITY_REACHED");
        assertThat(result.get("capacity")).isEqualTo(Map.of("limitPercent", 80, "projectedPercent", 310.0,
                "loadBps", 3_100_000_000L, "remainingCapacityBps", 1_000_000_000L));
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        assertThat(dx.vif(PRIMARY).state()).isEqualTo("available");
        assertThat(dx.calls("DescribeConnections")).hasSize(1);
        assertThat(dx.calls("DescribeLags")).hasSize(1);
        assertThat(aws.supportCases()).isEmpty();
        assertThat(aws.delivered()).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("outcome", "CAPACITY_REACHED");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("3.1 Gbit/s on 1.0 Gbit/s: 310 % (MAX_UTILIZATION 80 %)");
        });
    }

    @Test
    void theBackupIsTakenOutOntoThePrimary() {
        Map<String, Object> result = handler().handle(Fixtures.eventBridgeAlarm(BACKUP + " packet loss",
                "ALARM"), null);

        assertThat(result.get("outcome")).isEqualTo("FAILED_OVER");
        assertThat(result.get("capacity")).isEqualTo(Map.of("limitPercent", 80, "projectedPercent", 31.0,
                "loadBps", 3_100_000_000L, "remainingCapacityBps", 10_000_000_000L));
        assertThat(result.get("message")).asString()
                .endsWith("; the other VIFs would carry 3.1 Gbit/s on 10.0 Gbit/s: 31.0 % (MAX_UTILIZATION 80 %)");
        assertThat(dx.vif(BACKUP).state()).isEqualTo("testing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReconcilePassHoldsThePrimarySilentlyAndTakesTheBackupOut() {
        aws.alarmInAlarm(PRIMARY + " packet loss", null, true);
        aws.alarmInAlarm(BACKUP + " packet loss", null, true);

        Map<String, Object> result = handler().handle(Map.of("action", "reconcile"), null);

        List<Map<String, Object>> actions = (List<Map<String, Object>>) result.get("actions");
        assertThat(actions).extracting(a -> a.get("virtualInterfaceId"), a -> a.get("outcome"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(PRIMARY, "CAPACITY_REACHED"),
                        org.assertj.core.groups.Tuple.tuple(BACKUP, "FAILED_OVER"));
        assertThat(dx.calls("StartBgpFailoverTest")).singleElement()
                .satisfies(c -> assertThat(c.request().get("virtualInterfaceId").asText()).isEqualTo(BACKUP));
        assertThat(dx.calls("DescribeConnections")).hasSize(1);
        assertThat(aws.delivered()).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER"));
    }
}
