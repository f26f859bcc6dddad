package io.github.dxfailover.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AWS JSON endpoint that answers every call with one error, as the service would send it — for
 * answers moto cannot give, such as Support's SubscriptionRequiredException.
 */
public final class FailingJsonEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    public FailingJsonEndpoint(int status, String errorType, String message) throws IOException {
        byte[] body = ("{\"__type\":\"" + errorType + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        server = LoopbackHttpServer.start("failing-endpoint", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                calls.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
