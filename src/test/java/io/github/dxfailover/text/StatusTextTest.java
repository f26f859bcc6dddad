package io.github.dxfailover.text;

import io.github.dxfailover.decision.Minimum;
import io.github.dxfailover.aws.AwsErrors;
import static io.github.dxfailover.Fixtures.VIF_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.BgpPeer;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.VifState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The preflight's reasons and message, word for word (docs/behaviour.md §14). */
class StatusTextTest {
    private static final VifState TWO_PEERS = new VifState(VIF_A, "available", List.of(
            new BgpPeer("ipv4", "169.254.10.2/30", 65000L, "up"), new BgpPeer("ipv6", null, null, "down")));

    private static AwsCallFailed failed(Call call, String code) {
        return AwsErrors.failed(call, VIF_A, AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build());
    }

    @Test
    void eachVifReadsWithItsStateHealthAndEveryPeerThenItsDetails() {
        assertThat(StatusText.vif(TWO_PEERS, "", List.of("a1", "a2 (actions disabled)"), "if taken out now x"))
                .containsExactly(VIF_A + " available, healthy; BGP ipv4 169.254.10.2/30 up; ipv6 down",
                        "    if taken out now x", "    alarms in ALARM: a1, a2 (actions disabled)");
        // The peer address, else the ASN, else only the status (docs/behaviour.md §14).
        assertThat(StatusText.vif(new VifState(VIF_A, "available", List.of(new BgpPeer("ipv4", null, 65000L, "up"),
                BgpPeer.ofStatus("up"))), "", List.of(), "")).containsExactly(VIF_A + " available, healthy; BGP ipv4 AS "
                + "65000 up; peer 2 up");
        // Never "not healthy (available)": the peers after it say which session is down (§4).
        assertThat(StatusText.vif(VifState.of(VIF_A, "available", "down", "down"), "", List.of(), ""))
                .containsExactly(VIF_A + " available, not healthy; BGP peer 1 down; peer 2 down");
        assertThat(StatusText.vif(VifState.of(VIF_A, "testing", "down"), "failover test t-1 until 07:00", List.of(), ""))
                .containsExactly(VIF_A + " testing, not healthy; BGP peer 1 down", "    failover test t-1 until 07:00");
        assertThat(StatusText.vif(VifState.of(VIF_A, "down", "down"), "", List.of(), ""))
                .containsExactly(VIF_A + " down, not healthy; BGP peer 1 down");
        assertThat(StatusText.vif(new VifState(VIF_A, "available", List.of(BgpPeer.ofStatus("up")), null, Map.of(), null,
                true), "", List.of(), "")).containsExactly(VIF_A + " available, not healthy (AWS maintenance window "
                + "open); BGP peer 1 up");
        assertThat(StatusText.vif(VifState.missing(VIF_A), "", List.of(), ""))
                .containsExactly(VIF_A + " not returned by Direct Connect, not healthy; BGP unknown");
        Instant since = Instant.parse("2026-11-26T04:00:00Z");
        Alarm alarm = new Alarm("a", "ALARM", "", "", "", "", List.of());
        assertThat(StatusText.alarmName(new FiringAlarm(alarm, since, false, since))).isEqualTo("a (actions disabled)");
        assertThat(StatusText.alarmName(new FiringAlarm(alarm, since, true, since))).isEqualTo("a");
    }

