package io.github.dxfailover.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The packaged zip run the way Lambda's java21 runtime runs it: unpacked into a task root, started
 * in a child JVM by the runtime interface client with the handler string, talking to a
 * {@link RuntimeApiEmulator}. Endpoints reach the function only through AWS_ENDPOINT_URL variables.
 */
public final class LocalLambda implements AutoCloseable {
    public static final String HANDLER = "io.github.dxfailover.DxFailoverHandler::handleRequest";
    /**
     * What makes the runtime interface client run the SnapStart sequence as Lambda does before a
     * snapshot: org.crac resources' beforeCheckpoint, then /restore/next, then afterRestore. (No
     * snapshot is taken here.)
     */
    public static final List<String> SNAPSTART_JVM_OPTIONS =
            List.of("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
    public static final Map<String, String> SNAPSTART_ENV = Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Process process;
    private final RuntimeApiEmulator runtimeApi;
    private final Path taskRoot;
    private final Path log;
    private final long startedNanos;

    private LocalLambda(Process process, RuntimeApiEmulator runtimeApi, Path taskRoot, Path log, long startedNanos) {
        this.process = process;
        this.runtimeApi = runtimeApi;
        this.taskRoot = taskRoot;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** target/aws-dx-failover.zip, or the lambda.zip system property set by the build. */
    public static Path defaultZip() {
        return Path.of(System.getProperty("lambda.zip", "target/aws-dx-failover.zip"));
    }

    /** target/ric-lib: the runtime interface client and what it needs, copied there by the build. */
    public static Path defaultRuntimeLib() {
        return defaultZip().toAbsolutePath().getParent().resolve("ric-lib");
    }

    /**
     * Starts the function.
     *
     * @param env       the function's environment (configuration, region, credentials, endpoints)
     * @param jvmOptions options for the child JVM, as Lambda's JAVA_TOOL_OPTIONS would add
     */
    public static LocalLambda start(Path zip, Path runtimeLib, Map<String, String> env, List<String> jvmOptions,
                                    Path log) throws IOException {
        return start(zip, HANDLER, runtimeLib, env, jvmOptions, log);
    }

    /** Starts a function with another handler string (the benchmark's baseline). */
    public static LocalLambda start(Path zip, String handler, Path runtimeLib, Map<String, String> env,
                                    List<String> jvmOptions, Path log) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no packaged function at " + zip + ": run mvn -B package -DskipTests first");
        }
        if (!Files.isDirectory(runtimeLib)) {
            throw new IllegalStateException("no runtime interface client at " + runtimeLib + ": run mvn -B package -DskipTests first");
        }
        Path taskRoot = Files.createTempDirectory("lambda-task-");
        unzip(zip, taskRoot);
        RuntimeApiEmulator runtimeApi = new RuntimeApiEmulator();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(runtimeLib.toAbsolutePath() + "/*");
        command.add(RIC_MAIN);
        command.add(handler);
        ProcessBuilder pb = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> childEnv = pb.environment();
        childEnv.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("JAVA_TOOL_OPTIONS"));
        childEnv.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        childEnv.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        childEnv.put("AWS_LAMBDA_FUNCTION_NAME", "aws-dx-failover");
        childEnv.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        childEnv.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769");
        childEnv.putAll(env);
        long started = System.nanoTime();
        return new LocalLambda(pb.start(), runtimeApi, taskRoot, log, started);
    }

    /** Environment for a function whose AWS endpoints are local: test credentials, one region. */
    public static Map<String, String> localAwsEnv(String awsEndpoint, String dxEndpoint) {
        return Map.of(
                "AWS_REGION", LocalAws.REGION.id(),
                "AWS_DEFAULT_REGION", LocalAws.REGION.id(),
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_SESSION_TOKEN", "testing",
                "AWS_ENDPOINT_URL", awsEndpoint,
                "AWS_ENDPOINT_URL_DIRECT_CONNECT", dxEndpoint);
    }

    /** Nanoseconds from the JVM's start to the runtime's first request for an event (the init phase). */
    public long awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
        return runtimeApi.awaitReady(timeout) - startedNanos;
    }

    /**
     * Sends the event and waits for its answer; a JVM that exits meanwhile (one that cannot start, a bad
     * JAVA_TOOL_OPTIONS) ends the wait at once, with its exit value and log, instead of after the timeout.
     */
    public RuntimeApiEmulator.Answer invoke(String event, Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the function's JVM exited with " + process.exitValue() + ":\n" + output());
        }
        java.util.concurrent.CompletableFuture<RuntimeApiEmulator.Answer> answer =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return runtimeApi.invoke(event, timeout);
                    } catch (InterruptedException | TimeoutException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        while (true) {
            try {
                return answer.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillWaiting) {
                if (!process.isAlive() && !answer.isDone()) {
                    answer.cancel(true);
                    throw new IllegalStateException("the function's JVM exited with " + process.exitValue()
                            + " before it answered:\n" + output());
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() != null && e.getCause().getCause() instanceof TimeoutException t) {
                    throw t;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    public String initError() {
        return runtimeApi.initError();
    }

    public boolean restoreRequested() {
        return runtimeApi.restoreRequested();
    }

    /** What the function wrote to stdout and stderr (its log). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Peak resident memory of the function's JVM so far (VmHWM), in kB; -1 where /proc has no answer. */
    public long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process);
        runtimeApi.close();
        try (Stream<Path> files = Files.walk(taskRoot)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e; (e = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the task root: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
