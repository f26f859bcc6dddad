package io.github.dxfailover.text;

import io.github.dxfailover.aws.AwsErrors;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.states;
import static io.github.dxfailover.Fixtures.vif;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.Decision.Why;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.ReconcilePlan;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.CaseNotOpened;
import io.github.dxfailover.result.ReconcileAction;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Every sentence of the result's message and errors, word for word (docs/behaviour.md §10). */
class MessagesTest {
    private static final FailoverConfig CONFIG = config(); // A, B, C listed; MINVIFS 1
    /** A, B, C as listed (B in a maintenance window); and another deployment's VIF, tagged with its group (§17, §18). */
    private static final VifStates STATES = states(CONFIG, vif(VIF_A, "available", "up"), vif(VIF_B, "down", "down")
            .tagged(java.util.Map.of("dx-failover:maintenance",
                    "2026-12-05T02:00:00Z/2026-12-05T06:00:00Z down dxcon-fgbb0002 abc123")),
            vif(VIF_C, "available", "up", "down"),
            vif("dxvif-edge0001", "available", "up").tagged(java.util.Map.of(ManagedVifs.GROUP_TAG, "edge")));
    private static final Instant END = Instant.parse("2026-11-26T07:00:00Z");
    private static final Capacity OVER = new Capacity(80, 3e9, 1_000_000_000L, List.of());

