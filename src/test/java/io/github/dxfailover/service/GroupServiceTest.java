package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.TOPIC;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.result.ReconcileAction;
import io.github.dxfailover.result.Result;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * VIFGROUP through the service (docs/behaviour.md §18), on in-memory fakes of its ports: the group's VIFs are the
 * ones tagged with it as read in each invocation; a VIF outside it is never touched, and notified only when nobody
 * manages it.
 */
class GroupServiceTest {
    private static final String EDGE_VIF = "dxvif-edge0001";
    private static final String UNTAGGED = "dxvif-none0001";
    private final InMemoryAws aws = new InMemoryAws();

    private static FailoverConfig group(String name, int minVifs) {
        Map<String, String> env = new HashMap<>(Map.of("VIFGROUP", name, "MINVIFS", String.valueOf(minVifs),
                "SNSARN", TOPIC));
        return config(env);
    }

    /** A, B and C tagged core; another deployment's VIF tagged edge; one untagged. */
    private InMemoryAws region() {
        aws.healthy(VIF_A, VIF_B, VIF_C, EDGE_VIF, UNTAGGED);
        for (String vif : new String[] {VIF_A, VIF_B, VIF_C}) {
            aws.tagged(vif, ManagedVifs.GROUP_TAG, "core");
        }
        return aws.tagged(EDGE_VIF, ManagedVifs.GROUP_TAG, "edge");
    }

    private Result alarm(FailoverConfig config, String vif) {
        aws.alarmStates.put(vif + " loss", "ALARM"); // it exists, actions enabled
        return aws.service(config).handle(MockedAws.alarmFor(vif + " loss"), Deadline.none());
    }

