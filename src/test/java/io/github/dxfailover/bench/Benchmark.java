package io.github.dxfailover.bench;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.LocalAws;
import io.github.dxfailover.local.LocalLambda;
import io.github.dxfailover.local.Moto;
import io.github.dxfailover.local.RuntimeApiEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * {@code bench/run}: cold start and invocation cost of the packaged function, run by the real
 * runtime interface client in a fresh JVM per run, against the fake Direct Connect and moto behind
 * timing proxies — side by side with a baseline built the way most Java Lambdas are.
 */
public final class Benchmark {
    private static final String VIF_A = "dxvif-fgab1234";
    private static final List<String> THREE_VIFS = List.of(VIF_A, "dxvif-fgcd5678", "dxvif-fgef9012");
    /**
     * The flags Lambda's java21 runtime puts on the JVM's command line (its CDS archive aside); java25
     * starts a function without SnapStart the same way (its AOT cache of the runtime's classes aside).
     */
    static final List<String> LAMBDA_RUNTIME_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", LocalLambda.SNAPSTART_JVM_OPTIONS.get(0), "-Djava.net.preferIPv4Stack=true");
    /**
     * java25 with SnapStart (or provisioned concurrency): the JVM's default tiers, C1 and C2, so that
     * compiling happens before the snapshot rather than in invocations (Lambda's Java customization guide).
     */
    static final List<String> JAVA25_SNAPSTART_JVM_OPTIONS = List.of("-XX:+UseSerialGC",
            LocalLambda.SNAPSTART_JVM_OPTIONS.get(0), "-Djava.net.preferIPv4Stack=true");
    /** What template.yaml sets: C1 only, also where java25 with SnapStart would keep C2. */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    private static final String BASELINE_HANDLER = "io.github.dxfailover.BaselineHandler::handleRequest";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** One way of building and starting the function. */
    record Variant(String name, Path zip, String handler, Map<String, String> env, List<String> jvmOptions) {
    }

    /** What one fresh JVM measured. */
    record Run(double initMs, double firstMs, double warmMs, double warmEndpointMs, double rssMb,
               Map<String, Integer> firstCalls) {
        double coldMs() {
            return initMs + firstMs;
        }

        double warmOverheadMs() {
            return warmMs - warmEndpointMs;
        }
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 6;
        int warm = 100;
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bench/run [--runs N] [--warm M]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        try (Moto moto = Moto.start(out.resolve("moto.log"))) {
            new Benchmark().run(runs, warm, moto, out, System.out);
        }
        System.exit(0);
    }

