package io.github.dxfailover.service;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.BgpPeer;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Link;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.port.Alarms;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.EventBus;
import io.github.dxfailover.port.Notification;
import io.github.dxfailover.port.SupportCase;
import io.github.dxfailover.port.SupportDesk;
import io.github.dxfailover.port.Topic;
import io.github.dxfailover.port.Traffic;
import io.github.dxfailover.port.Vifs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory fakes of the service's ports, with state: VIFs whose tests start and stop, their history and tags,
 * alarms, traffic, the topic and the support desk. Every call is logged by its operation's name (and VIF), and any
 * call can be made to fail. The service tests of the later capabilities run on it; the SDK-level mocks
 * ({@link MockedAws}) stay for what the adapters do with the SDK.
 */
class InMemoryAws implements Vifs, Alarms, Traffic, Topic, SupportDesk, EventBus {
    static final Instant NOW = MockedAws.NOW;
    static final String TOPIC = io.github.dxfailover.Fixtures.TOPIC;

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Map<String, VifState> vifs = new LinkedHashMap<>();
    final Map<String, List<TestHistoryEntry>> history = new HashMap<>();
    final List<FiringAlarm> firing = new ArrayList<>();
    final Map<String, String> alarmStates = new HashMap<>();
    final Map<String, Map<Instant, Double>> traffic = new HashMap<>();
    final List<Link> links = new ArrayList<>();
    final List<Notification> published = new ArrayList<>();
    final List<SupportCase> cases = new ArrayList<>();
    /** The events put on the bus (docs/behaviour.md §20): the detail's JSON and the resources. */
    final List<Map.Entry<String, List<String>>> events = new ArrayList<>();
    /** Each call made, as "Operation" or "Operation vifId". */
    final List<String> calls = new ArrayList<>();
    private final Set<Call> failing = EnumSet.noneOf(Call.class);
    private final Set<Call> losing = EnumSet.noneOf(Call.class);
    private String failingTagKey;
    private int faultPosition = -1;
    private Fault faultKind;
    private boolean lostHere;
    private final Set<String> failingOn = new java.util.HashSet<>();
    private final Set<String> denied = new java.util.HashSet<>();
    private int tests;

    FailoverService service(FailoverConfig config) {
        return Wiring.service(config, new Ports(this, this, this, this, this, config.eventBus() == null ? null : this),
                clock);
    }

    /** A VIF available with its BGP up. */
    InMemoryAws healthy(String... ids) {
        for (String id : ids) {
            vifs.put(id, new VifState(id, VifState.AVAILABLE, List.of(new BgpPeer("ipv4", null, null, "up")),
                    "dxcon-" + id.substring(6), Map.of(), "123456789012"));
        }
        return this;
    }

    InMemoryAws down(String... ids) {
        for (String id : ids) {
            vifs.put(id, new VifState(id, "down", List.of(new BgpPeer("ipv4", null, null, "down")),
                    "dxcon-" + id.substring(6), Map.of(), "123456789012"));
        }
        return this;
    }

    /** A VIF under a failover test that started {@code minutesAgo} and runs {@code minutesLeft} more. */
    InMemoryAws underTest(String id, String testId, int minutesAgo, int minutesLeft) {
        healthy(id);
        vifs.put(id, vifs.get(id).withTestRunning());
        history.computeIfAbsent(id, v -> new ArrayList<>()).add(new TestHistoryEntry(testId, "IN_PROGRESS",
                NOW.minus(Duration.ofMinutes(minutesAgo)), NOW.plus(Duration.ofMinutes(minutesLeft))));
        return this;
    }

    InMemoryAws tagged(String id, String key, String value) {
        Map<String, String> tags = new HashMap<>(vifs.get(id).tags());
        tags.put(key, value);
        vifs.put(id, vifs.get(id).tagged(tags));
        return this;
    }

    InMemoryAws alarmInAlarm(String name, int minutesAgo) {
        firing.add(new FiringAlarm(io.github.dxfailover.Fixtures.alarm(name, "ALARM"),
                NOW.minus(Duration.ofMinutes(minutesAgo)), true, NOW));
        alarmStates.put(name, "ALARM");
        return this;
    }

    InMemoryAws failing(Call call) {
        failing.add(call);
        return this;
    }

    /** Every injected fault cleared: the next invocation meets a healthy AWS. */
    InMemoryAws clearFaults() {
        failing.clear();
        failingOn.clear();
        losing.clear();
        failingTagKey = null;
        return this;
    }

    /** TagResource writing this key fails (and nothing is written), once the fault is set; {@code null} clears it. */
    InMemoryAws failingTag(String key) {
        failingTagKey = key;
        return this;
    }

