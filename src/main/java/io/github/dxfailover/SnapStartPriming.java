package io.github.dxfailover;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;

/**
 * SnapStart: before Lambda takes the snapshot, run what an invocation runs, so that the classes are
 * loaded and initialised in the snapshot and the first alarm after a restore does not pay for it.
 * It changes nothing in AWS: the one call that leaves the function is DescribeVirtualInterfaces
 * (read-only); StartBgpFailoverTest, CreateCase and Publish go through clients answered
 * in-process ({@link InProcessHttpClient}). Credentials stay with the default chain, which Lambda
 * refreshes after a restore.
 */
final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final Instant PRIMING_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /** Not a real VIF: the in-process path names it, so no log line can be mistaken for a real failover. */
    static final String PRIMING_VIF = "dxvif-snapstartpriming";

    private final FailoverConfig config;
    private final AwsClients clients;
    private final Region region;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final InProcessHttpClient inProcessHttp = new InProcessHttpClient();

    /** Cheap: nothing is built until Lambda calls the hook, so functions without SnapStart pay nothing. */
    SnapStartPriming(FailoverConfig config, AwsClients clients, Region region,
                     IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        this.config = config;
        this.clients = clients;
        this.region = region;
        this.credentials = credentials;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: clients resolve credentials per call
    }

    /** Never throws: a priming failure only means a slower first invocation. */
    void prime() {
        try {
            // The real path of an alarm: read the VIFs over the network (read-only, allowed by the policy).
            clients.dx().describeVirtualInterfaces(DescribeVirtualInterfacesRequest.builder().build());
            // The path of a failover, answered in-process: parse, decide, start, open a case, notify.
            AwsClients inProcess = AwsClients.create(region, credentials, AwsClients.CALL_TIMEOUT, null, null,
                    inProcessHttp);
            Clock clock = Clock.fixed(PRIMING_TIME, ZoneOffset.UTC);
            String vif = PRIMING_VIF;
            FailoverConfig priming = new FailoverConfig(List.of(vif, vif + "2"), 1, config.snsTopicArn(),
                    config.failoverMinutes(), config.ccEmails(), true, config.supportSeverity(), false,
                    config.supportServiceCode(), config.supportCategoryCode());
            FailoverService service = new FailoverService(priming, inProcess.dx(), inProcess.sns(),
                    inProcess.support(), clock);
            Alarm alarm = ((Request.Evaluate) RequestParser.parse(sampleAlarm(vif))).alarm();
            VifStates healthy = VifStates.of(priming.vifIds(), priming.vifIds().stream()
                    .map(id -> new VifState(id, "available", List.of("up"))).toList());
            Decision.decide(priming, alarm, healthy);
            FailoverResult result = service.failover(alarm, 1,
                    FailoverResult.of(Outcome.FAILED_OVER, vif, "priming", healthy, false));
            result.toMap();
            new Telemetry(System.out, clock).emf(result.outcome(), 0, vif);
            LOG.info("primed for SnapStart: {}", inProcessHttp.answered());
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming incomplete (the first invocation will be slower): {}", e.toString());
        }
    }

    /** Operations answered in-process, for tests. */
    List<String> answeredInProcess() {
        return inProcessHttp.answered();
    }

    private static Map<String, Object> sampleAlarm(String vif) {
        return Map.of(
                "source", "aws.cloudwatch",
                "detail-type", RequestParser.EVENTBRIDGE_DETAIL_TYPE,
                "region", "priming", "account", "000000000000", "time", PRIMING_TIME.toString(),
                "detail", Map.of(
                        "alarmName", vif + " priming",
                        "state", Map.of("value", "ALARM", "reason", "priming", "timestamp", PRIMING_TIME.toString()),
                        "configuration", Map.of("metrics", List.of(Map.of("id", "m1", "metricStat", Map.of("metric",
                                Map.of("dimensions", Map.of("VirtualInterfaceId", vif))))))));
    }
}
