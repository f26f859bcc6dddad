package io.github.dxfailover.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stateful AWS Direct Connect for tests, speaking the service's JSON 1.1 protocol on loopback:
 * {@code POST /} with {@code X-Amz-Target: OvertureService.<Operation>}, errors as
 * {@code {"__type": …, "message": …}}. It keeps VIFs with their BGP peers and failover tests, pages every
 * listing ({@code maxResults}, {@code nextToken}), records every call, and injects faults per operation
 * (throttling, 5xx, latency).
 */
public final class FakeDirectConnect implements AutoCloseable {
    public static final String TARGET_PREFIX = "OvertureService.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as received: operation name and request body. */
    public record Call(String operation, JsonNode request) {
    }

    /** A fault answered instead of the operation. */
    public sealed interface Fault {
        record Throttle() implements Fault {
        }

        record ServerError() implements Fault {
        }

        record Latency(Duration delay) implements Fault {
        }

        /** The call is carried out, and its answer comes only after {@code delay}: past the client's attempt timeout. */
        record LostAnswer(Duration delay) implements Fault {
        }
    }

    /** A VIF: state, and the BGP status of each peer. */
    public static final class Vif {
        final String id;
        String state;
        final List<String> bgpStatuses;
        String connectionId = DEFAULT_CONNECTION;
        /** What the VIF carries, for the harness to put into CloudWatch as AWS/DX traffic; null: no datapoint. */
        Double trafficBps;
        /** What it carried before and during a past practice run's test, for the harness; null: nothing said. */
        Double trafficBeforeBps;
        Double trafficDuringBps;
        /** Its tags, as DescribeVirtualInterfaces returns them and TagResource / UntagResource change them. */
        final Map<String, String> tags = new LinkedHashMap<>();

        Vif(String id, String state, List<String> bgpStatuses) {
            this.id = id;
            this.state = state;
            this.bgpStatuses = new ArrayList<>(bgpStatuses);
        }

        public String connectionId() {
            return connectionId;
        }

        public Double trafficBps() {
            return trafficBps;
        }

        public Double trafficBeforeBps() {
            return trafficBeforeBps;
        }

        public Double trafficDuringBps() {
            return trafficDuringBps;
        }

        public synchronized Map<String, String> tags() {
            return Map.copyOf(tags);
        }

        public String state() {
            return state;
        }

        public List<String> bgpStatuses() {
            return List.copyOf(bgpStatuses);
        }
    }

    /** The connection every VIF runs on unless told otherwise: 10 Gbit/s, available. */
    public static final String DEFAULT_CONNECTION = "dxcon-fake0001";

    /** A connection as DescribeConnections shows it; {@code lagId} when it is a LAG's member. */
    public record Connection(String id, String bandwidth, String state, String lagId) {
    }

    /**
     * A LAG as DescribeLags shows it: the bandwidth of each member, the members, and {@code minimumLinks} (botocore's
     * Lag shape, a Count: the members that must be available for the LAG to stay up).
     */
    public record Lag(String id, String connectionsBandwidth, List<Connection> members, int minimumLinks) {
    }

    /** A failover test as ListVirtualInterfaceTestHistory shows it. */
    public record FailoverTestRun(String testId, String vifId, int minutes, Instant start, Instant end, String status) {
    }

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, Vif> vifs = new LinkedHashMap<>();
    private final Map<String, Connection> connections = new LinkedHashMap<>(
            Map.of(DEFAULT_CONNECTION, new Connection(DEFAULT_CONNECTION, "10Gbps", "available", null)));
    private final Map<String, Lag> lags = new LinkedHashMap<>();
    private final List<FailoverTestRun> tests = new ArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private int pageSize = 100;
    /** VIFs whose tags the role may not touch: DescribeTags, TagResource and UntagResource naming them are denied. */
    private final Set<String> tagsDenied = new HashSet<>();

    private FakeDirectConnect(Clock clock) throws IOException {
        this.clock = clock;
        server = LoopbackHttpServer.start("fake-directconnect", this::handle);
    }