    /** The call is carried out, and its answer is lost: it fails as a timed-out call does (docs/behaviour.md §8). */
    InMemoryAws losingAnswer(Call call) {
        losing.add(call);
        return this;
    }

    /** A fault at one call position of the sweep (issue 36): persistent 5xx, persistent throttling, lost answer. */
    enum Fault { SERVER_ERROR, THROTTLE, LOST_ANSWER }

    /** The call at this position of {@link #calls} meets the fault; every other call succeeds. */
    InMemoryAws faultAt(int position, Fault fault) {
        faultPosition = position;
        faultKind = fault;
        return this;
    }

    private static final Set<Call> WRITES = EnumSet.of(Call.START_BGP_FAILOVER_TEST, Call.STOP_BGP_FAILOVER_TEST,
            Call.TAG_RESOURCE, Call.UNTAG_RESOURCE, Call.PUBLISH, Call.CREATE_CASE);

    /** After a call's work: a lost answer fails it anyway. */
    private void answer(Call call, String vifId) {
        if (lostHere) {
            lostHere = false;
            throw new AwsCallFailed(call, vifId, null, "Unable to execute HTTP request: Read timed out", null);
        }
        if (losing.contains(call)) {
            throw new AwsCallFailed(call, vifId, null, "Unable to execute HTTP request: Read timed out", null);
        }
    }

    /** The call fails on this VIF only. */
    InMemoryAws failing(Call call, String vifId) {
        failingOn.add(call.operation() + " " + vifId);
        return this;
    }

    /** The role may not read, and so not write, this VIF's tags: DescribeTags naming it is denied. */
    InMemoryAws denyingTags(String vifId) {
        denied.add(vifId);
        return this;
    }

    /** The calls of these operations, in order. */
    List<String> calls(String... operations) {
        return calls.stream().filter(c -> List.of(operations).contains(c.split(" ")[0])).toList();
    }

    private void call(Call call, String vifId) {
        calls.add(call.operation() + (vifId == null ? "" : " " + vifId));
        if (failing.contains(call) || failingOn.contains(call.operation() + " " + vifId)) {
            throw new AwsCallFailed(call, vifId, "InternalError", "InternalError: injected", null);
        }
        if (calls.size() - 1 == faultPosition) {
            switch (faultKind) {
                case SERVER_ERROR -> throw new AwsCallFailed(call, vifId, "InternalError", "InternalError: injected",
                        null);
                case THROTTLE -> throw new AwsCallFailed(call, vifId, "ThrottlingException", "ThrottlingException: "
                        + "Rate exceeded", null);
                case LOST_ANSWER -> {
                    if (!WRITES.contains(call)) {
                        throw new AwsCallFailed(call, vifId, null, "Unable to execute HTTP request: Read timed out",
                                null);
                    }
                    lostHere = true; // carried out; its answer never comes
                }
            }
        }
    }

    @Override
    public List<VifState> readAll() {
        call(Call.DESCRIBE_VIRTUAL_INTERFACES, null);
        return List.copyOf(vifs.values());
    }

    @Override
    public List<Link> readLinks() {
        call(Call.DESCRIBE_CONNECTIONS, null);
        return List.copyOf(links);
    }

    @Override
    public List<TestHistoryEntry> history(String vifId) {
        call(Call.LIST_TEST_HISTORY, vifId);
        return List.copyOf(history.getOrDefault(vifId, List.of()));
    }

    @Override
    public FailoverTestRun start(String vifId, int minutes) {
        call(Call.START_BGP_FAILOVER_TEST, vifId);
        String testId = "test-" + (++tests);
        Instant end = NOW.plus(Duration.ofMinutes(minutes));
        history.computeIfAbsent(vifId, v -> new ArrayList<>()).add(new TestHistoryEntry(testId, "IN_PROGRESS", NOW, end));
        vifs.put(vifId, vifs.get(vifId).withTestRunning());
        answer(Call.START_BGP_FAILOVER_TEST, vifId);
        return new FailoverTestRun(testId, end);
    }

    @Override
    public FailoverTestRun stop(String vifId) {
        call(Call.STOP_BGP_FAILOVER_TEST, vifId);
        List<TestHistoryEntry> tests = history.getOrDefault(vifId, new ArrayList<>());
        TestHistoryEntry running = TestHistoryEntry.running(tests, NOW).orElseThrow(() ->
                new AwsCallFailed(Call.STOP_BGP_FAILOVER_TEST, vifId, "DirectConnectClientException",
                        "no test running", null));
        tests.set(tests.indexOf(running), new TestHistoryEntry(running.testId(), "COMPLETED", running.startedAt(), NOW));
        vifs.put(vifId, vifs.get(vifId).withTestEnded());
        answer(Call.STOP_BGP_FAILOVER_TEST, vifId);
        return new FailoverTestRun(running.testId(), NOW);
    }

