package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Practice runs (docs/behaviour.md §16) with the real SDK over HTTP: the fake Direct Connect keeps the
 * record on the VIF's tags and the test history; moto holds the outcome alarm and the AWS/DX traffic.
 */
class PracticeIT extends WithLocalEndpoints {
    static final String A = "dxvif-fgab1234";
    static final String B = "dxvif-fgcd5678";
    static final String C = "dxvif-fgef9012";
    static final String OUTCOME = "apps 5xx";

    @Override
    protected List<String> healthyVifs() {
        return List.of(A, B, C);
    }

    @BeforeEach
    void trafficAndAnOutcomeAlarm() {
        for (String vif : List.of(A, B, C)) {
            dx.onLink(vif, FakeDirectConnect.DEFAULT_CONNECTION, 5e8);
        }
        aws.putTraffic(dx);
        aws.alarmInState(OUTCOME, "OK");
    }

    private DxFailoverHandler handler() {
        return new DxFailoverHandler(Map.of("VIFLIST", A + "," + B + "," + C, "MINVIFS", "1",
                "SNSARN", local.topicArn(), "PRACTICE_OUTCOME_ALARMS", OUTCOME), localClients(), Clock.systemUTC());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunStartsAndItsOutcomeAlarmEndsItAsFailed() {
        DxFailoverHandler handler = handler();
        Map<String, Object> started = handler.handle(Map.of("action", "practice"), null);

        assertThat(started.get("outcome")).as(started.toString()).isEqualTo("PRACTICE_STARTED");
        assertThat(started.get("virtualInterfaceId")).isEqualTo(A); // none tested yet: the first by ID
        String testId = (String) ((Map<String, Object>) started.get("practice")).get("testId");
        assertThat(dx.vif(A).state()).isEqualTo("testing");
        assertThat(dx.vif(A).tags()).containsEntry("dx-failover:practice", testId);
        assertThat(dx.calls("StartBgpFailoverTest")).singleElement()
                .satisfies(c -> assertThat(c.request().get("testDurationInMinutes").asInt()).isEqualTo(30));
        assertThat(aws.delivered()).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "PRACTICE_STARTED"));

        aws.alarmInState(OUTCOME, "ALARM");
        Map<String, Object> ended = handler.handle(Fixtures.eventBridgeAlarm(OUTCOME, "ALARM"), null);

