package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.Fixtures;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.local.LocalAws;
import io.github.dxfailover.local.LocalLambda;
import io.github.dxfailover.local.RuntimeApiEmulator.Answer;
import io.github.dxfailover.local.WithLocalEndpoints;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The StackSet template (issue 34) deployed into moto's CloudFormation, and one failover through the packaged function
 * with what the stack made: the function's environment, the role's statements, the rule's pattern and the topic.
 *
 * <p>What moto 5.2.1 does not support, and so what this does not prove: its CloudFormation creates no
 * AWS::Lambda::Alias (CreateStack fails), AWS::CloudWatch::Alarm (a reference to one fails the stack),
 * AWS::Lambda::EventInvokeConfig, AWS::Scheduler::Schedule, AWS::SNS::Subscription or AWS::Oam::Link (left out
 * silently): {@link MotoStackTemplate} leaves the six out and points what invoked the alias at the function
 * (StackSetTemplateTest holds them equal to template.yaml's, and cfn-lint checks them). It attaches no AWS managed
 * policy to a role (AWSLambdaBasicExecutionRole: the logs), answers GetRolePolicy with the document as a Python
 * literal rather than JSON, and keeps the function's numeric variables as numbers (the SDK reads them as text, as
 * Lambda gives them). It runs no function without Docker and evaluates no IAM policy: the packaged zip runs in Lambda's
 * Java runtime interface client ({@link LocalLambda}) with the environment the stack gave the function, Direct Connect
 * is faked ({@code FakeDirectConnect}: moto has none), and {@link CallsMade} checks each call the function made
 * against the statements of the role the stack made.
 */
