package io.github.dxfailover.local;

import java.io.IOException;

/**
 * What the integration tests run the function against: the shared moto (reset, with the
 * notification topic and its subscriber queue) and a fresh fake Direct Connect with healthy VIFs.
 */
public final class LocalEndpoints implements AutoCloseable {
    private final Moto moto;
    private final LocalAws aws;
    private final String topicArn;
    private final FakeDirectConnect dx;

    private LocalEndpoints(Moto moto, LocalAws aws, String topicArn, FakeDirectConnect dx) {
        this.moto = moto;
        this.aws = aws;
        this.topicArn = topicArn;
        this.dx = dx;
    }

    /** Resets moto, creates the topic "dx-failover", starts a fake Direct Connect with these VIFs available, BGP up. */
    public static LocalEndpoints start(String... healthyVifs) throws IOException, InterruptedException {
        Moto moto = Moto.shared();
        moto.reset();
        LocalAws aws = new LocalAws(moto.endpoint());
        String topic = aws.createTopic("dx-failover");
        FakeDirectConnect dx = FakeDirectConnect.start();
        for (String id : healthyVifs) {
            dx.addVif(id, "available", "up");
        }
        return new LocalEndpoints(moto, aws, topic, dx);
    }

    public Moto moto() {
        return moto;
    }

    public LocalAws aws() {
        return aws;
    }

    public String topicArn() {
        return topicArn;
    }

    public FakeDirectConnect dx() {
        return dx;
    }

    @Override
    public void close() {
        dx.close();
        aws.close();
    }
}