    private void run(int runs, int warm, Moto moto, Path out, PrintStream report) throws Exception {
        Path zip = LocalLambda.defaultZip();
        Path baselineZip = Path.of("bench", "baseline", "target", "aws-dx-failover-baseline.zip");
        Path crtZip = Path.of("bench", "crt", "target", "aws-dx-failover-crt.zip");
        Path cdsArchive = out.resolve("function.jsa").toAbsolutePath();
        trainCds(zip, moto, out, cdsArchive);

        // Lambda's runtimes start the JVM with these flags; every variant but the last gets the flags of the
        // runtime it names, so the comparison is the one Lambda would make. One JDK (this machine's) runs them all.
        List<String> lambda = LAMBDA_RUNTIME_JVM_OPTIONS;
        Map<String, String> snapStart = LocalLambda.SNAPSTART_ENV;
        List<Variant> variants = List.of(
                new Variant("baseline (Apache client, clients on first use, no options of its own)", baselineZip,
                        BASELINE_HANDLER, Map.of(), lambda),
                new Variant("function without SnapStart (java21 and java25: C1 only)", zip, LocalLambda.HANDLER,
                        Map.of(), lambda),
                new Variant("function with the AWS CRT HTTP client", crtZip, LocalLambda.HANDLER, Map.of(), lambda),
                new Variant("function + AppCDS archive (local only)", zip, LocalLambda.HANDLER, Map.of(),
                        concat(lambda, List.of("-XX:SharedArchiveFile=" + cdsArchive))),
                new Variant("java21 + SnapStart: first call after priming (C1 only)", zip, LocalLambda.HANDLER,
                        snapStart, lambda),
                new Variant("java25 + SnapStart, runtime's tiers: first call after priming (C1 and C2, not kept)", zip,
                        LocalLambda.HANDLER, snapStart, JAVA25_SNAPSTART_JVM_OPTIONS),
                new Variant("java25 + SnapStart, as deployed: first call after priming (C1 by JAVA_TOOL_OPTIONS)", zip,
                        LocalLambda.HANDLER, merge(snapStart, Map.of("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS)),
                        JAVA25_SNAPSTART_JVM_OPTIONS),
                new Variant("baseline on a plain JVM (no flags at all)", baselineZip, BASELINE_HANDLER, Map.of(),
                        List.of()));

        Map<String, List<Run>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
        for (int i = 1; i <= runs; i++) {
            for (Variant v : variants) { // round robin, so drift on the machine hits every variant alike
                Run r = measure(v, THREE_VIFS, warm, moto, out);
                results.get(v.name()).add(r);
                report.printf(Locale.ROOT, "run %d/%d %-55s init %6.0f ms  first %6.0f ms  warm %6.2f ms%n", i, runs,
                        v.name(), r.initMs(), r.firstMs(), r.warmMs());
            }
        }
        Variant function = variants.get(1);
        Map<String, Integer> calls2 = measure(function, THREE_VIFS.subList(0, 2), 1, moto, out).firstCalls();
        Map<String, Integer> calls25 = measure(function, manyVifs(25), 1, moto, out).firstCalls();

        String table = table(results, variants, Map.of(
                baselineZip, Files.size(baselineZip), zip, Files.size(zip), crtZip, Files.size(crtZip)),
                calls2, calls25, runs, warm);
        report.println();
        report.println(table);
        Files.writeString(out.resolve("results.md"), table);
        report.println("(also in " + out.resolve("results.md") + ")");
    }

    /** A dynamic AppCDS archive from one training run of the function (Lambda's JVM could not use it). */
    private void trainCds(Path zip, Moto moto, Path out, Path archive) throws Exception {
        Files.deleteIfExists(archive);
        Variant training = new Variant("training", zip, LocalLambda.HANDLER, Map.of(),
                concat(LAMBDA_RUNTIME_JVM_OPTIONS, List.of("-XX:ArchiveClassesAtExit=" + archive)));
        measure(training, THREE_VIFS, 2, moto, out);
        for (int i = 0; i < 100 && !Files.exists(archive); i++) {
            Thread.sleep(100);
        }
    }

    private Run measure(Variant v, List<String> listed, int warm, Moto moto, Path out)
            throws Exception {
        try (FakeDirectConnect dx = FakeDirectConnect.start(); LocalAws aws = new LocalAws(moto.endpoint())) {
            // Every VIF carries 100 Mbit/s on the fake's 10 Gbit/s connection: the capacity step runs and passes.
            listed.forEach(id -> dx.addVif(id, "available", "up").onLink(id, FakeDirectConnect.DEFAULT_CONNECTION, 1e8));
            aws.putTraffic(dx);
            String runTopic = aws.createTopic("bench-" + System.nanoTime());
            Map<String, String> env = new HashMap<>(LocalLambda.localAwsEnv(moto.endpoint().toString(),
                    dx.endpoint().toString()));
            env.putAll(Map.of("VIFLIST", String.join(",", listed), "MINVIFS", "1", "SNSARN", runTopic,
                    "EMAIL", "noc@example.com"));
            env.putAll(v.env());
            String event = alarmFor(VIF_A);
            try (LocalLambda function = LocalLambda.start(v.zip(), v.handler(), LocalLambda.defaultRuntimeLib(), env,
                    v.jvmOptions(), Files.createTempFile(out, "function-", ".log"))) {
                double initMs = function.awaitReady(TIMEOUT) / 1e6;
                int casesBefore = aws.supportCases().size();
                dx.clearCalls();
                double firstMs = invoke(function, event);
                Map<String, Integer> calls = new TreeMap<>();
                dx.calls().forEach(c -> calls.merge(c.operation(), 1, Integer::sum));
                calls.put("Publish", aws.delivered().size());
                calls.put("CreateCase", aws.supportCases().size() - casesBefore);
                double[] warmMs = new double[warm];
                for (int i = 0; i < warm; i++) {
                    dx.addVif(VIF_A, "available", "up"); // the same failover again
                    warmMs[i] = invoke(function, event);
                }
                double rssMb = function.peakRssKb() / 1024.0;
                // Warm = steady state: the second half, once the JIT has compiled the invocation's path.
                double steady = median(java.util.Arrays.copyOfRange(warmMs, warm / 2, warm));
                return new Run(initMs, firstMs, steady, endpointTime(dx, moto, runTopic), rssMb, calls);
            }
        }
    }

    /**
     * What the local endpoints take for the calls of one failover, made directly by a warmed-up SDK
     * client in this JVM: the part of a warm invocation that is not the function's.
     */
    private static double endpointTime(FakeDirectConnect dx, Moto moto, String topic) {
        String vif = "dxvif-reference0";
        AwsClients clients = AwsClients.create(LocalAws.REGION, LocalAws.CREDENTIALS, AwsClients.CALL_TIMEOUT,
                moto.endpoint(), dx.endpoint());
        double[] ms = new double[60];
        for (int i = 0; i < ms.length; i++) {
            dx.addVif(vif, "available", "up");
            long started = System.nanoTime();
            clients.cloudWatch().describeAlarms(b -> b.alarmNames("dxvif-reference0 loss")); // is it muted?
            clients.dx().describeVirtualInterfaces(b -> { });
            clients.dx().describeConnections(b -> { }); // the capacity step (docs/behaviour.md §15)
            clients.dx().describeLags(b -> { });
            java.time.Instant now = java.time.Instant.now();
            clients.cloudWatch().getMetricData(b -> b.startTime(now.minusSeconds(1800)).endTime(now).metricDataQueries(
                    q -> q.id("v0m0").metricStat(m -> m.metric(x -> x.namespace("AWS/DX").metricName(
                            "VirtualInterfaceBpsEgress").dimensions(d -> d.name("VirtualInterfaceId").value(vif)))
                            .period(300).stat("Average"))));
            clients.dx().startBgpFailoverTest(b -> b.virtualInterfaceId(vif).testDurationInMinutes(180));
            clients.support().createCase(b -> b.subject("s").communicationBody("b").serviceCode("aws-direct-connect")
                    .categoryCode("connection-issue").severityCode("urgent").issueType("technical")
                    .ccEmailAddresses("noc@example.com"));
            clients.sns().publish(b -> b.topicArn(topic).subject("s").message("m"));
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        return median(java.util.Arrays.copyOfRange(ms, ms.length / 2, ms.length)); // after warm-up
    }

    private static double invoke(LocalLambda function, String event) throws Exception {
        long started = System.nanoTime();
        RuntimeApiEmulator.Answer answer = function.invoke(event, TIMEOUT);
        double ms = (System.nanoTime() - started) / 1e6;
        if (answer.error() || !answer.body().contains("\"outcome\":\"FAILED_OVER\"")) {
            throw new IllegalStateException("expected FAILED_OVER, got " + answer.body() + "\n" + function.output());
        }
        return ms;
    }

    private static String table(Map<String, List<Run>> results, List<Variant> variants, Map<Path, Long> zipSizes,
                                Map<String, Integer> calls2, Map<String, Integer> calls25, int runs, int warm) {
        StringBuilder t = new StringBuilder();
        List<Run> baseline = results.get(variants.get(0).name());
        double baselineCold = median(baseline, Run::coldMs);
        t.append(String.format(Locale.ROOT, "Median of %d runs, each a fresh JVM (p25-p75 in brackets); warm = median of the "
                + "last half of %d warm invocations per run; endpoints' share = the same calls made directly by a warmed-up SDK "
                + "client. Java %s, %d cores, %s.%n%n", runs, warm,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), cpuName()));
        t.append("| variant | init ms | first invocation ms | cold (init + first) ms | cold vs baseline | "
                + "warm invocation ms | endpoints' share ms | function's share ms | peak RSS MB | zip MB |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Variant v : variants) {
            List<Run> r = results.get(v.name());
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f× | %s | %s | %s | %s | %.1f |%n", v.name(),
                    spread(r, Run::initMs, 0), spread(r, Run::firstMs, 0), spread(r, Run::coldMs, 0),
                    median(r, Run::coldMs) / baselineCold, spread(r, Run::warmMs, 1), spread(r, Run::warmEndpointMs, 1),
                    spread(r, Run::warmOverheadMs, 1), spread(r, Run::rssMb, 0), zipSizes.get(v.zip()) / 1048576.0));
        }
        t.append(String.format(Locale.ROOT, "%nAWS calls of one failover invocation: 2 listed VIFs %s; 25 listed VIFs %s "
                + "(DescribeVirtualInterfaces returns up to 100 VIFs a page here), besides two CloudWatch calls this "
                + "count cannot see: DescribeAlarms (the alarm's mute check) and GetMetricData (the capacity step, one "
                + "for all VIFs; CapacityGuardTest asserts one).%n", calls2, calls25));
        return t.toString();
    }

    private static String spread(List<Run> runs, ToDoubleFunction<Run> metric, int decimals) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " [" + f + "-" + f + "]", percentile(values, 50),
                percentile(values, 25), percentile(values, 75));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
        return percentile(runs.stream().mapToDouble(metric).sorted().toArray(), 50);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return percentile(sorted, 50);
    }

    /** Linear interpolation between the closest ranks of sorted values. */
    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static List<String> manyVifs(int n) {
        List<String> ids = new ArrayList<>(List.of(VIF_A));
        for (int i = 1; i < n; i++) {
            ids.add(String.format("dxvif-bench%04d", i));
        }
        return ids;
    }

    private static String alarmFor(String vif) throws IOException {
        return Files.readString(Path.of("events", "eventbridge-metric-alarm.json")).replace("dxvif-fgab1234", vif);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static String cpuName() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.replaceAll("^.*:\\s*", "")).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
