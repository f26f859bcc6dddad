package io.github.dxfailover.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AWS JSON endpoint that answers every call the same way, as the service would — for answers moto
 * cannot give, such as Support's SubscriptionRequiredException or DescribeSeverityLevels.
 */
public final class CannedJsonEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    private CannedJsonEndpoint(int status, String errorType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server = LoopbackHttpServer.start("canned-endpoint", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                calls.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                if (errorType != null) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
                }
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
    }

    /** Every call fails with this error. */
    public static CannedJsonEndpoint failing(int status, String errorType, String message) throws IOException {
        return new CannedJsonEndpoint(status, errorType, "{\"__type\":\"" + errorType + "\",\"message\":\"" + message + "\"}");
    }

    /** Every call succeeds with this JSON body. */
    public static CannedJsonEndpoint answering(String json) throws IOException {
        return new CannedJsonEndpoint(200, null, json);
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