    @Test
    void aRunningTestAndTheTestHistory() {
        Instant end = Instant.parse("2026-11-26T07:00:00Z");
        assertThat(StatusText.runningTest(Optional.of(new FailoverTestRun("t-1", end))))
                .isEqualTo("failover test t-1 until 2026-11-26T07:00:00Z");
        assertThat(StatusText.runningTest(Optional.empty())).isEqualTo("no running test found");
        AwsCallFailed denied = failed(Call.LIST_TEST_HISTORY, "AccessDeniedException");
        assertThat(StatusText.testHistoryUnavailable(denied)).isEqualTo("test history unavailable: "
                + "AccessDeniedException: m");
        assertThat(StatusText.mayNotTest(VIF_A, LISTED, denied)).isEqualTo("this function may not run failover tests on "
                + VIF_A + " (AccessDeniedException: m): its role lacks the failover-test statement for this VIF's ARN; "
                + "redeploy with it in VifList");
        // With a group the grant is the VIF's tag (docs/behaviour.md §12, §18): a role made for another group.
        assertThat(StatusText.mayNotTest(VIF_A, CORE, denied)).isEqualTo("this function may not run failover tests on "
                + VIF_A + " (AccessDeniedException: m): its role's failover-test statement does not allow VIFs tagged "
                + "dx-failover:group='core network'; redeploy the stack with VifGroup core network (or give the role "
                + "lambda-iam-policy-group.json with this group)");
        AwsCallFailed tagsDenied = failed(Call.DESCRIBE_TAGS, "AccessDeniedException");
        assertThat(StatusText.mayNotRecord(VIF_A, LISTED, tagsDenied)).isEqualTo("this function may not write its "
                + "records (practice runs, maintenance windows) on " + VIF_A + " (AccessDeniedException: m): its role "
                + "lacks the record statement (TagResource, UntagResource, DescribeTags) for this VIF's ARN; redeploy "
                + "with it in VifList");
        assertThat(StatusText.mayNotRecord(VIF_A, CORE, tagsDenied)).endsWith("its role's record statement "
                + "(TagResource, UntagResource, DescribeTags) does not allow VIFs tagged dx-failover:group='core network'"
                + "; redeploy the stack with VifGroup core network (or give the role lambda-iam-policy-group.json with "
                + "this group)");
        assertThat(StatusText.testHistoryUnreadable(VIF_A, denied)).isEqualTo("the failover-test history of " + VIF_A
                + " could not be read: AccessDeniedException: m");
    }

    @Test
    void aVifIsAReasonWhenMissingDownOrHalfDown() {
        assertThat(StatusText.vifReason(VifState.missing(VIF_A))).contains(VIF_A + " is not returned by Direct Connect "
                + "in this account and region: fix VIFLIST");
        assertThat(StatusText.vifReason(VifState.of(VIF_A, "down", "down"))).contains(VIF_A + " carries no traffic "
                + "(down, BGP down)");
        assertThat(StatusText.vifReason(TWO_PEERS)).contains(VIF_A + " has BGP sessions down (ipv4 169.254.10.2/30 AS "
                + "65000 up; ipv6 down)");
        assertThat(StatusText.vifReason(VifState.of(VIF_A, "testing", "down"))).isEmpty();
        assertThat(StatusText.vifReason(VifState.of(VIF_A, "available", "up", "up"))).isEmpty();
    }

    @Test
    void theTopicTheSupportPlanAndTheMinimum() {
        String topic = "arn:aws:sns:eu-west-1:123456789012:t";
        assertThat(StatusText.topicProblem(topic, failed(Call.GET_TOPIC_ATTRIBUTES, "NotFound"))).isEqualTo(
                "the notification topic " + topic + " does not exist (NotFound: m): create it or fix SNSARN");
        assertThat(StatusText.topicProblem(topic, failed(Call.GET_TOPIC_ATTRIBUTES, "AuthorizationError"))).isEqualTo(
                "this function may not use the notification topic " + topic + " (AuthorizationError: m): its role "
                        + "needs sns:GetTopicAttributes and sns:Publish on it");
        assertThat(StatusText.topicProblem(topic, failed(Call.GET_TOPIC_ATTRIBUTES, "Throttling"))).isEqualTo(
                "the notification topic " + topic + " could not be checked: Throttling: m");
        AwsCallFailed noPlan = failed(Call.DESCRIBE_SEVERITY_LEVELS, "SubscriptionRequiredException");
        assertThat(StatusText.supportPlanProblem(noPlan, true)).isEqualTo("this account has no Business or Enterprise "
                + "support plan (SubscriptionRequiredException): a failover could open no support case; subscribe, or "
                + "set SUPPORT_CASE=false");
        assertThat(StatusText.supportPlanProblem(noPlan, false)).isEqualTo("the Support API could not be checked: "
                + "SubscriptionRequiredException: m");
        assertThat(StatusText.severityNotOffered("critical", List.of("low", "normal"))).isEqualTo(
                "SUPPORT_SEVERITY=critical is not offered to this account's support plan (it offers low, normal)");
        assertThat(StatusText.noneCanBeTakenOut(1, 1)).isEqualTo("only 1 healthy VIF(s) and MINVIFS is 1: no VIF can "
                + "be taken out right now");
        assertThat(StatusText.vifsUnreadable(failed(Call.DESCRIBE_VIRTUAL_INTERFACES, "X"))).isEqualTo("reading the VIF "
                + "states from Direct Connect failed (nothing was changed): X: m: no alarm could be acted on");
        assertThat(StatusText.capacityUnreadable(failed(Call.GET_METRIC_DATA, "X"))).isEqualTo("reading the VIFs' "
                + "traffic from CloudWatch failed (nothing was changed): X: m: the capacity guard would fail the same way");
        assertThat(StatusText.alarmsUnreadable(failed(Call.DESCRIBE_ALARMS, "X"))).isEqualTo("reading the alarms in "
                + "ALARM from CloudWatch failed (nothing was changed): X: m: the reconcile pass would fail the same way");
    }

