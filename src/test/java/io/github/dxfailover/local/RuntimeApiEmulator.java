package io.github.dxfailover.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The part of the Lambda Runtime API a runtime talks to (version 2018-06-01): it hands out queued
 * events on {@code /invocation/next} and collects {@code /response}, {@code /error} and
 * {@code /init/error}, so the real runtime interface client can run the packaged function here.
 */
public final class RuntimeApiEmulator implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    /** What the runtime answered for one event. */
    public record Answer(boolean error, String body, String errorType) {
    }

    private record Pending(String requestId, String payload) {
    }

    private final HttpServer server;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private volatile String initError;
    private volatile boolean restoreRequested;

    public RuntimeApiEmulator() throws IOException {
        server = LoopbackHttpServer.start("runtime-api", this::handle);
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sends one event and waits for the runtime's answer. */
    public Answer invoke(String payload, Duration timeout) throws InterruptedException, TimeoutException {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        answers.put(id, answer);
        queue.add(new Pending(id, payload));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            answers.remove(id);
        }
    }

    /** System.nanoTime() when the runtime first asked for an event: the function's init is done. */
    public long awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return firstNext.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether the runtime went through the SnapStart checkpoint/restore sequence. */
    public boolean restoreRequested() {
        return restoreRequested;
    }

    /** The error the runtime reported while loading the handler, or null. */
    public String initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith(BASE)) {
                send(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
                return;
            }
            path = path.substring(BASE.length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                firstNext.complete(System.nanoTime());
                Pending next = queue.take();
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                        String.valueOf(System.currentTimeMillis() + 60_000));
                exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:eu-west-1:123456789012:function:aws-dx-failover");
                exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, 200, next.payload());
            } else if (path.equals("restore/next") && exchange.getRequestMethod().equals("GET")) {
                // SnapStart: the runtime asks for the restore once its beforeCheckpoint hooks have run.
                restoreRequested = true;
                send(exchange, 200, "");
            } else if (path.equals("init/error")) {
                initError = body;
                answers.values().forEach(a -> a.complete(new Answer(true, body, "init")));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                boolean error = path.endsWith("/error");
                CompletableFuture<Answer> answer = answers.get(id);
                if (answer != null) {
                    answer.complete(new Answer(error, body,
                            error ? exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") : null));
                }
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
