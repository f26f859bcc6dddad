package io.github.dxfailover.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.dxfailover.local.LoopbackHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Publish and CreateCase take no idempotency token (docs/behaviour.md §8): over real HTTP, an attempt whose answer is
 * lost is not sent again by the SDK, while an answer that says "not done" (throttled, 5xx) is retried.
 */
class RetryOnceTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private AwsClients clients(int status, String body, Duration delay) throws Exception {
        server = LoopbackHttpServer.start("retry-once", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return AwsClients.create(Region.EU_WEST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                Duration.ofMillis(1500), endpoint, endpoint);
    }

    /** Opens a case that fails: what the test counts is how often it reached the endpoint. */
    private static void createCase(AwsClients clients) {
        assertThatThrownBy(() -> clients.support().createCase(b -> b.subject("s").communicationBody("b")));
    }

    private static void publish(AwsClients clients) {
        assertThatThrownBy(() -> clients.sns().publish(b -> b.topicArn("arn:aws:sns:eu-west-1:123456789012:t")
                .message("m")));
    }

    @Test
    void aCreateCaseWhoseAnswerIsLostIsSentOnce() throws Exception {
        AwsClients clients = clients(200, "{\"caseId\": \"case-1\"}", Duration.ofMillis(900)); // attempt: 600 ms
        createCase(clients);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void aThrottledCreateCaseIsRetried() throws Exception {
        AwsClients clients = clients(400, "{\"__type\": \"ThrottlingException\", \"message\": \"slow down\"}",
                Duration.ZERO);
        createCase(clients);
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void aCreateCaseThatMetAServerErrorIsNotSentAgain() throws Exception {
        AwsClients clients = clients(500, "{\"__type\": \"InternalServerError\", \"message\": \"oops\"}", Duration.ZERO);
        createCase(clients);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void aPublishThatMetAServerErrorIsRetried() throws Exception {
        AwsClients clients = clients(500, "<ErrorResponse><Error><Code>InternalError</Code></Error></ErrorResponse>",
                Duration.ZERO);
        publish(clients);
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void aPublishWhoseAnswerIsLostIsSentOnce() throws Exception {
        AwsClients clients = clients(200, "<PublishResponse/>", Duration.ofMillis(900));
        publish(clients);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void aStartBgpFailoverTestWhoseAnswerIsLostIsRetriedByTheSdkAndReadBackByTheFunction() throws Exception {
        // Direct Connect's calls keep the SDK's standard retries: Apply reads a failed start back (§8).
        AwsClients clients = clients(200, "{}", Duration.ofMillis(900));
        assertThatThrownBy(() -> clients.dx().startBgpFailoverTest(b -> b.virtualInterfaceId("dxvif-aaaa1111")));
        assertThat(requests.get()).isGreaterThan(1);
    }
}
