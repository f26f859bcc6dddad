package io.github.dxfailover.bench;

import io.github.dxfailover.DxFailoverHandler;
import io.github.dxfailover.Telemetry;
import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.LocalAws;
import io.github.dxfailover.local.Moto;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * {@code bench/scale}: what one invocation costs as a group grows (docs/behaviour.md §18) — the AWS calls it makes,
 * counted on the wire, and its wall time, in this JVM (warm), against the fake Direct Connect and moto on 127.0.0.1.
 * For 3, 30 and 300 VIFs tagged with the group (ten VIFs a 10 Gbit/s connection, 100 Mbit/s each in CloudWatch):
 * a quiet reconcile pass (no alarm in ALARM), a reconcile pass with every VIF's alarm in ALARM (DRY_RUN, so that it
 * decides every candidate, reads the capacity figures and changes nothing, and can be repeated), and one alarm event
 * that fails a VIF over (armed).
 */
public final class ScaleBenchmark {
    private static final List<Integer> SIZES = List.of(3, 30, 300);
    /**
     * moto answers a GetMetricData of 500 queries in tens of seconds (it scans every datapoint per query), past the
     * function's 10 s: the benchmark waits for it, and reports the time spent in HTTP calls apart.
     */
    private static final java.time.Duration MOTO_CALL_TIMEOUT = java.time.Duration.ofMinutes(3);
    private static final Pattern TARGET = Pattern.compile("\\.(\\w+)$");
    private static final Pattern QUERY_ACTION = Pattern.compile("(?:^|&)Action=(\\w+)");
    private static final Pattern CBOR_OPERATION = Pattern.compile("/operation/(\\w+)$");

    /** Time spent in HTTP calls, until the last byte of each response was read. */
    private static final AtomicLong HTTP_NANOS = new AtomicLong();

    private ScaleBenchmark() {
    }

    /** One measured invocation: its calls by operation, its wall time and the share of it spent in HTTP calls. */
    record Measured(Map<String, Integer> calls, double wallMs, double httpMs, long emfLines) {
    }

    /**
     * The HTTP client the function uses, counting each call by its operation (X-Amz-Target for Direct Connect, Support
     * and CloudWatch's JSON protocol, the operation in the path for its CBOR one, Action= for SNS's query protocol) and
     * timing it.
     */
    static final class CountingHttp implements SdkHttpClient {
        private final SdkHttpClient inner = UrlConnectionHttpClient.builder().build();
        final Map<String, Integer> calls = new TreeMap<>();
        final AtomicLong nanos = HTTP_NANOS;

        synchronized void reset() {
            calls.clear();
            nanos.set(0);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            String operation = operation(request);
            synchronized (this) {
                calls.merge(operation, 1, Integer::sum);
            }
            ExecutableHttpRequest call = inner.prepareRequest(request);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    long start = System.nanoTime();
                    HttpExecuteResponse response;
                    try {
                        response = call.call();
                    } finally {
                        nanos.addAndGet(System.nanoTime() - start);
                    }
                    // The SDK reads the body after call() returns: its transfer is the endpoint's time too.
                    return HttpExecuteResponse.builder().response(response.httpResponse())
                            .responseBody(response.responseBody().map(body -> AbortableInputStream.create(
                                    new TimedStream(body), body::abort)).orElse(null))
                            .build();
                }

