package io.github.dxfailover.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Support as the function sees it locally: moto, in front of which DescribeSeverityLevels (which moto
 * does not implement) is answered with the levels of a Business support plan, so that the status
 * preflight can read READY locally. Every other call goes to moto unchanged.
 */
public final class SupportFront implements AutoCloseable {
    private static final String SEVERITY_LEVELS = "{\"severityLevels\":[{\"code\":\"low\",\"name\":\"Low\"},"
            + "{\"code\":\"normal\",\"name\":\"Normal\"},{\"code\":\"high\",\"name\":\"High\"},"
            + "{\"code\":\"urgent\",\"name\":\"Urgent\"},{\"code\":\"critical\",\"name\":\"Critical\"}]}";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect");

    private final HttpServer server;

    public SupportFront(URI moto) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        server = LoopbackHttpServer.start("support-front", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                if (target != null && target.endsWith(".DescribeSeverityLevels")) {
                    byte[] answer = SEVERITY_LEVELS.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                    return;
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve(exchange.getRequestURI().toString()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                        values.forEach(v -> forward.header(name, v));
                    }
                });
                HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
                answer.headers().firstValue("x-amzn-RequestId").ifPresent(v -> exchange.getResponseHeaders().set("x-amzn-RequestId", v));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