    static Stream<Arguments> reasons() {
        String count = "2 healthy VIF(s), MINVIFS is 1: ";
        return Stream.of(
                Arguments.of(Why.NOT_IN_ALARM, VIF_A, "alarm state is OK, only ALARM acts"),
                Arguments.of(Why.MUTED, VIF_A, "alarm '" + VIF_A + " loss' has its actions disabled (muted by an "
                        + "operator), so it is not acted on"),
                Arguments.of(Why.WATCH_ALARM, null, "alarm '" + VIF_A + " loss' is a practice-run watch, and no practice "
                        + "run is on: nothing to do"),
                Arguments.of(Why.SETTLING, VIF_A, "alarm '" + VIF_A + " loss' on " + VIF_A + " is presumed to be the "
                        + "practice run's doing until 15 minutes after it ended, so it is not acted on"),
                Arguments.of(Why.NAMES_NO_VIF, null, "the alarm names no VIF: its name must start with the VIF ID "
                        + "(dxvif-…), or its metric must have exactly one VirtualInterfaceId dimension outside AWS/DX "
                        + "and DxFailover"),
                Arguments.of(Why.ONLY_AWS_DX_OR_OWN_DIMENSIONS, null, "the alarm names no VIF: its VirtualInterfaceId "
                        + "dimension is on an AWS/DX metric, which measures the VIF's load or BGP state, or on this "
                        + "function's own DxFailover metrics, which say what it read and decided; neither measures the "
                        + "path over the VIF, so such an alarm acts only when its name starts with the VIF ID (dxvif-…)"),
                Arguments.of(Why.NOT_LISTED, "dxvif-zzzz9999", "dxvif-zzzz9999 is not in VIFLIST, so it is never touched"),
                Arguments.of(Why.OTHER_GROUP, "dxvif-edge0001", "dxvif-edge0001 carries the tag dx-failover:group='edge': "
                        + "another deployment manages it, so this one never touches it and notifies no one"),
                Arguments.of(Why.GROUP_TYPO, "dxvif-edge0001", "dxvif-edge0001 carries the tag dx-failover:group='edge'"
                        + ", which differs from VIFGROUP only in letter case or spaces: a typo, so it is not managed; fix "
                        + "the tag or VIFGROUP"),
                Arguments.of(Why.NOT_HEALTHY, VIF_B, VIF_B + " already carries no traffic (down, BGP down), nothing to do"),
                Arguments.of(Why.AT_MINIMUM, VIF_A, count + "taking " + VIF_A + " out would go below the minimum"),
                Arguments.of(Why.IN_MAINTENANCE, VIF_B, VIF_B + " is in an AWS maintenance window (Sat 5 Dec 2026 02:00 "
                        + "to 06:00 UTC (4 h), down by dxcon-fgbb0002): no failover test during "
                        + "maintenance, and it does not count as healthy"),
                Arguments.of(Why.OVER_CAPACITY, VIF_A, count + "taking " + VIF_A + " out would leave the other VIFs "
                        + "3.0 Gbit/s on 1.0 Gbit/s: 300 % (MAX_UTILIZATION 80 %), more than they can carry"),
                Arguments.of(Why.WOULD_START, VIF_A, count + "would start the BGP failover test on " + VIF_A + " (DRY_RUN)"),
                Arguments.of(Why.STARTING, VIF_A, count + "starting the BGP failover test on " + VIF_A),
                Arguments.of(Why.NO_TEST_RUNNING, VIF_C, VIF_C + " has no failover test running (available, BGP peer 1 "
                        + "up, peer 2 down)"),
                Arguments.of(Why.WOULD_STOP, VIF_A, "would stop the BGP failover test on " + VIF_A + " (DRY_RUN)"),
                Arguments.of(Why.STOPPING, VIF_A, "stopping the BGP failover test on " + VIF_A));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasons")
    void eachDecisionSaysWhyInOneSentence(Why why, String vif, String sentence) {
        Decision d = new Decision(Outcome.IGNORED, why, vif, why == Why.OVER_CAPACITY ? OVER : null);
        String state = why == Why.NOT_IN_ALARM ? "OK" : "ALARM";
        assertThat(Messages.reason(d, alarm(VIF_A + " loss", state), STATES, CONFIG)).isEqualTo(sentence);
    }

    @Test
    void withAGroupAVifOutsideItLacksTheTag() {
        FailoverConfig group = config(java.util.Map.of("VIFGROUP", "core", "MINVIFS", "1", "SNSARN",
                io.github.dxfailover.Fixtures.TOPIC));
        Decision d = new Decision(Outcome.NOT_MANAGED, Why.NOT_LISTED, "dxvif-zzzz9999");
        assertThat(Messages.reason(d, alarm("dxvif-zzzz9999 loss", "ALARM"), VifStates.notRead(), group))
                .isEqualTo("dxvif-zzzz9999 does not carry the tag dx-failover:group='core', so it is never touched");
    }

    @Test
    void everyRuleHasItsSentence() {
        assertThat(reasons().map(a -> a.get()[0])).containsExactlyInAnyOrder((Object[]) Why.values());
    }

    @Test
    void aStartedTestSaysWhenBgpComesBack() {
        assertThat(Messages.started(new FailoverTestRun("t-1", END), VIF_A, 60, null)).isEqualTo("BGP failover test t-1 "
                + "started on " + VIF_A + " for 60 minutes; BGP on " + VIF_A + " comes back by itself at " + END);
        assertThat(Messages.stopped(new FailoverTestRun("t-1", END), VIF_A)).isEqualTo("BGP failover test t-1 on "
                + VIF_A + " was stopped; its BGP sessions come back up now");
    }

    static Stream<Arguments> failures() {
        String aws = "ThrottlingException: Rate exceeded";
        return Stream.of(
                Arguments.of(Call.DESCRIBE_VIRTUAL_INTERFACES, "reading the VIF states from Direct Connect failed "
                        + "(nothing was changed): " + aws),
                Arguments.of(Call.START_BGP_FAILOVER_TEST, "starting the BGP failover test on " + VIF_A + " failed: " + aws),
                Arguments.of(Call.STOP_BGP_FAILOVER_TEST, "stopping the BGP failover test on " + VIF_A + " failed: " + aws),
                Arguments.of(Call.DESCRIBE_ALARMS, "reading the alarms in ALARM from CloudWatch failed (nothing was "
                        + "changed): " + aws),
                Arguments.of(Call.PUBLISH, "notification not sent (nothing was changed): " + aws),
                Arguments.of(Call.CREATE_CASE, "CreateCase failed (nothing was changed): " + aws));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailedCallSaysWhatFailedAndWhatAwsAnswered(Call call, String sentence) {
        assertThat(Messages.failed(throttled(call))).isEqualTo(sentence);
    }

    @Test
    void failuresAfterAChangeSayTheFailoverStands() {
        assertThat(Messages.notificationNotSent(throttled(Call.PUBLISH)))
                .isEqualTo("notification not sent: ThrottlingException: Rate exceeded");
        assertThat(Messages.caseNotOpened(new CaseNotOpened(true, "SubscriptionRequiredException: no plan")))
                .isEqualTo("support case not opened: this account has no Business or Enterprise support plan "
                        + "(SubscriptionRequiredException); the failover stands");
        assertThat(Messages.caseNotOpened(new CaseNotOpened(false, "read timed out")))
                .isEqualTo("support case not opened: read timed out; the failover stands");
        assertThat(Messages.misconfigured(List.of("MINVIFS='0': expected an integer >= 1", "FAILOVER='x': …")))
                .isEqualTo("the function is misconfigured: MINVIFS='0': expected an integer >= 1 (and 1 more "
                        + "problem(s)); nothing was done");
        assertThat(Messages.misconfigured(List.of("DRYRUN='true': DRYRUN is not read; did you mean DRY_RUN?")))
                .isEqualTo("the function is misconfigured: DRYRUN='true': DRYRUN is not read; did you mean DRY_RUN?; "
                        + "nothing was done");
    }

    @Test
    void aReconcilePassCountsWhatItDidAndLeftAside() {
        ReconcilePlan plan = new ReconcilePlan(List.of(), 1, 2, 3, 0);
        List<ReconcileAction> actions = actions(Outcome.FAILED_OVER, Outcome.FAILED_OVER, Outcome.MINIMUM_REACHED,
                Outcome.ALREADY_UNAVAILABLE, Outcome.ALREADY_UNAVAILABLE, Outcome.ALREADY_UNAVAILABLE);
        assertThat(Messages.reconciled(9, plan, actions, 0, 0, false)).isEqualTo("reconcile: 9 alarm(s) in ALARM on 0 "
                + "listed VIF(s); started 2 failover test(s), 1 held in service by the minimum, 0 by the capacity, 3 "
                + "already out of service; left aside: 1 muted, 2 naming unlisted VIFs, 3 naming no VIF");
        assertThat(Messages.reconciled(1, new ReconcilePlan(List.of(), 0, 0, 0, 0), actions(Outcome.DRY_RUN), 0, 2, true))
                .isEqualTo("reconcile: 1 alarm(s) in ALARM on 0 listed VIF(s); started 0 failover test(s) (DRY_RUN: 1 "
                        + "would have), 0 held in service by the minimum, 0 by the capacity, 0 already out of service, "
                        + "2 left for the next pass (the function's time ran short); left aside: 0 muted, 0 naming "
                        + "unlisted VIFs, 0 naming no VIF");
    }

    @Test
    void aPassSaysWhatItLeftAsideForASettlingVif() {
        assertThat(Messages.reconciled(1, new ReconcilePlan(List.of(), 0, 0, 0, 2), List.of(), 0, 0, false))
                .endsWith("0 naming no VIF, 2 on a VIF settling after a practice run");
    }

    @Test
    void aFailureThatNeverReachedAwsSaysWhatWentWrongOnTheWay() {
        AwsCallFailed e = AwsErrors.failed(Call.DESCRIBE_ALARMS, null, SdkClientException.create("connect timed out"));
        assertThat(Messages.failed(e)).endsWith("(nothing was changed): connect timed out");
        assertThat(e.code()).isNull();
    }

    private static List<ReconcileAction> actions(Outcome... outcomes) {
        return Arrays.stream(outcomes).map(o -> new ReconcileAction(VIF_A, "a", o, null, null, null)).toList();
    }

    static AwsCallFailed throttled(Call call) {
        return AwsErrors.failed(call, VIF_A, AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded")
                        .build()).build());
    }
}