                @Override
                public void abort() {
                    call.abort();
                }
            };
        }

        private static String operation(HttpExecuteRequest request) {
            var target = request.httpRequest().firstMatchingHeader("X-Amz-Target");
            if (target.isPresent()) {
                Matcher m = TARGET.matcher(target.get());
                return m.find() ? m.group(1) : target.get();
            }
            Matcher cbor = CBOR_OPERATION.matcher(request.httpRequest().encodedPath());
            if (cbor.find()) {
                return cbor.group(1);
            }
            String body = request.contentStreamProvider().map(p -> {
                try (var in = p.newStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse("");
            Matcher action = QUERY_ACTION.matcher(body);
            return action.find() ? action.group(1) : request.httpRequest().encodedPath();
        }

        @Override
        public String clientName() {
            return "counting-" + inner.clientName();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** A response body whose reads count as time in HTTP calls. */
    private static final class TimedStream extends java.io.FilterInputStream {
        TimedStream(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            long start = System.nanoTime();
            try {
                return super.read();
            } finally {
                HTTP_NANOS.addAndGet(System.nanoTime() - start);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long start = System.nanoTime();
            try {
                return super.read(b, off, len);
            } finally {
                HTTP_NANOS.addAndGet(System.nanoTime() - start);
            }
        }
    }

    /** Counts what it is given, so that the metric lines are written (as in Lambda) but not printed. */
    static final class CountingStream extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 1 && args[0].equals("--repeats") ? Integer.parseInt(args[1]) : 5;
        Path out = Files.createDirectories(Path.of("target", "bench"));
        StringBuilder table = new StringBuilder();
        try (Moto moto = Moto.start(out.resolve("moto-scale.log")); LocalAws aws = new LocalAws(moto.endpoint())) {
            CountingHttp http = new CountingHttp();
            Map<Integer, List<Map<String, Object>>> rows = new TreeMap<>();
            // Warm the JVM, the clients and the endpoints on a small group first: the rows compare sizes, not starts.
            for (int size : concat(List.of(0), SIZES)) {
                moto.reset();
                String topic = aws.createTopic("dx-failover");
                try (FakeDirectConnect dx = FakeDirectConnect.start()) {
                    AwsClients clients = AwsClients.create(LocalAws.REGION, LocalAws.CREDENTIALS, MOTO_CALL_TIMEOUT,
                            moto.endpoint(), dx.endpoint(), http);
                    List<Map<String, Object>> measured = new ArrayList<>();
                    run(dx, aws, clients, http, topic, size == 0 ? 3 : size, size == 0 ? 3 : repeats, measured);
                    if (size > 0) {
                        rows.put(size, measured);
                    }
                }
            }
            table.append(table(rows, repeats));
        }
        System.out.println(table);
        Files.writeString(out.resolve("scale.md"), table.toString());
        System.out.println("(also in " + out.resolve("scale.md") + ")");
    }

    /** The three scenarios for a group of {@code size}, each repeated, into {@code rows}. */
    private static void run(FakeDirectConnect dx, LocalAws aws, AwsClients clients, CountingHttp http, String topic,
                            int size, int repeats, List<Map<String, Object>> rows) {
        List<String> vifs = IntStream.range(0, size).mapToObj(i -> "dxvif-sc%06d".formatted(i)).toList();
        for (int i = 0; i < size; i++) {
            String connection = "dxcon-sc%06d".formatted(i / 10);
            if (i % 10 == 0) {
                dx.addConnection(connection, "10Gbps");
            }
            dx.addVif(vifs.get(i), "available", "up").onLink(vifs.get(i), connection, 1e8)
                    .tag(vifs.get(i), ManagedVifs.GROUP_TAG, "core");
        }
        aws.putTraffic(dx);
        Map<String, String> quiet = env(topic, "1", "false");
        rows.add(scenario("reconcile pass, no alarm in ALARM", size, repeats, http,
                () -> handler(quiet, clients, http).handle(Map.of("action", "reconcile"), null)));
        vifs.forEach(v -> aws.alarmInAlarm(v + " packet loss", null, true));
        Map<String, String> dryRun = env(topic, "1", "true");
        rows.add(scenario("reconcile pass, every VIF's alarm in ALARM (DRY_RUN)", size, repeats, http,
                () -> handler(dryRun, clients, http).handle(Map.of("action", "reconcile"), null)));
        Map<String, String> armed = env(topic, "1", "false");
        rows.add(scenario("alarm event: FAILED_OVER", size, 1, http, () -> handler(armed, clients, http)
                .handle(io.github.dxfailover.Fixtures.eventBridgeAlarm(vifs.get(0) + " packet loss", "ALARM"),
                        null)));
    }

    private static Map<String, String> env(String topic, String minVifs, String dryRun) {
        return new HashMap<>(Map.of("VIFGROUP", "core", "MINVIFS", minVifs, "SNSARN", topic, "DRY_RUN", dryRun));
    }

    private static final CountingStream EMF = new CountingStream();

    private static DxFailoverHandler handler(Map<String, String> env, AwsClients clients, CountingHttp http) {
        return new DxFailoverHandler(env, clients, Clock.systemUTC(),
                new Telemetry(new PrintStream(EMF, true, StandardCharsets.UTF_8), Clock.systemUTC()));
    }

    private static Map<String, Object> scenario(String name, int size, int repeats, CountingHttp http,
                                                java.util.function.Supplier<Map<String, Object>> invoke) {
        List<Measured> runs = new ArrayList<>();
        String outcome = "";
        for (int i = 0; i < repeats; i++) {
            http.reset();
            long lines = EMF.lines;
            long start = System.nanoTime();
            Map<String, Object> result = invoke.get();
            double wall = (System.nanoTime() - start) / 1e6;
            outcome = String.valueOf(result.get("outcome"));
            runs.add(new Measured(new TreeMap<>(http.calls), wall, http.nanos.get() / 1e6, EMF.lines - lines));
        }
        List<Double> walls = runs.stream().map(Measured::wallMs).sorted().toList();
        List<Double> https = runs.stream().map(Measured::httpMs).sorted().toList();
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("scenario", name);
        row.put("outcome", outcome);
        row.put("calls", runs.get(runs.size() - 1).calls());
        row.put("wall", walls);
        row.put("http", https);
        row.put("emf", runs.get(runs.size() - 1).emfLines());
        System.err.printf(Locale.ROOT, "%4d VIFs  %-55s %s %s  median %.1f ms (HTTP %.1f ms)%n", size, name, outcome,
                row.get("calls"), median(walls), median(https));
        return row;
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<Integer, List<Map<String, Object>>> rows, int repeats) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "| VIFs in the group | invocation | AWS calls "
                + "(by operation) | calls | wall ms, median of %d [min-max] | of it in HTTP calls ms | the function's "
                + "share ms | metric lines |%n|---|---|---|---|---|---|---|---|%n", repeats));
        rows.forEach((size, list) -> list.forEach(r -> {
            List<Double> wall = (List<Double>) r.get("wall");
            List<Double> http = (List<Double>) r.get("http");
            Map<String, Integer> calls = (Map<String, Integer>) r.get("calls");
            t.append(String.format(Locale.ROOT, "| %d | %s: %s | %s | %d | %.1f [%.1f-%.1f] | %.1f | %.1f | %d |%n", size,
                    r.get("scenario"), r.get("outcome"), calls, calls.values().stream().mapToInt(Integer::intValue).sum(),
                    median(wall), wall.get(0), wall.get(wall.size() - 1), median(http), median(wall) - median(http),
                    (Long) r.get("emf")));
        }));
        return t.toString();
    }
}