    /** Starts on a free loopback port. */
    public static FakeDirectConnect start() throws IOException {
        return new FakeDirectConnect(Clock.systemUTC());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized FakeDirectConnect addVif(String id, String state, String... bgpStatuses) {
        vifs.put(id, new Vif(id, state, List.of(bgpStatuses)));
        return this;
    }

    /** Puts the VIF on a connection or LAG, carrying {@code trafficBps} (null: CloudWatch has no datapoint). */
    public synchronized FakeDirectConnect onLink(String vifId, String connectionId, Double trafficBps) {
        Vif v = vifs.get(vifId);
        v.connectionId = connectionId;
        v.trafficBps = trafficBps;
        return this;
    }

    public synchronized FakeDirectConnect tag(String vifId, String key, String value) {
        vifs.get(vifId).tags.put(key, value);
        return this;
    }

    /** A failover test in the VIF's history, started {@code startedAgo} ago, {@code minutes} long. */
    public synchronized FakeDirectConnect pastTest(String vifId, String testId, Duration startedAgo, int minutes) {
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(startedAgo);
        Instant end = start.plus(Duration.ofMinutes(minutes));
        tests.add(new FailoverTestRun(testId, vifId, minutes, start, end,
                end.isAfter(clock.instant()) ? "IN_PROGRESS" : "COMPLETED"));
        if (end.isAfter(clock.instant())) {
            Vif v = vifs.get(vifId);
            v.state = "testing";
            v.bgpStatuses.replaceAll(b -> "down");
        }
        return this;
    }

    public synchronized FakeDirectConnect addConnection(String id, String bandwidth) {
        connections.put(id, new Connection(id, bandwidth, "available", null));
        return this;
    }

    /** A LAG whose members (named {@code id}-1, -2, …) are in the given states. */
    public synchronized FakeDirectConnect addLag(String id, String connectionsBandwidth, String... memberStates) {
        List<Connection> members = new ArrayList<>();
        for (int i = 0; i < memberStates.length; i++) {
            Connection c = new Connection("dxcon-" + id.substring("dxlag-".length()) + (i + 1), connectionsBandwidth,
                    memberStates[i], id);
            members.add(c);
            connections.put(c.id(), c);
        }
        lags.put(id, new Lag(id, connectionsBandwidth, members, 0));
        return this;
    }

    /** The LAG's {@code minimumLinks} as DescribeLags returns it (0 unless set). */
    public synchronized FakeDirectConnect minimumLinks(String lagId, int minimumLinks) {
        Lag l = lags.get(lagId);
        lags.put(lagId, new Lag(l.id(), l.connectionsBandwidth(), l.members(), minimumLinks));
        return this;
    }

    /** The LAG's members as DescribeConnections and DescribeLags name them: {@code dxcon-<LAG suffix><n>}, n from 1. */
    public synchronized List<String> lagMembers(String lagId) {
        return lags.get(lagId).members().stream().map(Connection::id).toList();
    }

    /**
     * Loads VIFs from a JSON file: {@code {"vifs": [{"id": "dxvif-…", "state": "available", "bgp": ["up"]}]}}.
     * A VIF in state {@code testing} has a failover test running, which ends {@code "testMinutesLeft"}
     * (default 60) minutes from now. For the capacity guard a VIF may name its {@code "connection"} and the
     * {@code "trafficBps"} it carries, and the file may list {@code "connections": [{"id", "bandwidth"}]} and
     * {@code "lags": [{"id", "bandwidth", "members": ["available", "down"]}]}. A file that is not of this
     * shape is refused with a sentence saying why.
     */
    public synchronized FakeDirectConnect load(Path stateFile) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(stateFile));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(stateFile + " is not JSON: " + e.getOriginalMessage());
        }
        return load(stateFile.toString(), root);
    }

    /** {@link #load(Path)} of JSON already read; {@code source} names it in the sentence refusing it. */
    /** VirtualInterfaceState in botocore's model of Direct Connect. */
    static final List<String> VIF_STATES = List.of("confirming", "verifying", "pending", "available", "down",
            "testing", "deleting", "deleted", "rejected", "unknown");

    public synchronized FakeDirectConnect load(String source, JsonNode root) {
        if (root == null || !root.path("vifs").isArray() || root.path("vifs").isEmpty()) {
            throw new IllegalArgumentException(source + ": expected {\"vifs\": [{\"id\": \"dxvif-…\", "
                    + "\"state\": \"available\", \"bgp\": [\"up\"]}, …]}");
        }
        loadLinks(source, root);
        for (JsonNode v : root.path("vifs")) {
            String id = v.path("id").asText("");
            if (!id.matches("dxvif-[a-z0-9]{8,}")) {
                throw new IllegalArgumentException(source + ": \"id\" must be a VIF ID (dxvif-…), found \"" + id + "\"");
            }
            List<String> bgp = new ArrayList<>();
            v.path("bgp").forEach(b -> bgp.add(b.asText()));
            String state = v.path("state").asText("available");
            // botocore's VirtualInterfaceState and BGPStatus: a misspelt state ("availble") is refused, not served.
            if (!VIF_STATES.contains(state)) {
                throw new IllegalArgumentException(source + ": \"state\" of " + id + " must be one of " + VIF_STATES
                        + ", found \"" + state + "\"");
            }
            for (String status : bgp) {
                if (!List.of("up", "down", "unknown").contains(status)) {
                    throw new IllegalArgumentException(source + ": \"bgp\" of " + id + " must list up, down or unknown, "
                            + "found \"" + status + "\"");
                }
            }
            addVif(id, state, bgp.toArray(String[]::new));
            v.path("tags").fields().forEachRemaining(t -> tag(id, t.getKey(), t.getValue().asText()));
            if (v.has("pastTest")) {
                JsonNode t = v.get("pastTest");
                pastTest(id, t.path("testId").asText("local-practice-1"),
                        Duration.ofMinutes(t.path("startedMinutesAgo").asInt(60)), t.path("minutes").asInt(30));
            }
            if (v.path("trafficBefore").isNumber() || v.path("trafficDuring").isNumber()) {
                vifs.get(id).trafficBeforeBps = v.path("trafficBefore").isNumber() ? v.get("trafficBefore").asDouble() : null;
                vifs.get(id).trafficDuringBps = v.path("trafficDuring").isNumber() ? v.get("trafficDuring").asDouble() : null;
            }
            if (v.has("connection") || v.has("trafficBps")) {
                onLink(id, v.path("connection").asText(DEFAULT_CONNECTION),
                        v.path("trafficBps").isNumber() ? v.get("trafficBps").asDouble() : null);
            }
            if ("testing".equals(state)) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                tests.add(new FailoverTestRun(v.path("testId").asText(UUID.randomUUID().toString()), id, 180,
                        now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(v.path("testMinutesLeft").asInt(60))),
                        "IN_PROGRESS"));
            }
        }
        return this;
    }

    private void loadLinks(String source, JsonNode root) {
        for (JsonNode c : root.path("connections")) {
            if (!c.path("id").asText("").startsWith("dxcon-") || !c.hasNonNull("bandwidth")) {
                throw new IllegalArgumentException(source + ": each of \"connections\" needs \"id\": \"dxcon-…\" and "
                        + "\"bandwidth\": \"10Gbps\", found " + c);
            }
            addConnection(c.get("id").asText(), c.get("bandwidth").asText());
        }
        for (JsonNode l : root.path("lags")) {
            if (!l.path("id").asText("").startsWith("dxlag-") || !l.hasNonNull("bandwidth") || !l.path("members").isArray()) {
                throw new IllegalArgumentException(source + ": each of \"lags\" needs \"id\": \"dxlag-…\", "
                        + "\"bandwidth\" and \"members\": [\"available\", …], found " + l);
            }
            List<String> states = new ArrayList<>();
            l.get("members").forEach(m -> states.add(m.asText()));
            addLag(l.get("id").asText(), l.get("bandwidth").asText(), states.toArray(String[]::new));
        }
    }

    public synchronized List<String> vifIds() {
        return List.copyOf(vifs.keySet());
    }

    public synchronized Vif vif(String id) {
        return vifs.get(id);
    }

    public synchronized List<FailoverTestRun> tests() {
        return List.copyOf(tests);
    }

    /**
     * The most items one page of any listing holds (DescribeVirtualInterfaces, ListVirtualInterfaceTestHistory,
     * DescribeConnections, DescribeLags): AWS's 100 by default; smaller forces the caller over several pages.
     */
    public synchronized void pageSize(int size) {
        pageSize = size;
    }

    /** The next {@code times} calls of {@code operation} get {@code fault}. */
    public synchronized void inject(String operation, Fault fault, int times) {
        Deque<Fault> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)
                    || contentType == null || !contentType.startsWith("application/x-amz-json-1.1")
                    || auth == null || !auth.startsWith("AWS4-HMAC-SHA256")) {
                send(exchange, 400, error("SerializationException", "expected a signed JSON 1.1 POST with "
                        + "X-Amz-Target " + TARGET_PREFIX + "*, found " + exchange.getRequestMethod() + " " + target
                        + " " + contentType));
                return;
            }
            String operation = target.substring(TARGET_PREFIX.length());
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            calls.add(new Call(operation, request));
            Fault fault;
            synchronized (this) {
                Deque<Fault> queue = faults.get(operation);
                fault = queue == null ? null : queue.poll();
            }
            if (fault instanceof Fault.Latency latency) {
                sleep(latency.delay());
            } else if (fault instanceof Fault.Throttle) {
                send(exchange, 400, error("ThrottlingException", "Rate exceeded"));
                return;
            } else if (fault instanceof Fault.ServerError) {
                send(exchange, 500, error("DirectConnectServerException", "Internal error"));
                return;
            }
            Answer answer;
            synchronized (this) {
                answer = switch (operation) {
                    case "DescribeVirtualInterfaces" -> describe(request);
                    case "StartBgpFailoverTest" -> start(request);
                    case "StopBgpFailoverTest" -> stop(request);
                    case "ListVirtualInterfaceTestHistory" -> history(request);
                    case "DescribeTags" -> describeTags(request);
                    case "TagResource" -> tagResource(request, true);
                    case "UntagResource" -> tagResource(request, false);
                    case "DescribeConnections" -> page(request, "connections", connections.values().stream()
                            .map(FakeDirectConnect::connectionNode).toList());
                    case "DescribeLags" -> page(request, "lags", lags.values().stream()
                            .map(FakeDirectConnect::lagNode).toList());
                    default -> new Answer(400, error("UnknownOperationException", "fake does not serve " + operation));
                };
            }
            if (fault instanceof Fault.LostAnswer lost) {
                sleep(lost.delay()); // done, but the client has given up on this attempt by the time it hears
            }
            send(exchange, answer.status(), answer.body());
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer describe(JsonNode request) {
        String only = text(request, "virtualInterfaceId");
        List<Vif> selected = new ArrayList<>();
        if (only != null) {
            Vif v = vifs.get(only);
            if (v == null) {
                return clientError("Virtual interface " + only + " does not exist");
            }
            selected.add(v);
        } else {
            selected.addAll(vifs.values());
        }
        List<ObjectNode> nodes = new ArrayList<>();
        for (Vif v : selected) {
            ObjectNode n = JSON.createObjectNode();
            nodes.add(n);
            n.put("virtualInterfaceId", v.id).put("virtualInterfaceState", v.state).put("ownerAccount", "123456789012")
                    .put("virtualInterfaceType", "private").put("virtualInterfaceName", "vif " + v.id).put("vlan", 101)
                    .put("connectionId", v.connectionId).put("region", "eu-west-1");
            ArrayNode tagList = n.putArray("tags");
            v.tags.forEach((k, val) -> tagList.addObject().put("key", k).put("value", val));
            ArrayNode peers = n.putArray("bgpPeers");
            for (int i = 0; i < v.bgpStatuses.size(); i++) {
                peers.addObject().put("bgpPeerId", "dxpeer-" + v.id.substring(6) + i).put("bgpStatus", v.bgpStatuses.get(i))
                        .put("bgpPeerState", "available").put("addressFamily", i == 0 ? "ipv4" : "ipv6").put("asn", 65000)
                        .put("customerAddress", i == 0 ? "169.254.10." + (4 * i + 2) + "/30" : "2001:db8::" + (i + 1) + "/125");
            }
        }
        return page(request, "virtualInterfaces", nodes);
    }

    private Answer start(JsonNode request) {
        String id = text(request, "virtualInterfaceId");
        Vif v = id == null ? null : vifs.get(id);
        if (v == null) {
            return clientError("Virtual interface " + id + " does not exist");
        }
        if ("testing".equals(v.state)) {
            return clientError("Virtual interface " + id + " already has a BGP failover test in progress");
        }
        int minutes = request.hasNonNull("testDurationInMinutes") ? request.get("testDurationInMinutes").asInt() : 180;
        if (minutes < 1 || minutes > 4320) {
            return clientError("testDurationInMinutes must be between 1 and 4320");
        }
        v.state = "testing";
        v.bgpStatuses.replaceAll(s -> "down");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what the wire carries
        FailoverTestRun test = new FailoverTestRun(UUID.randomUUID().toString(), id, minutes, now,
                now.plus(Duration.ofMinutes(minutes)), "IN_PROGRESS");
        tests.add(test);
        return testAnswer(test, v);
    }

    private Answer stop(JsonNode request) {
        String id = text(request, "virtualInterfaceId");
        Vif v = id == null ? null : vifs.get(id);
        if (v == null) {
            return clientError("Virtual interface " + id + " does not exist");
        }
        for (int i = tests.size() - 1; i >= 0; i--) {
            FailoverTestRun t = tests.get(i);
            if (t.vifId().equals(id) && t.status().equals("IN_PROGRESS")) {
                FailoverTestRun stopped = new FailoverTestRun(t.testId(), id, t.minutes(), t.start(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS), "COMPLETED");
                tests.set(i, stopped);
                v.state = "available";
                v.bgpStatuses.replaceAll(s -> "up");
                return testAnswer(stopped, v);
            }
        }
        return clientError("Virtual interface " + id + " has no BGP failover test in progress");
    }

    /**
     * The tests matching the request, oldest first (the order they were made in): AWS documents no order,
     * so a caller that reads only the first page misses the most recent ones.
     */
    private Answer history(JsonNode request) {
        String id = text(request, "virtualInterfaceId");
        String status = text(request, "status");
        String testId = text(request, "testId");
        List<ObjectNode> matching = new ArrayList<>();
        for (FailoverTestRun t : tests) {
            if ((id == null || id.equals(t.vifId())) && (status == null || status.equals(t.status()))
                    && (testId == null || testId.equals(t.testId()))) {
                matching.add(testNode(t, vifs.get(t.vifId())));
            }
        }
        return page(request, "virtualInterfaceTestHistory", matching);
    }

    /** As IAM answers a role without the record statement for these VIFs (docs/behaviour.md §12). */
    public synchronized FakeDirectConnect denyTags(String... vifIds) {
        tagsDenied.addAll(List.of(vifIds));
        return this;
    }

    /** DescribeTags ({@code resourceArns}): each VIF's tags, or IAM's denial when any ARN is one the role may not touch. */
    private Answer describeTags(JsonNode request) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode resourceTags = out.putArray("resourceTags");
        for (JsonNode arn : request.path("resourceArns")) {
            String id = vifIdOf(arn.asText());
            if (tagsDenied.contains(id)) {
                return denied("directconnect:DescribeTags", arn.asText());
            }
            Vif v = vifs.get(id);
            if (v == null) {
                return clientError("Resource " + arn.asText() + " is not a virtual interface ARN of this account");
            }
            ObjectNode entry = resourceTags.addObject().put("resourceArn", arn.asText());
            ArrayNode tags = entry.putArray("tags");
            v.tags.forEach((k, val) -> tags.addObject().put("key", k).put("value", val));
        }
        return new Answer(200, out);
    }

    private static String vifIdOf(String arn) {
        return arn.replaceAll("^arn:aws[a-z-]*:directconnect:[a-z0-9-]+:\\d{12}:dxvif/", "");
    }

    private static Answer denied(String action, String arn) {
        return new Answer(400, error("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/dx-failover/"
                + "fn is not authorized to perform: " + action + " on resource: " + arn));
    }

    /** TagResource ({@code tags: [{key, value}]}) or UntagResource ({@code tagKeys}) on a VIF's ARN. */
    private Answer tagResource(JsonNode request, boolean set) {
        String arn = text(request, "resourceArn");
        String id = arn == null ? null : vifIdOf(arn);
        if (tagsDenied.contains(id)) {
            return denied("directconnect:" + (set ? "TagResource" : "UntagResource"), arn);
        }
        Vif v = id == null || id.equals(arn) ? null : vifs.get(id);
        if (v == null) {
            return clientError("Resource " + arn + " is not a virtual interface ARN of this account");
        }
        if (set) {
            request.path("tags").forEach(t -> v.tags.put(t.path("key").asText(), t.path("value").asText()));
        } else {
            request.path("tagKeys").forEach(k -> v.tags.remove(k.asText()));
        }
        return new Answer(200, JSON.createObjectNode());
    }

    /**
     * One page of {@code items} under {@code key}, as botocore's model describes every listing of Direct
     * Connect: at most {@code maxResults} if the request gives it (never more than {@link #pageSize(int)},
     * which is AWS's 100 unless a test forces smaller pages), and {@code nextToken} while items remain,
     * given back in the request for the next page. A token this fake did not hand out is refused.
     */
    private Answer page(JsonNode request, String key, List<ObjectNode> items) {
        int size = request.hasNonNull("maxResults") ? Math.min(request.get("maxResults").asInt(), pageSize) : pageSize;
        String token = text(request, "nextToken");
        int from = token == null ? 0 : token.matches("\\d{1,9}") ? Integer.parseInt(token) : -1;
        if (from < 0 || from > items.size()) {
            return clientError("nextToken " + token + " is not a token of this listing");
        }
        int to = Math.min(from + Math.max(size, 1), items.size());
        ObjectNode out = JSON.createObjectNode();
        out.putArray(key).addAll(items.subList(from, to));
        if (to < items.size()) {
            out.put("nextToken", String.valueOf(to));
        }
        return new Answer(200, out);
    }

    /** The fields of botocore's Connection shape that matter here, plus the usual ones. */
    private static ObjectNode connectionNode(Connection c) {
        ObjectNode n = JSON.createObjectNode().put("ownerAccount", "123456789012").put("connectionId", c.id())
                .put("connectionName", "connection " + c.id()).put("connectionState", c.state())
                .put("region", "eu-west-1").put("location", "EqFA5").put("bandwidth", c.bandwidth());
        if (c.lagId() != null) {
            n.put("lagId", c.lagId());
        }
        return n;
    }

    private static ObjectNode lagNode(Lag l) {
        ObjectNode n = JSON.createObjectNode().put("connectionsBandwidth", l.connectionsBandwidth())
                .put("numberOfConnections", l.members().size()).put("lagId", l.id()).put("ownerAccount", "123456789012")
                .put("lagName", "lag " + l.id()).put("lagState", "available").put("location", "EqFA5")
                .put("region", "eu-west-1").put("minimumLinks", l.minimumLinks());
        ArrayNode members = n.putArray("connections");
        l.members().forEach(c -> members.add(connectionNode(c)));
        return n;
    }

    private Answer testAnswer(FailoverTestRun test, Vif v) {
        ObjectNode out = JSON.createObjectNode();
        out.set("virtualInterfaceTest", testNode(test, v));
        return new Answer(200, out);
    }

    private static ObjectNode testNode(FailoverTestRun t, Vif v) {
        ObjectNode n = JSON.createObjectNode();
        n.put("testId", t.testId()).put("virtualInterfaceId", t.vifId()).put("status", t.status())
                .put("ownerAccount", "123456789012").put("testDurationInMinutes", t.minutes())
                // JSON 1.1 timestamps are epoch seconds.
                .put("startTime", t.start().toEpochMilli() / 1000.0).put("endTime", t.end().toEpochMilli() / 1000.0);
        ArrayNode peers = n.putArray("bgpPeers");
        for (int i = 0; i < v.bgpStatuses.size(); i++) {
            peers.add("dxpeer-" + v.id.substring(6) + i);
        }
        return n;
    }

    private static Answer clientError(String message) {
        return new Answer(400, error("DirectConnectClientException", message));
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (body.has("__type")) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", body.get("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line per VIF, for people: "dxvif-…  testing  BGP down". */
    public synchronized String describeVifs() {
        StringBuilder out = new StringBuilder();
        vifs.values().forEach(v -> {
            out.append("  ").append(v.id).append("  ").append(v.state).append("  BGP ")
                    .append(String.join("/", v.bgpStatuses));
            v.tags.forEach((k, val) -> out.append("  [").append(k).append(" = ").append(val).append(']'));
            out.append('\n');
        });
        return out.toString();
    }
}