        assertThat(ended.get("outcome")).as(ended.toString()).isEqualTo("PRACTICE_FAILED");
        assertThat(dx.calls("StopBgpFailoverTest")).hasSize(1);
        assertThat(dx.vif(A).state()).isEqualTo("available");
        assertThat(dx.vif(A).tags()).doesNotContainKey("dx-failover:practice")
                .hasEntrySatisfying("dx-failover:last-practice", v -> assertThat(v).endsWith(" PRACTICE_FAILED " + testId));
        assertThat(aws.delivered()).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("outcome", "PRACTICE_FAILED");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message())).contains("outcome alarm '" + OUTCOME + "' went to ALARM");
        });
        assertThat(aws.supportCases()).isEmpty();
    }

    /**
     * Issue 36, defect 1, over the real SDK: the practice start's answer is lost (carried out, answered after the
     * attempt timeout); the SDK's second attempt meets the running test, the history says it runs: the run is
     * recorded and watched, told once.
     */
    @Test
    void aPracticeStartWhoseAnswerIsLostIsRecordedAndWatched() {
        dx.inject("StartBgpFailoverTest", new FakeDirectConnect.Fault.LostAnswer(java.time.Duration.ofMillis(4500)), 1);

        Map<String, Object> started = handler().handle(Map.of("action", "practice"), null);

        assertThat(started.get("outcome")).as(started.toString()).isEqualTo("PRACTICE_STARTED");
        assertThat(dx.tests()).singleElement().satisfies(t ->
                assertThat(dx.vif(A).tags()).containsEntry("dx-failover:practice", t.testId()));
        assertThat(aws.delivered()).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "PRACTICE_STARTED"));
    }

    /** Each ListVirtualInterfaceTestHistory request, as "VIF" or "VIF after token". */
    private List<String> historyRequests() {
        return dx.calls("ListVirtualInterfaceTestHistory").stream().map(c -> c.request().get("virtualInterfaceId")
                .asText() + (c.request().hasNonNull("nextToken") ? " " + c.request().get("nextToken").asText() : ""))
                .toList();
    }

    @Test
    void theVifTestedLongestAgoIsChosenFromEveryPageOfTheHistory() {
        dx.pageSize(1);
        // A was tested 10 days ago and an hour ago (its second page), B 5 days ago, C 2 days ago.
        dx.pastTest(A, "a-old", Duration.ofDays(10), 30).pastTest(A, "a-recent", Duration.ofHours(1), 30)
                .pastTest(B, "b-old", Duration.ofDays(5), 30).pastTest(C, "c-old", Duration.ofDays(2), 30);

        Map<String, Object> started = handler().handle(Map.of("action", "practice"), null);

        assertThat(started.get("outcome")).as(started.toString()).isEqualTo("PRACTICE_STARTED");
        assertThat(started.get("virtualInterfaceId")).isEqualTo(B);
        assertThat(historyRequests()).containsExactly(A, A + " 1", B, C);
        assertThat(dx.calls("StartBgpFailoverTest")).singleElement()
                .satisfies(c -> assertThat(c.request().get("virtualInterfaceId").asText()).isEqualTo(B));
        assertThat(dx.vif(A).state()).isEqualTo("available");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunningRunOnALaterPageOfTheHistoryIsStillEndedByItsOutcomeAlarm() {
        dx.pageSize(1);
        // Three earlier tests of A: its practice test is on the fourth page of its history.
        dx.pastTest(A, "a-1", Duration.ofDays(30), 30).pastTest(A, "a-2", Duration.ofDays(20), 30)
                .pastTest(A, "a-3", Duration.ofDays(10), 30);
        DxFailoverHandler handler = handler();
        Map<String, Object> started = handler.handle(Map.of("action", "practice", "virtualInterfaceId", A), null);
        assertThat(started.get("outcome")).as(started.toString()).isEqualTo("PRACTICE_STARTED");
        String testId = (String) ((Map<String, Object>) started.get("practice")).get("testId");
        aws.delivered();
        dx.clearCalls();

        aws.alarmInState(OUTCOME, "ALARM");
        Map<String, Object> ended = handler.handle(Map.of("action", "reconcile"), null);

        Map<String, Object> practice = (Map<String, Object>) ended.get("practice");
        assertThat(practice).as(ended.toString()).containsEntry("outcome", "PRACTICE_FAILED")
                .containsEntry("testId", testId);
        assertThat(historyRequests()).containsExactly(A, A + " 1", A + " 2", A + " 3");
        assertThat(dx.calls()).extracting(FakeDirectConnect.Call::operation)
                .containsSubsequence("StopBgpFailoverTest", "TagResource", "UntagResource");
        assertThat(dx.vif(A).state()).isEqualTo("available");
        assertThat(dx.tests()).filteredOn(t -> t.testId().equals(testId)).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("COMPLETED"));
        assertThat(dx.vif(A).tags()).doesNotContainKey("dx-failover:practice")
                .hasEntrySatisfying("dx-failover:last-practice", v -> assertThat(v).endsWith(" PRACTICE_FAILED " + testId));
        assertThat(aws.delivered()).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "PRACTICE_FAILED"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEndedRunIsJudgedSucceededFromTheTraffic() {
        // A run on A started 50 minutes ago for 30: ended by itself 20 minutes ago; its tag still says it is on.
        dx.tag(A, "dx-failover:practice", "t-past").pastTest(A, "t-past", Duration.ofMinutes(50), 30);
        Instant start = dx.tests().get(0).start();
        for (int m : List.of(-20, -10)) { // before: A carries 2 Gbit/s, B and C 0.5 each
            aws.putTrafficAt(A, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 2e9);
            aws.putTrafficAt(B, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 5e8);
            aws.putTrafficAt(C, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 5e8);
        }
        for (int m : List.of(10, 20)) { // during: A nothing, B and C took it
            aws.putTrafficAt(A, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 0);
            aws.putTrafficAt(B, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 1.5e9);
            aws.putTrafficAt(C, FakeDirectConnect.DEFAULT_CONNECTION, start.plus(Duration.ofMinutes(m)), 1.6e9);
        }

        Map<String, Object> result = handler().handle(Map.of("action", "reconcile"), null);

        assertThat(result.get("outcome")).isEqualTo("RECONCILED");
        Map<String, Object> practice = (Map<String, Object>) result.get("practice");
        assertThat(practice).as(result.toString()).containsEntry("outcome", "PRACTICE_SUCCEEDED")
                .containsEntry("testId", "t-past");
        assertThat((Map<String, Object>) practice.get("evidence")).containsEntry(A,
                Map.of("beforeBps", 2_000_000_000L, "duringBps", 0L));
        assertThat(dx.vif(A).tags()).doesNotContainKey("dx-failover:practice")
                .hasEntrySatisfying("dx-failover:last-practice", v -> assertThat(v).endsWith(" PRACTICE_SUCCEEDED t-past"));
        assertThat(aws.delivered()).singleElement().satisfies(m -> assertThat(io.github.dxfailover.Fixtures.unwrapped(m.message()))
                .contains(A + " carried 2.0 Gbit/s before and 0 bit/s during; the other VIFs rose from 1.0 Gbit/s to "
                        + "3.1 Gbit/s"));
        assertThat(dx.calls("StopBgpFailoverTest")).isEmpty();
    }
}
