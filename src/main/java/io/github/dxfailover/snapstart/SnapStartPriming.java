package io.github.dxfailover.snapstart;

import io.github.dxfailover.aws.AwsClients;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import io.github.dxfailover.decision.VifDimension;
import io.github.dxfailover.input.RequestParser;
import io.github.dxfailover.result.JsonText;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart: before Lambda takes the snapshot, run what an invocation runs, so that the classes are
 * loaded and initialised in the snapshot and the first alarm after a restore does not pay for it.
 * It goes through the real entry point, a handler (built by the {@link Handlers} it is given) whose
 * clients are answered in-process ({@link InProcessHttpClient}), with sample events. The one call that leaves the function
 * is a read-only DescribeVirtualInterfaces on the function's own client, which warms its HTTP and
 * TLS path. Credentials stay with the default chain, which Lambda refreshes after a restore.
 */
public final class SnapStartPriming implements Resource {
    /**
     * Builds the function's handler for an environment, clients and a clock, as a function from a payload to
     * the answer, both JSON as Lambda passes them, so that priming reads and writes JSON as an invocation does.
     */
    @FunctionalInterface
    public interface Handlers {
        Function<byte[], byte[]> build(Map<String, String> env, AwsClients clients, Clock clock);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final Instant PRIMING_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /** Not a real VIF: the in-process path names it, so no log line can be mistaken for a real failover. */
    public static final String PRIMING_VIF = "dxvif-snapstartpriming";
    private static final List<String> PRIMING_VIFS = List.of(PRIMING_VIF, PRIMING_VIF + "2");
    /** Reported under test in-process, so that the restore path (StopBgpFailoverTest) is primed too. */
    private static final String PRIMING_VIF_UNDER_TEST = PRIMING_VIF + "3";
    /** A CRaC context need not keep its resources alive: this does. */
    private static volatile SnapStartPriming registered;

    private final AwsClients clients;
    private final Handlers handlers;
    private final InProcessHttpClient inProcessHttp = new InProcessHttpClient(PRIMING_VIFS, PRIMING_VIF_UNDER_TEST);

    /** Cheap: nothing is built until Lambda calls the hook, so functions without SnapStart pay nothing. */
    public SnapStartPriming(AwsClients clients, Handlers handlers) {
        this.clients = clients;
        this.handlers = handlers;
    }

    /** Registers priming with the runtime; without SnapStart the hook is simply never called. */
    public static void register(AwsClients clients, Handlers handlers) {
        try {
            SnapStartPriming priming = new SnapStartPriming(clients, handlers);
            Core.getGlobalContext().register(priming);
            registered = priming;
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming not registered: {}", e.toString());
        }
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
    public void prime() {
        try {
            // The real client, read-only (the policy allows it on *): warms its HTTP and TLS path. No adapter is built
            // here: the service's are wired in one place (service.Wiring), and priming reaches them through the handler.
            clients.dx().describeVirtualInterfaces(DescribeVirtualInterfacesRequest.builder().build());
            // Everything else through the entry point, answered in-process.
            var settings = clients.dx().serviceClientConfiguration();
            AwsClients inProcess = AwsClients.create(settings.region(), settings.credentialsProvider(),
                    AwsClients.CALL_TIMEOUT, null, null, inProcessHttp);
            Clock clock = Clock.fixed(PRIMING_TIME, ZoneOffset.UTC);
            var handler = handlers.build(primingEnvironment(), inProcess, clock);
            for (Map<String, Object> event : sampleEvents()) {
                handler.apply(JsonText.of(event).getBytes(StandardCharsets.UTF_8));
            }
            LOG.info("primed for SnapStart: {}", inProcessHttp.answered());
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming incomplete (the first invocation will be slower): {}", e.toString());
        }
    }

    /** Operations answered in-process, for tests. */
    public List<String> answeredInProcess() {
        return inProcessHttp.answered();
    }

    /** Two healthy priming VIFs, so that an alarm takes the failover path, and one under test for the restore. */
    private static Map<String, String> primingEnvironment() {
        return Map.of("VIFLIST", String.join(",", PRIMING_VIFS) + "," + PRIMING_VIF_UNDER_TEST, "MINVIFS", "1",
                "SNSARN", "arn:aws:sns:us-east-1:000000000000:snapstart-priming", "SUPPORT_CASE", "true",
                // PutEvents too, answered in-process, so a deployment with EVENT_BUS has it loaded (docs/behaviour.md §20).
                "EVENT_BUS", "snapstart-priming");
    }

    private static List<Map<String, Object>> sampleEvents() {
        Map<String, Object> state = Map.of("value", "ALARM", "reason", "priming", "timestamp", PRIMING_TIME.toString());
        Map<String, Object> configuration = Map.of("metrics", List.of(Map.of("id", "m1", "metricStat", Map.of("metric",
                Map.of("dimensions", Map.of(VifDimension.NAME, PRIMING_VIF))))));
        return List.of(
                Map.of("source", "aws.cloudwatch", "detail-type", RequestParser.EVENTBRIDGE_DETAIL_TYPE,
                        "region", "priming", "account", "000000000000", "time", PRIMING_TIME.toString(),
                        "detail", Map.of("alarmName", PRIMING_VIF + " priming", "state", state,
                                "configuration", configuration)),
                Map.of("source", "aws.cloudwatch", "region", "priming", "accountId", "000000000000",
                        "alarmData", Map.of("alarmName", "priming", "state", state, "configuration", configuration)),
                Map.of("action", "status"),
                Map.of("action", "reconcile"),
                Map.of("action", "restore", "virtualInterfaceId", PRIMING_VIF_UNDER_TEST));
    }
}