    /**
     * Issue 32, finding 3 (§18): VIFGROUP=Core where the VIFs carry core is a typo, not another deployment: an alarm
     * is NOT_MANAGED and told with the hint, and status names it as a reason.
     */
    @Test
    void aGroupTagDifferingOnlyInCaseIsATypoToldNotSilent() {
        region();
        Result r = alarm(group("Core", 1), VIF_A);
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(r.message()).contains("differs from VIFGROUP only in letter case or spaces: a typo");
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).contains("a typo"));
        assertThat(aws.calls("StartBgpFailoverTest")).isEmpty();

        Result status = aws.service(group("Core", 1)).handle(new Request.Status(), Deadline.none());
        assertThat(status.preflight().reasons()).contains("no VIF carries dx-failover:group='Core'; 3 carry 'core', "
                + "which differs only in letter case or spaces: fix those tags or VIFGROUP");
        Result edge = aws.service(group("EDGE", 1)).handle(new Request.Status(), Deadline.none());
        assertThat(edge.preflight().reasons()).anyMatch(reason -> reason.contains("1 carry 'edge'"));
    }

    @Test
    void anAlarmOnATaggedVifFailsOverAsOnAListedOne() {
        region();
        Result r = alarm(group("core", 1), VIF_A);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(aws.calls("StartBgpFailoverTest")).containsExactly("StartBgpFailoverTest " + VIF_A);
        assertThat(aws.calls("DescribeVirtualInterfaces")).hasSize(1);
        // The result and the notification show the group's VIFs, not the region's.
        assertThat(r.vifs().ids()).containsExactly(VIF_A, VIF_B, VIF_C);
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).contains(VIF_C)
                .doesNotContain(EDGE_VIF).doesNotContain(UNTAGGED));
    }

    @Test
    void anAlarmOnAnUntaggedVifIsNotManagedAndNotified() {
        Result r = region().service(group("core", 1)).handle(MockedAws.alarmFor(UNTAGGED + " loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(r.message()).isEqualTo(UNTAGGED + " does not carry the tag dx-failover:group='core', so it is never "
                + "touched");
        assertThat(aws.calls("StartBgpFailoverTest", "StopBgpFailoverTest", "TagResource", "CreateCase")).isEmpty();
        Notification n = aws.published.get(0);
        assertThat(aws.published).hasSize(1);
        assertThat(n.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(n.vifId()).isEqualTo(UNTAGGED);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).contains("Nothing was changed: " + UNTAGGED + " does not carry the tag "
                + "dx-failover:group='core'. Tag it so if this function should manage it; it is managed from the next "
                + "invocation on.");
    }

    @Test
    void aGroupWhoseTagIsOnNoVifSaysSoInTheNotification() {
        region();
        Result typo = aws.service(group("cor", 1)).handle(MockedAws.alarmFor(UNTAGGED + " loss"), Deadline.none());
        assertThat(typo.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).contains("No VIF in this account "
                + "and region carries the tag dx-failover:group='cor': tag the VIFs to protect with it, or fix VIFGROUP."));

        aws.published.clear();
        aws.service(group("core", 1)).handle(MockedAws.alarmFor(UNTAGGED + " loss"), Deadline.none());
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).doesNotContain("No VIF"));
    }

    @Test
    void anAlarmOnAnotherGroupsVifIsNotManagedAndPagesNobody() {
        Result r = region().service(group("core", 1)).handle(MockedAws.alarmFor(EDGE_VIF + " loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(r.message()).isEqualTo(EDGE_VIF + " carries the tag dx-failover:group='edge': another deployment "
                + "manages it, so this one never touches it and notifies no one");
        assertThat(aws.published).isEmpty();
        assertThat(aws.calls("StartBgpFailoverTest", "StopBgpFailoverTest", "TagResource", "CreateCase",
                "ListVirtualInterfaceTestHistory")).isEmpty();
    }

    @Test
    void theOtherDeploymentActsOnItsOwnVifAndIsSilentAboutOurs() {
        region();
        Result edge = alarm(group("edge", 1), EDGE_VIF);
        // The edge group has one VIF: MINVIFS 1 keeps it in service, and its own deployment says so.
        assertThat(edge.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(aws.published).singleElement().extracting(Notification::outcome).isEqualTo(Outcome.MINIMUM_REACHED);
        aws.published.clear();
        assertThat(alarm(group("edge", 1), VIF_A).outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(aws.published).isEmpty();
    }

    @Test
    void operatorCommandsOnAnotherGroupsVifChangeNothingAndPageNobody() {
        region();
        FailoverService service = aws.service(group("core", 1));
        Result restore = service.handle(new Request.Restore(EDGE_VIF), Deadline.none());
        Result failover = service.handle(new Request.Evaluate(new OperatorCommand("failover", EDGE_VIF), null),
                Deadline.none());
        assertThat(restore.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(failover.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        assertThat(aws.published).isEmpty();
        // An untagged VIF's restore is notified, as with VIFLIST: nobody else would hear of it.
        assertThat(service.handle(new Request.Restore(UNTAGGED), Deadline.none()).outcome())
                .isEqualTo(Outcome.NOT_MANAGED);
        assertThat(aws.published).singleElement().extracting(Notification::vifId).isEqualTo(UNTAGGED);
        assertThat(aws.calls("StopBgpFailoverTest", "StartBgpFailoverTest")).isEmpty();
    }

    @Test
    void aVifTaggedLaterIsManagedFromTheNextInvocationOn() {
        region();
        FailoverService service = aws.service(group("core", 1)); // one container, its configuration read once
        assertThat(service.handle(MockedAws.alarmFor(UNTAGGED + " loss"), Deadline.none()).outcome())
                .isEqualTo(Outcome.NOT_MANAGED);
        aws.tagged(UNTAGGED, ManagedVifs.GROUP_TAG, "core");
        aws.alarmStates.put(UNTAGGED + " loss", "ALARM");
        Result r = service.handle(MockedAws.alarmFor(UNTAGGED + " loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.vifs().ids()).containsExactly(VIF_A, VIF_B, VIF_C, UNTAGGED);
        assertThat(aws.calls("StartBgpFailoverTest")).containsExactly("StartBgpFailoverTest " + UNTAGGED);
    }

    @Test
    void aReconcilePassActsOnTheGroupsAlarmsAndLeavesTheRestAsideSilently() {
        region();
        aws.alarmInAlarm(VIF_A + " loss", 30).alarmInAlarm(EDGE_VIF + " loss", 40).alarmInAlarm(UNTAGGED + " loss", 50);
        Result r = aws.service(group("core", 1)).handle(new Request.Reconcile(), Deadline.none());
        assertThat(r.reconciled().actions()).extracting(ReconcileAction::vifId, ReconcileAction::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(VIF_A, Outcome.FAILED_OVER));
        assertThat(r.reconciled().unlisted()).isEqualTo(2);
        assertThat(aws.calls("StartBgpFailoverTest")).containsExactly("StartBgpFailoverTest " + VIF_A);
        assertThat(aws.published).extracting(Notification::vifId).containsExactly(VIF_A);
    }

    @Test
    void aGroupSmallerThanMinVifsPlusOneIsAStatusReasonNotAConfigurationError() {
        region();
        Result status = aws.service(group("core", 3)).handle(new Request.Status(), Deadline.none());
        assertThat(status.outcome()).isEqualTo(Outcome.STATUS);
        assertThat(status.preflight().ready()).isFalse();
        assertThat(status.preflight().reasons()).contains("3 VIF(s) carry the tag dx-failover:group='core', fewer than "
                + "MINVIFS+1 = 4: tag more VIFs with it, or lower MINVIFS, so that one can be taken out");
        assertThat(status.vifs().ids()).containsExactly(VIF_A, VIF_B, VIF_C);
        assertThat(status.message()).contains("3 of 3 VIFs of group 'core' healthy, MINVIFS 3: 0 can be taken out");
        // Tested per VIF of the group, not of the region.
        assertThat(aws.calls("ListVirtualInterfaceTestHistory")).containsExactlyInAnyOrder(
                "ListVirtualInterfaceTestHistory " + VIF_A, "ListVirtualInterfaceTestHistory " + VIF_B,
                "ListVirtualInterfaceTestHistory " + VIF_C);
        // Decisions follow §4: the minimum holds.
        assertThat(alarm(group("core", 3), VIF_A).outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(aws.calls("StartBgpFailoverTest")).isEmpty();

        Result ready = aws.service(group("core", 2)).handle(new Request.Status(), Deadline.none());
        assertThat(ready.preflight().reasons()).noneMatch(reason -> reason.contains("MINVIFS+1"));
    }

    @Test
    void aGroupNobodyTaggedYetHasNoVifToPractiseOnAndChangesNothing() {
        aws.healthy(UNTAGGED);
        Map<String, String> env = new HashMap<>(Map.of("VIFGROUP", "core", "MINVIFS", "1", "SNSARN", TOPIC,
                "PRACTICE_OUTCOME_ALARMS", "app errors"));
        aws.alarmStates.put("app errors", "OK");
        Result r = aws.service(config(env)).handle(new Request.Practice(null, null), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.PRACTICE_BLOCKED);
        assertThat(r.vifId()).isNull();
        assertThat(r.message()).isEqualTo("no practice run: the healthy VIFs are not more than MINVIFS: none can be "
                + "taken out");
        assertThat(aws.calls("StartBgpFailoverTest", "TagResource")).isEmpty();
        Result status = aws.service(config(env)).handle(new Request.Status(), Deadline.none());
        assertThat(status.preflight().reasons()).contains("0 VIF(s) carry the tag dx-failover:group='core', fewer "
                + "than MINVIFS+1 = 2: tag more VIFs with it so that one can be taken out");
    }

    @Test
    void withVifListAVifTaggedWithAGroupIsAnotherDeploymentsAndAnUntaggedOneIsNotified() {
        region();
        FailoverService listed = aws.service(Fixtures.config()); // VIFLIST A, B, C
        assertThat(listed.handle(MockedAws.alarmFor(EDGE_VIF + " loss"), Deadline.none()).outcome())
                .isEqualTo(Outcome.NOT_MANAGED);
        assertThat(aws.published).isEmpty();
        assertThat(listed.handle(MockedAws.alarmFor(UNTAGGED + " loss"), Deadline.none()).outcome())
                .isEqualTo(Outcome.NOT_MANAGED);
        assertThat(aws.published).singleElement().satisfies(n -> assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).contains(UNTAGGED
                + " is not in VIFLIST (" + VIF_A + "," + VIF_B + "," + VIF_C + ")"));
    }
}
