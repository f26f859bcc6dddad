package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.MaintenanceWindow;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.result.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where two capabilities meet (issue 31): each test here failed on the code in which every path derived the network's
 * condition for itself. Service on in-memory ports: the calls made and not made, the result, the messages.
 */
class SeamDefectsTest {
    private static final Instant NOW = InMemoryAws.NOW;
    private final InMemoryAws aws = new InMemoryAws();

    private static FailoverConfig config(String... overrides) {
        Map<String, String> env = Fixtures.env();
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return Fixtures.config(env);
    }

    /** A's practice tag names a test that ended two days ago; an operator's test holds A now. */
    private void staleTagOnAUnderAnOperatorsTest() {
        aws.underTest(VIF_A, "t-operator", 20, 40).tagged(VIF_A, PracticeRecord.RUNNING, "t-old-practice");
        aws.history.get(VIF_A).add(new TestHistoryEntry("t-old-practice", "COMPLETED",
                NOW.minus(Duration.ofDays(2)).minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofDays(2))));
    }

    /**
     * Defect 3 (§16, §2.3): A's practice tag names a test that ended two days ago; A is now under an operator's test.
     * A restore is a plain restore: RESTORED, the operator's test stopped, no practice record written.
     */
    @Test
    void aRestoreWithAStalePracticeTagIsAPlainRestore() {
        staleTagOnAUnderAnOperatorsTest();
        aws.healthy(VIF_B, VIF_C);

        Result r = aws.service(config()).handle(new Request.Restore(VIF_A), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.RESTORED);
        assertThat(r.testId()).isEqualTo("t-operator");
        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A);
        assertThat(aws.calls("TagResource", "UntagResource")).as("no practice record for the old test").isEmpty();
        assertThat(aws.vifs.get(VIF_A).tags()).doesNotContainKey(PracticeRecord.LAST);
        assertThat(aws.published).singleElement().extracting(Notification::outcome).isEqualTo(Outcome.RESTORED);
    }

    /** Status shows the stale tag as a run that has ended and is not yet judged, never as running; it writes no tag. */
    @Test
    void statusShowsARunWhoseTestEndedAsNotYetJudged() {
        staleTagOnAUnderAnOperatorsTest();
        aws.healthy(VIF_B, VIF_C);

        Result r = aws.service(config()).handle(new Request.Status(), Deadline.none());

        assertThat(r.message()).contains(VIF_A + "'s run (test t-old-practice) has ended, not yet judged")
                .doesNotContain("running on " + VIF_A);
        assertThat(aws.calls("TagResource", "UntagResource", "StopBgpFailoverTest")).isEmpty();
    }

    /** The same stale tag does not keep a give back (§19) from ending the operator's test. */
    @Test
    void aStalePracticeTagDoesNotShieldATestFromTheGiveBack() {
        staleTagOnAUnderAnOperatorsTest();
        aws.down(VIF_B, VIF_C);
        aws.alarmStates.put("app-latency", "OK");

        Result r = aws.service(config("PRACTICE_OUTCOME_ALARMS", "app-latency"))
                .handle(new Request.Reconcile(), Deadline.none());

        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A);
        assertThat(r.reconciled().actions()).extracting(a -> a.outcome()).contains(Outcome.GIVEN_BACK);
    }

    /**
     * §16 × §19: the watch ends A's practice run (B is down); A is a path restored, so it counts among the healthy
     * before anything else is given back: C's operator test goes on (MINVIFS 1 holds with A).
     */
    @Test
    void aPracticeRunTheWatchJustEndedCountsAsHealthyForTheGiveBack() {
        aws.underTest(VIF_A, "t-practice", 10, 20).tagged(VIF_A, PracticeRecord.RUNNING, "t-practice")
                .down(VIF_B).underTest(VIF_C, "t-operator", 30, 30);

        Result r = aws.service(config()).handle(new Request.Reconcile(), Deadline.none());

        assertThat(r.practice().outcome()).isEqualTo(Outcome.PRACTICE_INTERRUPTED);
        assertThat(aws.calls("StopBgpFailoverTest")).containsExactly("StopBgpFailoverTest " + VIF_A);
        assertThat(r.reconciled().actions()).isEmpty();
        assertThat(aws.published).extracting(Notification::outcome).containsExactly(Outcome.PRACTICE_INTERRUPTED);
    }

    /**
     * Defect 4 (§8, §17): every VIF the notice affects keeps another event's window, so nothing is written; the
     * message is all the invocation does, so a failed publish fails it (Lambda retries) instead of being swallowed.
     */
    @Test
    void aNoticeThatWritesNothingFailsWhenItsMessageCannotBeSent() {
        Instant start = NOW.plus(Duration.ofDays(1));
        Instant end = start.plus(Duration.ofHours(4));
        aws.healthy(VIF_A, VIF_B, VIF_C).tagged(VIF_A, MaintenanceWindow.TAG,
                start.minus(Duration.ofHours(1)) + "/" + end + " down " + VIF_A + " evt-0");
        aws.failing(Call.PUBLISH);
        Request notice = new Request.Maintenance(new HealthEvent("DIRECTCONNECT", "scheduledChange",
                "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED", "upcoming", "arn:aws:health:eu-west-1::event/DIRECTCONNECT/"
                + "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/evt-1", start, end, List.of(VIF_A)));

        assertThatThrownBy(() -> aws.service(config("MAX_UTILIZATION", "0")).handle(notice, Deadline.none()))
                .isInstanceOf(RetryableFailure.class);
        assertThat(aws.calls("TagResource")).isEmpty();
        assertThat(aws.vifs.get(VIF_A).tags().get(MaintenanceWindow.TAG)).endsWith(" evt-0");
    }

    /**
     * Defect 6 (§7): an alarm on A below the minimum gives A back, then meets the minimum. The second message never
     * says "Nothing was changed" nor lists A as testing: A was just given back and is listed available.
     */
    @Test
    void theMessageAfterAGiveBackSaysItAndListsTheVifsAsTheyAreNow() {
        aws.underTest(VIF_A, "t-operator", 20, 40).down(VIF_B, VIF_C);

        Result r = aws.service(config()).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null),
                Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(r.givenBack()).extracting(g -> g.vifId()).containsExactly(VIF_A);
        assertThat(aws.published).extracting(Notification::outcome)
                .containsExactly(Outcome.GIVEN_BACK, Outcome.MINIMUM_REACHED);
        String body = io.github.dxfailover.Fixtures.unwrapped(aws.published.get(1).body());
        assertThat(body).doesNotContain("Nothing was changed")
                .contains(VIF_A + " was just given back (its failover test ended) and stays in service")
                .contains("VIFs now, after what this invocation did first");
        String vifLines = body.substring(body.indexOf("VIFs now"));
        assertThat(vifLines.lines().filter(l -> l.contains(VIF_A)).findFirst().orElseThrow())
                .contains("available").doesNotContain("testing");
        assertThat(new ArrayList<>(aws.calls("StartBgpFailoverTest"))).isEmpty();
    }

    /** The same under DRY_RUN: nothing was given back, so the second message says nothing was changed, A testing. */
    @Test
    void underDryRunTheMessageAfterAGiveBackThatWouldHaveBeenSaysNothingWasChanged() {
        aws.underTest(VIF_A, "t-operator", 20, 40).down(VIF_B, VIF_C);

        Result r = aws.service(config("DRY_RUN", "true")).handle(new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"),
                null), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        assertThat(aws.calls("StopBgpFailoverTest", "StartBgpFailoverTest")).isEmpty();
        assertThat(aws.published).extracting(Notification::outcome)
                .containsExactly(Outcome.DRY_RUN, Outcome.MINIMUM_REACHED);
        String body = io.github.dxfailover.Fixtures.unwrapped(aws.published.get(1).body());
        assertThat(body).contains("Nothing was changed: " + VIF_A + " stays in service")
                .doesNotContain("was just given back").contains("VIFs when this was decided, before acting");
        assertThat(body.lines().filter(l -> l.contains(VIF_A) && l.startsWith("  ")).findFirst().orElseThrow())
                .contains("testing");
    }
}
