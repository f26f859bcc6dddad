package io.github.dxfailover.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.DxFailoverHandler;
import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.local.FakeDirectConnect;
import io.github.dxfailover.local.LocalLambda;
import io.github.dxfailover.local.RuntimeApiEmulator.Answer;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SnapStart priming hook runs the invocation's code paths and changes nothing in AWS. */
class SnapStartPrimingIT extends WithLocalEndpoints {
    private static final String A = "dxvif-fgab1234";
    private static final String B = "dxvif-fgcd5678";

    @TempDir
    Path tmp;

    @Override
    protected List<String> healthyVifs() {
        return List.of(A, B);
    }

    private Map<String, String> env() {
        return Map.of("VIFLIST", A + "," + B, "MINVIFS", "1", "SNSARN", local.topicArn(), "EMAIL", "noc@example.com");
    }

    @Test
    void primingMakesNoMutatingCall() throws Exception {
        AwsClients clients = localClients();
        SnapStartPriming priming = new SnapStartPriming(clients, DxFailoverHandler.primingHandlers());

        priming.beforeCheckpoint(null);

        // The one call that left the function is the read-only Describe.
        assertThat(dx.calls()).extracting(FakeDirectConnect.Call::operation)
                .containsExactly("DescribeVirtualInterfaces");
        assertThat(dx.vif(A).state()).isEqualTo("available");
        assertThat(dx.tests()).isEmpty();
        assertThat(aws.delivered()).isEmpty();
        assertThat(aws.supportCases()).isEmpty();
        // The failover path did run through the handler, answered in-process; the sample events went in as JSON
        // text, as Lambda passes them, and each was read as the request it is (the restore comes last).
        assertThat(priming.answeredInProcess()).containsSubsequence(
                "OvertureService.StartBgpFailoverTest", "AWSSupport_20130415.CreateCase", "Publish", "AWSEvents.PutEvents");
        // Each notified invocation puts its event after its message (docs/behaviour.md §20), in-process too.
        assertThat(priming.answeredInProcess()).endsWith("OvertureService.StopBgpFailoverTest", "Publish",
                "AWSEvents.PutEvents");
        // The capacity step's reads too (docs/behaviour.md §15), in-process like the rest.
        assertThat(priming.answeredInProcess()).containsSubsequence("OvertureService.DescribeConnections",
                "OvertureService.DescribeLags", "GetMetricData", "OvertureService.StartBgpFailoverTest");
    }

    @Test
    void theRuntimeRunsTheHookBeforeTheSnapshotAndTheFunctionWorksAfterTheRestore() throws Exception {
        Map<String, String> env = new HashMap<>(LocalLambda.localAwsEnv(local.moto().endpoint().toString(),
                dx.endpoint().toString()));
        env.putAll(env());
        env.putAll(LocalLambda.SNAPSTART_ENV);
        try (LocalLambda function = LocalLambda.start(LocalLambda.defaultZip(), LocalLambda.defaultRuntimeLib(), env,
                LocalLambda.SNAPSTART_JVM_OPTIONS, tmp.resolve("function.log"))) {
            function.awaitReady(Duration.ofSeconds(60));
            assertThat(function.restoreRequested()).as(function.output()).isTrue();
            assertThat(function.output()).contains("primed for SnapStart");
            assertThat(dx.calls()).extracting(FakeDirectConnect.Call::operation)
                    .containsExactly("DescribeVirtualInterfaces");
            assertThat(aws.delivered()).isEmpty();
            assertThat(aws.supportCases()).isEmpty();

            Answer answer = function.invoke(Files.readString(Path.of("events", "eventbridge-metric-alarm.json")),
                    Duration.ofSeconds(60));
            assertThat(answer.body()).contains("\"outcome\":\"FAILED_OVER\"");
            assertThat(dx.calls("StartBgpFailoverTest")).hasSize(1);
            assertThat(aws.delivered()).hasSize(1);
            assertThat(aws.supportCases()).hasSize(1);
        }
    }

    @Test
    void primingFailureDoesNotBreakTheFunction() throws Exception {
        dx.inject("DescribeVirtualInterfaces", new FakeDirectConnect.Fault.ServerError(), 3); // every attempt
        AwsClients clients = localClients();
        SnapStartPriming priming = new SnapStartPriming(clients, DxFailoverHandler.primingHandlers());
        priming.beforeCheckpoint(null); // logs a warning, does not throw
        assertThat(dx.calls("StartBgpFailoverTest")).isEmpty();
        DxFailoverHandler handler = new DxFailoverHandler(env(), clients, Clock.systemUTC());
        assertThat(handler.handle(Map.of("action", "status"), null).get("outcome")).isEqualTo("STATUS");
    }
}
