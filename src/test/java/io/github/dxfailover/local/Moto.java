package io.github.dxfailover.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * moto_server on a free loopback port: the local SNS, SQS, Support and EventBridge (and, for StackSetDeployIT,
 * CloudFormation, S3, Lambda's and IAM's APIs). The tests fail (they do not skip) when it is missing, saying how to
 * install it.
 */
public final class Moto implements AutoCloseable {
    public static final String INSTALL_HINT = "moto_server was not found on PATH. Install it with: "
            + "python3 -m pip install 'moto[server]'  (or skip these tests explicitly with -DskipIntegration)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Moto shared;

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private Moto(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** One moto for the whole test JVM, stopped when the JVM exits; call {@link #reset()} between tests. */
    public static synchronized Moto shared() throws IOException {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(Path.of("target", "moto.log"));
            Moto started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    public static Moto start(Path log) throws IOException {
        String executable = findOnPath("moto_server");
        if (executable == null) {
            throw new IllegalStateException(INSTALL_HINT);
        }
        int port = freePort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // moto keeps Support in us-east-1 only; real SDKs route any region's Support calls there, but an
        // endpoint override signs with the function's region, so let moto accept every region.
        pb.environment().put("MOTO_ALLOW_NONEXISTENT_REGION", "true");
        // moto's recorder (off until startRecording) writes beside the log, not into the directory it was started in.
        pb.environment().put("MOTO_RECORDER_FILEPATH", log.toAbsolutePath().resolveSibling(
                log.getFileName() + ".recording").toString());
        Moto moto = new Moto(pb.start(), URI.create("http://127.0.0.1:" + port));
        moto.awaitReady(Duration.ofSeconds(30), log);
        return moto;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every topic, queue, case and rule. */
    public void reset() throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Starts moto's recorder afresh: from now on it keeps every request it answers (but its own /moto-api/ ones). */
    public void startRecording() throws IOException, InterruptedException {
        post("/moto-api/recorder/reset-recording");
        post("/moto-api/recorder/start-recording");
    }

    /**
     * Stops the recorder; returns the requests it kept since {@link #startRecording}, one JSON object each as moto
     * writes them: {@code method}, {@code url}, {@code headers}, {@code body} (base64 when {@code body_encoded}).
     */
    public List<JsonNode> stopRecording() throws IOException, InterruptedException {
        post("/moto-api/recorder/stop-recording");
        String recording = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/recorder/download-recording"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        List<JsonNode> requests = new ArrayList<>();
        for (String line : recording.lines().filter(l -> !l.isBlank()).toList()) {
            requests.add(JSON.readTree(line));
        }
        return requests;
    }

    private void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("moto answered " + path + " with " + r.statusCode() + ", expected 200: " + r.body());
        }
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer on " + endpoint + " within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
