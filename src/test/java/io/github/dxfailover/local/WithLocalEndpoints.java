package io.github.dxfailover.local;

import io.github.dxfailover.aws.AwsClients;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For integration tests that run against moto and a fake Direct Connect with healthy VIFs: fresh
 * endpoints before each test, closed after it.
 */
public abstract class WithLocalEndpoints {
    protected LocalEndpoints local;
    protected FakeDirectConnect dx;
    protected LocalAws aws;

    @BeforeEach
    void startLocalEndpoints() throws Exception {
        local = LocalEndpoints.start(healthyVifs().toArray(String[]::new));
        dx = local.dx();
        aws = local.aws();
    }

    /** The VIFs the fake Direct Connect starts with, available with BGP up. */
    protected abstract List<String> healthyVifs();

    /** The function's four clients, pointed at moto and the fake Direct Connect. */
    protected AwsClients localClients() {
        return localClients(local.moto().endpoint());
    }

    /** The same, with Support at another endpoint (a canned Support front for what moto lacks). */
    protected AwsClients localClients(URI supportEndpoint) {
        AwsClients clients = AwsClients.create(LocalAws.REGION, LocalAws.CREDENTIALS, AwsClients.CALL_TIMEOUT,
                local.moto().endpoint(), dx.endpoint());
        if (supportEndpoint.equals(local.moto().endpoint())) {
            return clients;
        }
        AwsClients support = AwsClients.create(LocalAws.REGION, LocalAws.CREDENTIALS, AwsClients.CALL_TIMEOUT,
                supportEndpoint, dx.endpoint());
        return new AwsClients(clients.dx(), clients.sns(), support.support(), clients.cloudWatch(), clients.events());
    }

    @AfterEach
    void stopLocalEndpoints() {
        local.close();
    }
}
