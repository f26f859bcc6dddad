package io.github.dxfailover.aws;

import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.core.exception.SdkServiceException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * The five SDK clients, built once per container with timeouts well inside the function's
 * timeout (docs/behaviour.md §8): Describe + Start + CreateCase + Publish + PutEvents at {@link #CALL_TIMEOUT} each
 * stays under the 60-second function timeout of the deployment.
 *
 * @param events EventBridge, used only when EVENT_BUS is set (docs/behaviour.md §20)
 */
public record AwsClients(DirectConnectClient dx, SnsClient sns, SupportClient support, CloudWatchClient cloudWatch,
                         EventBridgeClient events) {
    /** Whole call, SDK retries included. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Clients as the function uses them in Lambda: the region Lambda sets, the default credentials
     * chain (it still works after a SnapStart restore), and endpoints from the SDK's standard
     * resolution, so AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_DIRECT_CONNECT redirect them.
     */
    public static AwsClients forLambda(String region) {
        return create(Region.of(region), DefaultCredentialsProvider.builder().build(), CALL_TIMEOUT, null, null);
    }

    /**
     * @param callTimeout     limit of one call including retries; each attempt gets 40% of it
     * @param awsEndpoint     SNS, Support and CloudWatch endpoint, or null for the standard resolution
     * @param dxEndpoint      Direct Connect endpoint, or null for the standard resolution
     */
    public static AwsClients create(Region region, IdentityProvider<? extends AwsCredentialsIdentity> credentials, Duration callTimeout,
                                    URI awsEndpoint, URI dxEndpoint) {
        // One HTTP client for all four: the JDK's URLConnection starts faster than Apache or Netty.
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(attemptTimeout(callTimeout))
                .build();
        return create(region, credentials, callTimeout, awsEndpoint, dxEndpoint, http);
    }

    /** The same clients over another HTTP client (SnapStart priming answers them in-process). */
    public static AwsClients create(Region region, IdentityProvider<? extends AwsCredentialsIdentity> credentials, Duration callTimeout,
                             URI awsEndpoint, URI dxEndpoint, SdkHttpClient http) {
        Duration attempt = attemptTimeout(callTimeout);
        ClientOverrideConfiguration timeouts = ClientOverrideConfiguration.builder()
                // Standard mode: 3 attempts with jittered backoff, throttling included.
                .retryStrategy(RetryMode.STANDARD)
                .apiCallTimeout(callTimeout)
                .apiCallAttemptTimeout(attempt)
                .build();
        var dxBuilder = DirectConnectClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(timeouts);
        // Publish and CreateCase take no idempotency token: an attempt whose answer was lost may have delivered the
        // message or opened the case, so it is never sent again; only an answer that says it was not done is retried
        // (for Support only throttling and 503: a 500 may follow a case that was opened).
        var snsBuilder = SnsClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(timeouts.toBuilder()
                        .retryStrategy(retriedOnlyWhenAnswered(status -> status >= 500)).build());
        var supportBuilder = SupportClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(timeouts.toBuilder()
                        .retryStrategy(retriedOnlyWhenAnswered(status -> status == 503)).build());
        var cloudWatchBuilder = CloudWatchClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(timeouts);
        var eventsBuilder = EventBridgeClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(timeouts);
        if (dxEndpoint != null) {
            dxBuilder.endpointOverride(dxEndpoint);
        }
        if (awsEndpoint != null) {
            snsBuilder.endpointOverride(awsEndpoint);
            supportBuilder.endpointOverride(awsEndpoint);
            cloudWatchBuilder.endpointOverride(awsEndpoint);
            eventsBuilder.endpointOverride(awsEndpoint);
        }
        return new AwsClients(dxBuilder.build(), snsBuilder.build(), supportBuilder.build(), cloudWatchBuilder.build(),
                eventsBuilder.build());
    }

    /**
     * Standard retries (3 attempts, jittered backoff) for throttling and server errors only, that is when AWS answered
     * that the call was not carried out; never after a timeout or a broken connection (docs/behaviour.md §8).
     */
    static RetryStrategy retriedOnlyWhenAnswered(java.util.function.IntPredicate notDone) {
        return DefaultRetryStrategy.standardStrategyBuilder().maxAttempts(3).useClientDefaults(false)
                .retryOnException(t -> t instanceof SdkServiceException s
                        && (s.isThrottlingException() || notDone.test(s.statusCode())))
                // A refused connection sent nothing: safe to try again.
                .retryOnRootCauseInstanceOf(java.net.ConnectException.class)
                .build();
    }

    private static Duration attemptTimeout(Duration callTimeout) {
        return callTimeout.multipliedBy(2).dividedBy(5);
    }
}
