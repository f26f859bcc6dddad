package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.PracticeRecord;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fault at any call (docs/behaviour.md §8, issue 36): for six paths, every call position of the fault-free run fails
 * in turn — a persistent 5xx, a persistent throttle, a lost answer (carried out, then no answer) — then Lambda's two
 * retries of the same event (when the invocation failed) and a reconcile pass run without fault. The end state must
 * equal the fault-free run's (each VIF's state and records, the tests running, one case per failover), no practice test
 * runs without its record, and every change is told — except what the contract lets go: a failover's, give back's or
 * practice start's message whose Publish failed for good (no record says it is owed, §8), a case whose CreateCase
 * failed for good (§6).
 */
class FaultSweepTest {
    private static final String OUTCOME_ALARM = "app-latency";
    private static final Map<String, int[]> COUNTS = new TreeMap<>();

    /** One path: how its network starts, and the invocation that takes it. */
    record Path(String name, Consumer<InMemoryAws> network, Request request, Map<String, String> env) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Path> paths() {
        Request alarmEvent = new Request.Evaluate(alarm(VIF_A + " loss", "ALARM"), null);
        Request reconcile = new Request.Reconcile();
        return List.of(
                new Path("an alarm's failover", aws -> aws.healthy(VIF_A, VIF_B, VIF_C), alarmEvent, Map.of()),
                new Path("a reconcile pass that fails over",
                        aws -> aws.healthy(VIF_A, VIF_B, VIF_C).alarmInAlarm(VIF_A + " loss", 10), reconcile, Map.of()),
                new Path("a reconcile pass that gives back",
                        aws -> aws.underTest(VIF_A, "t-held", 10, 170).down(VIF_B, VIF_C), reconcile, Map.of()),
                new Path("a practice start", aws -> {
                    aws.healthy(VIF_A, VIF_B, VIF_C);
                    aws.alarmStates.put(OUTCOME_ALARM, "OK");
                }, new Request.Practice(VIF_A, null), Map.of("PRACTICE_OUTCOME_ALARMS", OUTCOME_ALARM)),
                new Path("a practice run ended by its outcome alarm", aws -> {
                    aws.underTest(VIF_A, "t-p", 10, 20).tagged(VIF_A, PracticeRecord.RUNNING, "t-p")
                            .healthy(VIF_B, VIF_C);
                    aws.alarmStates.put(OUTCOME_ALARM, "ALARM");
                }, reconcile, Map.of("PRACTICE_OUTCOME_ALARMS", OUTCOME_ALARM)),
                new Path("a maintenance notice", aws -> aws.healthy(VIF_A, VIF_B, VIF_C), new Request.Maintenance(
                        new HealthEvent("DIRECTCONNECT", "scheduledChange", "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
                                "upcoming", "arn:aws:health:eu-west-1::event/DIRECTCONNECT/"
                                + "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/evt-1", InMemoryAws.NOW.plus(Duration.ofDays(1)),
                                InMemoryAws.NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(4)), List.of(VIF_A))),
                        Map.of()));
    }

    /** What a run leaves: each VIF's state and records, the tests running, the cases, the outcomes told. */
    record End(Map<String, String> vifs, int tests, int cases, Set<Outcome> told, List<Outcome> messages) {
    }

    private static FailoverConfig config(Path path) {
        Map<String, String> env = Fixtures.env();
        env.put("MAX_UTILIZATION", "0");
        env.putAll(path.env());
        return Fixtures.config(env);
    }

    /** The path, Lambda's two retries while the invocation fails, then a reconcile pass. */
    private static End run(Path path, InMemoryAws aws) {
        FailoverService service = aws.service(config(path));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                service.handle(path.request(), Deadline.none());
                break;
            } catch (RetryableFailure e) {
                aws.faultAt(-1, null); // the fault was the first invocation's, at one call
            }
        }
        aws.faultAt(-1, null);
        service.handle(new Request.Reconcile(), Deadline.none());
        Map<String, String> vifs = new TreeMap<>();
        // A practice run whose record failed is stopped and started again by the retry (§16 step 4): another test ID.
        aws.vifs.forEach((id, v) -> vifs.put(id, (v.state() + " " + new TreeMap<>(v.tags()))
                .replaceAll("test-\\d+", "test-N")));
        int running = (int) aws.history.values().stream().flatMap(List::stream)
                .filter(t -> t.runningAt(InMemoryAws.NOW)).count();
        List<Outcome> messages = aws.published.stream().map(Notification::outcome).toList();
        return new End(vifs, running, aws.cases.size(), Set.copyOf(messages), messages);
    }

    private static InMemoryAws network(Path path) {
        InMemoryAws aws = new InMemoryAws();
        path.network().accept(aws);
        return aws;
    }

    static Stream<Arguments> everyCallPositionOfEveryPath() {
        List<Arguments> out = new ArrayList<>();
        for (Path path : paths()) {
            InMemoryAws clean = network(path);
            clean.service(config(path)).handle(path.request(), Deadline.none());
            List<String> calls = List.copyOf(clean.calls);
            for (int position = 0; position < calls.size(); position++) {
                for (InMemoryAws.Fault fault : InMemoryAws.Fault.values()) {
                    out.add(Arguments.of(path, position, calls.get(position), fault));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {3} at call {1} ({2})")
    @MethodSource("everyCallPositionOfEveryPath")
    void aFaultAtAnyCallEndsWhereTheFaultFreeRunEnds(Path path, int position, String call, InMemoryAws.Fault fault) {
        End expected = run(path, network(path));
        InMemoryAws aws = network(path).faultAt(position, fault);

        End got = run(path, aws);

        String operation = call.split(" ")[0];
        boolean lostForGood = fault != InMemoryAws.Fault.LOST_ANSWER;
        assertThat(got.vifs()).as("each VIF's state and records").isEqualTo(expected.vifs());
        assertThat(got.tests()).as("the failover tests running").isEqualTo(expected.tests());
        if (operation.equals("CreateCase") && lostForGood) {
            assertThat(got.cases()).as("a case refused for good is not opened (§6)").isZero();
        } else {
            assertThat(got.cases()).as("one case per failover").isEqualTo(expected.cases());
        }
        // A message whose Publish failed for good is told again only where a record says it is owed (§8): a maintenance
        // window, a practice run's ending. A failover, a give back and a practice start keep no such record.
        Set<Outcome> mustBeTold = expected.told().stream().filter(o -> !(operation.equals("Publish") && lostForGood
                && Set.of(Outcome.FAILED_OVER, Outcome.GIVEN_BACK, Outcome.PRACTICE_STARTED).contains(o)))
                .collect(Collectors.toSet());
        assertThat(got.told()).as("every change told").containsAll(mustBeTold);
        assertThat(got.messages().stream().filter(o -> o == Outcome.FAILED_OVER).count()).as("one message per failover")
                .isLessThanOrEqualTo(expected.messages().stream().filter(o -> o == Outcome.FAILED_OVER).count());
        if (!lostForGood && Set.of("StartBgpFailoverTest", "StopBgpFailoverTest", "TagResource", "UntagResource")
                .contains(operation)) {
            assertThat(got.messages()).as("a change whose answer was lost is read back, never told as failed")
                    .doesNotContain(Outcome.ERROR);
        }
        if (path.name().contains("practice")) {
            aws.vifs.values().stream().filter(VifState::isUnderTest).forEach(v -> assertThat(v.practiceTestId())
                    .as("no practice test runs without its record naming it")
                    .isEqualTo(aws.history.get(v.id()).stream().filter(t -> t.runningAt(InMemoryAws.NOW))
                            .map(io.github.dxfailover.decision.TestHistoryEntry::testId).findFirst()));
        }
        COUNTS.computeIfAbsent(path.name(), p -> new int[1])[0]++;
    }

    @AfterAll
    static void sayHowMany() {
        System.out.println("fault sweep: " + COUNTS.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0])
                .collect(Collectors.joining(", ")) + "; " + COUNTS.values().stream().mapToInt(c -> c[0]).sum()
                + " variants");
    }

}
