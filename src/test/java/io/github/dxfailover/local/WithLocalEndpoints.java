package io.github.dxfailover.local;

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

    @AfterEach
    void stopLocalEndpoints() {
        local.close();
    }
}