    @Override
    public void tag(VifState vif, String key, String value) {
        call(Call.TAG_RESOURCE, vif.id());
        if (key.equals(failingTagKey)) {
            throw new AwsCallFailed(Call.TAG_RESOURCE, vif.id(), "InternalError", "InternalError: injected", null);
        }
        tagged(vif.id(), key, value);
        answer(Call.TAG_RESOURCE, vif.id());
    }

    @Override
    public void untag(VifState vif, String key) {
        call(Call.UNTAG_RESOURCE, vif.id());
        Map<String, String> tags = new HashMap<>(vifs.get(vif.id()).tags());
        tags.remove(key);
        vifs.put(vif.id(), vifs.get(vif.id()).tagged(tags));
        answer(Call.UNTAG_RESOURCE, vif.id());
    }

    @Override
    public Map<String, Map<String, String>> readTags(List<VifState> some) {
        calls.add(Call.DESCRIBE_TAGS.operation() + " " + String.join(",", some.stream().map(VifState::id).toList()));
        if (calls.size() - 1 == faultPosition) {
            throw new AwsCallFailed(Call.DESCRIBE_TAGS, null, faultKind == Fault.LOST_ANSWER ? null : "InternalError",
                    "injected at position " + faultPosition, null);
        }
        if (some.stream().anyMatch(v -> denied.contains(v.id()))) {
            throw new AwsCallFailed(Call.DESCRIBE_TAGS, some.size() == 1 ? some.get(0).id() : null,
                    "AccessDeniedException", "AccessDeniedException: not authorized", null);
        }
        if (failing.contains(Call.DESCRIBE_TAGS)) {
            throw new AwsCallFailed(Call.DESCRIBE_TAGS, null, "InternalError", "InternalError: injected", null);
        }
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        some.forEach(v -> out.put(v.id(), vifs.get(v.id()).tags()));
        return out;
    }

    @Override
    public List<FiringAlarm> readFiring() {
        call(Call.DESCRIBE_ALARMS, null);
        return List.copyOf(firing);
    }

    @Override
    public Optional<Boolean> actionsEnabled(String alarmName) {
        call(Call.DESCRIBE_ALARMS, null);
        return alarmStates.containsKey(alarmName) ? Optional.of(true) : Optional.empty();
    }

    @Override
    public Map<String, String> statesOf(List<String> alarmNames) {
        if (alarmNames.isEmpty()) {
            return Map.of();
        }
        call(Call.DESCRIBE_ALARMS, null);
        Map<String, String> out = new HashMap<>();
        alarmNames.stream().filter(alarmStates::containsKey).forEach(n -> out.put(n, alarmStates.get(n)));
        return out;
    }

    @Override
    public Map<String, Map<Instant, Double>> readTraffic(List<VifState> vifList, Instant from, Instant to) {
        call(Call.GET_METRIC_DATA, null);
        Map<String, Map<Instant, Double>> out = new HashMap<>();
        for (VifState v : vifList) {
            Map<Instant, Double> points = new HashMap<>();
            traffic.getOrDefault(v.id(), Map.of()).forEach((at, bps) -> {
                if (!at.isBefore(from) && at.isBefore(to)) {
                    points.put(at, bps);
                }
            });
            if (!points.isEmpty()) {
                out.put(v.id(), points);
            }
        }
        return out;
    }

    @Override
    public void publish(Notification n) {
        call(Call.PUBLISH, n.vifId());
        io.github.dxfailover.aws.SnsSubjectTest.assertPhoneForm(n.subject(), n.body(), n.outcome().name());
        published.add(n);
        answer(Call.PUBLISH, n.vifId());
    }

    @Override
    public Optional<AwsCallFailed> checkAccess() {
        return Optional.empty();
    }

    @Override
    public String topicArn() {
        return TOPIC;
    }

    @Override
    public String open(SupportCase supportCase) {
        call(Call.CREATE_CASE, null);
        cases.add(supportCase);
        answer(Call.CREATE_CASE, null);
        return "case-" + cases.size();
    }

    @Override
    public void put(String detail, List<String> resources) {
        call(Call.PUT_EVENTS, null);
        events.add(Map.entry(detail, List.copyOf(resources)));
    }

    @Override
    public String arn(VifState vif) {
        return "arn:aws:directconnect:eu-west-1:" + vif.ownerAccount() + ":dxvif/" + vif.id();
    }

    @Override
    public List<String> severityLevels() {
        call(Call.DESCRIBE_SEVERITY_LEVELS, null);
        return List.of("low", "normal", "high", "urgent", "critical");
    }
}