class StackSetDeployIT extends WithLocalEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIF_A = "dxvif-fgab1234";
    private static final String VIF_B = "dxvif-fgcd5678";
    private static final String VIF_C = "dxvif-fgef9012";
    private static final String GROUP = "core";
    private static final String ACCOUNT = "123456789012";
    private static final String STACK = "dxf";
    private static final String BUCKET_PREFIX = "dxf-code";
    private static final String CODE_KEY = "aws-dx-failover-1.0.0.zip";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Override
    protected List<String> healthyVifs() {
        return List.of(VIF_A, VIF_B, VIF_C);
    }

    /** What the stack made, read back as the function and a reader of the account see it. */
    record Deployed(String functionName, String functionArn, Map<String, String> environment, String topic,
                    List<JsonNode> roleStatements, String alarmRulePattern, List<String> alarmRuleTargets) {
    }

    /** The StackSet template's stack for the group core, its zip uploaded to the Region's bucket first. */
    private Deployed deploy() throws Exception {
        List.of(VIF_A, VIF_B, VIF_C).forEach(v -> dx.tag(v, ManagedVifs.GROUP_TAG, GROUP));
        try (CloudFormationClient cfn = client(CloudFormationClient.builder());
             LambdaClient lambda = client(LambdaClient.builder());
             IamClient iam = client(IamClient.builder());
             EventBridgeClient events = client(EventBridgeClient.builder())) {
            uploadCode(BUCKET_PREFIX + "-" + LocalAws.REGION.id(), CODE_KEY, LocalLambda.defaultZip());
            JsonNode template = MotoStackTemplate.of(JSON.readTree(StackSetTemplateTest.STACKSET.toFile()),
                    "DxFailoverFunction");
            cfn.createStack(b -> b.stackName(STACK).templateBody(template.toString())
                    .capabilities(Capability.CAPABILITY_IAM).parameters(
                            parameter("VifGroup", GROUP), parameter("CodeBucketPrefix", BUCKET_PREFIX),
                            parameter("CodeKey", CODE_KEY), parameter("MinVifs", "1"), parameter("DryRun", "false")));
            Stack stack = cfn.describeStacks(b -> b.stackName(STACK)).stacks().get(0);
            assertThat(stack.stackStatusAsString()).as(String.valueOf(stack.stackStatusReason()))
                    .isEqualTo("CREATE_COMPLETE");
            Map<String, String> made = new LinkedHashMap<>();
            for (StackResource r : cfn.describeStackResources(b -> b.stackName(STACK)).stackResources()) {
                if (r.logicalResourceId() != null) { // moto also lists, with no id, each resource it did not make
                    made.put(r.logicalResourceId(), r.physicalResourceId());
                }
            }
            assertThat(made).containsKeys("DxFailoverFunction", "DxFailoverFunctionRole", "NotificationTopic",
                    "DxFailoverFunctionAlarmRule", "DxFailoverFunctionMaintenanceRule", "FunctionLogGroup", "Dashboard");
            GetFunctionConfigurationResponse function = lambda.getFunctionConfiguration(b -> b.functionName(
                    made.get("DxFailoverFunction")));
            assertThat(function.handler()).isEqualTo(LocalLambda.HANDLER);
            assertThat(function.role()).endsWith(":role/" + made.get("DxFailoverFunctionRole"));
            String rule = made.get("DxFailoverFunctionAlarmRule");
            return new Deployed(function.functionName(), function.functionArn(), function.environment().variables(),
                    made.get("NotificationTopic"), roleStatements(iam, made.get("DxFailoverFunctionRole")),
                    events.describeRule(b -> b.name(rule)).eventPattern(),
                    events.listTargetsByRule(b -> b.rule(rule)).targets().stream().map(t -> t.arn()).toList());
        }
    }

    @Test
    void theStackGivesTheFunctionItsGroupItsTopicAndTheAlarmRule() throws Exception {
        Deployed deployed = deploy();

        assertThat(deployed.environment()).containsEntry("VIFGROUP", GROUP).containsEntry("SNSARN", deployed.topic())
                .containsEntry("MINVIFS", "1").containsEntry("DRY_RUN", "false").doesNotContainKey("VIFLIST");
        assertThat(JSON.readTree(deployed.alarmRulePattern()))
                .isEqualTo(JSON.readTree(Files.readString(Path.of("event-rule.json"))));
        assertThat(deployed.alarmRuleTargets()).containsExactly(deployed.functionArn());
        // docs/behaviour.md §12, §18: the failover test on the group's VIFs only, as template.yaml grants it.
        assertThat(deployed.roleStatements()).filteredOn(st -> st.path("Sid").asText()
                .equals("FailoverTestOnTheGroupsVifsOnly")).singleElement()
                .satisfies(st -> assertThat(st.at("/Condition/StringEquals/aws:ResourceTag~1dx-failover:group").asText())
                        .isEqualTo(GROUP));
    }

    /**
     * The sample alarm event, which the deployed rule's pattern takes, through the packaged function with the
     * deployed environment: one failover on the fake Direct Connect, told on the stack's topic, each call allowed by
     * the stack's role.
     */
    @Test
    void aSampleAlarmFailsOverThroughTheDeployedFunctionWithItsRolesPermissions() throws Exception {
        Deployed deployed = deploy();
        String event = Files.readString(Path.of("events", "eventbridge-metric-alarm.json"));
        assertThat(matches(deployed.alarmRulePattern(), event)).as("the deployed rule's pattern takes the sample")
                .isTrue();
        aws.subscribeTo(deployed.topic());
        Map<String, String> env = new HashMap<>(deployed.environment());
        env.putAll(LocalLambda.localAwsEnv(local.moto().endpoint().toString(), dx.endpoint().toString()));
        env.put("AWS_LAMBDA_FUNCTION_NAME", deployed.functionName());
        local.moto().startRecording();
        try (LocalLambda function = LocalLambda.start(LocalLambda.defaultZip(), LocalLambda.defaultRuntimeLib(), env,
                List.of(), tmp.resolve("function.log"))) {
            Answer answer = function.invoke(event, TIMEOUT);
            List<JsonNode> recorded = local.moto().stopRecording();

            assertThat(answer.error()).as(function.output()).isFalse();
            JsonNode result = JSON.readTree(Fixtures.unwrapped(answer.body()));
            assertThat(result.get("outcome").asText()).as(function.output()).isEqualTo("FAILED_OVER");
            assertThat(result.get("virtualInterfaceId").asText()).isEqualTo(VIF_A);
            assertThat(dx.tests()).singleElement().satisfies(t -> assertThat(t.vifId()).isEqualTo(VIF_A));
            assertThat(dx.vif(VIF_A).state()).isEqualTo("testing");
            assertThat(aws.delivered()).singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("outcome", "FAILED_OVER"));
            // Its metrics carry the deployed function's name: the Deployment the stack's alarms watch (§11).
            assertThat(function.output()).contains("\"Deployment\":\"" + deployed.functionName() + "\"");

            String region = LocalAws.REGION.id();
            List<CallsMade.Call> calls = new ArrayList<>(CallsMade.fromDirectConnect(dx, region, ACCOUNT));
            calls.addAll(CallsMade.fromMoto(recorded, region, ACCOUNT));
            assertThat(calls).extracting(CallsMade.Call::action).contains("directconnect:DescribeVirtualInterfaces",
                    "directconnect:StartBgpFailoverTest", "cloudwatch:DescribeAlarms", "support:CreateCase",
                    "sns:Publish", "events:PutEvents");
            assertThat(CallsMade.notAllowed(calls, deployed.roleStatements()))
                    .as("calls the stack's role does not allow").isEmpty();
        }
    }

    /** An SDK client of moto, in the tests' region with their credentials. */
    private <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.region(LocalAws.REGION).credentialsProvider(LocalAws.CREDENTIALS)
                .endpointOverride(local.moto().endpoint()).build();
    }

    private static Parameter parameter(String key, String value) {
        return Parameter.builder().parameterKey(key).parameterValue(value).build();
    }

    /** The zip in moto's S3, as a build would upload it for each Region's bucket (docs/deploy.md). */
    private void uploadCode(String bucket, String key, Path zip) throws Exception {
        URI moto = local.moto().endpoint();
        // Unsigned: moto_server takes a request it cannot attribute to a service for S3.
        HttpClient http = HttpClient.newHttpClient();
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(moto.resolve("/" + bucket)).PUT(HttpRequest.BodyPublishers.ofString(
                        "<CreateBucketConfiguration><LocationConstraint>" + LocalAws.REGION.id()
                                + "</LocationConstraint></CreateBucketConfiguration>")).build(),
                HttpRequest.newBuilder(moto.resolve("/" + bucket + "/" + key)).header("Content-Type", "application/zip")
                        .PUT(HttpRequest.BodyPublishers.ofFile(zip)).build())) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(request.uri() + ": " + r.body()).isEqualTo(200);
        }
    }

    /** Every statement of the role's inline policies. */
    private static List<JsonNode> roleStatements(IamClient iam, String role) throws Exception {
        List<JsonNode> statements = new ArrayList<>();
        for (String name : iam.listRolePolicies(b -> b.roleName(role)).policyNames()) {
            String document = iam.getRolePolicy(b -> b.roleName(role).policyName(name)).policyDocument();
            policyDocument(document).get("Statement").forEach(statements::add);
        }
        assertThat(statements).as("statements of the role's inline policies").isNotEmpty();
        return statements;
    }

    /** IAM's URL-encoded JSON, JSON, or the Python literal moto answers with (read by Python's own ast). */
    static JsonNode policyDocument(String document) throws Exception {
        String text = document.startsWith("%7B") ? URLDecoder.decode(document, StandardCharsets.UTF_8) : document;
        if (text.startsWith("{\"") || text.startsWith("{ \"")) {
            return JSON.readTree(text);
        }
        Process python = new ProcessBuilder("python3", "-c",
                "import ast, json, sys; print(json.dumps(ast.literal_eval(sys.stdin.read())))").start();
        python.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String json = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as("a policy document as JSON or a Python literal, found " + text + ": " + err)
                .isZero();
        return JSON.readTree(json);
    }

    /**
     * Whether moto's EventBridge delivers the event to a rule with the pattern, on a bus of its own so that the
     * stack's rule does not take it too (moto's TestEventPattern matches everything: EventRuleIT).
     */
    private boolean matches(String pattern, String event) throws Exception {
        try (EventBridgeClient events = client(EventBridgeClient.builder());
             SqsClient sqs = client(SqsClient.builder())) {
            String queueUrl = sqs.createQueue(b -> b.queueName("pattern-check")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            events.createEventBus(b -> b.name("pattern-check"));
            events.putRule(b -> b.name("pattern-check").eventBusName("pattern-check").eventPattern(pattern));
            events.putTargets(b -> b.rule("pattern-check").eventBusName("pattern-check")
                    .targets(t -> t.id("queue").arn(queueArn)));
            JsonNode e = JSON.readTree(event);
            PutEventsRequestEntry entry = PutEventsRequestEntry.builder().eventBusName("pattern-check")
                    .source(e.get("source").asText()).detailType(e.get("detail-type").asText())
                    .detail(JSON.writeValueAsString(e.get("detail"))).resources(e.get("resources").get(0).asText())
                    .build();
            assertThat(events.putEvents(b -> b.entries(entry)).failedEntryCount()).isZero();
            return !sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages().isEmpty();
        }
    }
}