    @Test
    void theFirstLineSaysReadyOrHowManyReasonsAndTheHealthyCountAgainstTheMinimum() {
        assertThat(StatusText.headline(0, 3, 3, LISTED, new Minimum(1), false))
                .isEqualTo("READY: 3 of 3 listed VIFs healthy, MINVIFS 1: 2 can be taken out now");
        assertThat(StatusText.headline(1, 1, 3, LISTED, new Minimum(2), true))
                .isEqualTo("NOT READY: 1 reason; 1 of 3 listed VIFs healthy, MINVIFS 2: 0 can be taken out now "
                        + "(DRY_RUN is on)");
        assertThat(StatusText.headline(2, 30, 30, CORE, new Minimum(1), false))
                .isEqualTo("NOT READY: 2 reasons; 30 of 30 VIFs of group 'core network' healthy, MINVIFS 1: 29 can be "
                        + "taken out now");
    }

    @Test
    void theMessageIsTheHeadlineThenOneShortLinePerReasonAndPerVif() {
        assertThat(StatusText.message("READY: h", List.of(), List.of(List.of("v1", "    d1"), List.of("v2")),
                List.of("Practice runs: p"), List.of())).isEqualTo("""
                READY: h
                VIFs:
                  v1
                      d1
                  v2
                Practice runs: p""");
        assertThat(StatusText.message("NOT READY: 2 reasons", List.of("r1", "r2"), List.of(List.of("v1")), List.of(),
                List.of("AWS maintenance:", "  - w"))).isEqualTo("""
                NOT READY: 2 reasons
                Reasons:
                  - r1
                  - r2
                VIFs:
                  v1
                AWS maintenance:
                  - w""");
    }

    @Test
    void aLineOfAHundredCharactersStaysWhole() {
        String line = "x".repeat(99) + " ";
        assertThat(Lines.wrap(line)).containsExactly(line);
    }

    @Test
    void aFigureAndItsPercentSignStayOnOneLine() {
        String line = "      taken out, the rest would carry 1.2 Gbit/s on 0 bit/s: no capacity left (MAX_UTILIZATION 80 %), over";
        assertThat(Lines.wrap(line)).containsExactly("      taken out, the rest would carry 1.2 Gbit/s on 0 bit/s: no "
                + "capacity left (MAX_UTILIZATION", "          80 %), over");
    }

    @Test
    void aLineOverAHundredCharactersGoesOnIndentedUnderItself() {
        String reason = "this function may not run failover tests on " + VIF_A + " (AccessDeniedException: User: "
                + "arn:aws:sts::123456789012:assumed-role/my-dx-DxFailoverFunctionRole-1A2B3C4D5E6F/my-dx-dx-failover-"
                + "function is not authorized): its role lacks the failover-test statement";
        String message = StatusText.message("NOT READY: 1 reason", List.of(reason), List.of(), List.of(), List.of());
        assertThat(message.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        assertThat(message.lines().skip(3).takeWhile(l -> !l.equals("VIFs:"))).hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("      "));
        // Nothing lost but the spaces where a line broke; a word longer than a line is cut where the line ends.
        assertThat(message.lines().skip(2).takeWhile(l -> !l.equals("VIFs:")).map(String::strip)
                .reduce("", String::concat).replace(" ", ""))
                .isEqualTo(("- " + reason).replace(" ", ""));
    }

    @Test
    void aGroupTooSmallToTakeOneOutSaysWhichTagAndHowMany() {
        assertThat(StatusText.groupTooSmall("core network", 1, 1)).isEqualTo("1 VIF(s) carry the tag "
                + "dx-failover:group='core network', fewer than MINVIFS+1 = 2: tag more VIFs with it so that one can be "
                + "taken out"); // MINVIFS 1 is the lowest there is
        assertThat(StatusText.groupTooSmall("core", 2, 2)).endsWith("fewer than MINVIFS+1 = 3: tag more VIFs with it, "
                + "or lower MINVIFS, so that one can be taken out");
    }

    private static final ManagedVifs LISTED = new ManagedVifs.Listed(List.of(VIF_A));
    private static final ManagedVifs CORE = new ManagedVifs.Group("core network");
}
