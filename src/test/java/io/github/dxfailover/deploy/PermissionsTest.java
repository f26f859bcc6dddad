package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.aws.AwsClients;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * docs/behaviour.md §12: the AWS operations the code can call, derived from the source, are exactly what
 * lambda-iam-policy.json and the template's policies allow — each on the narrowest resource — and
 * every action named is a real operation of its service.
 */
class PermissionsTest {
    private static final Map<String, Class<?>> CLIENTS = Map.of(
            "directconnect", DirectConnectClient.class, "sns", SnsClient.class, "support", SupportClient.class,
            "cloudwatch", CloudWatchClient.class);
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "123456789012";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:dx-failover";
    private static final List<String> VIFS = List.of("dxvif-fgab1234", "dxvif-fgcd5678", "dxvif-fgef9012");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An allowed (action, resource) pair. */
    record Grant(String action, String resource) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant o) {
            return (action + " " + resource).compareTo(o.action + " " + o.resource);
        }
    }

    /**
     * IAM actions of the SDK calls in src/main/java: {@code <client>.<operation>(…)} where the client is
     * a variable declared with one of the four client types, or an {@link AwsClients} accessor.
     */
    static Set<String> actionsCalledByTheCode() throws IOException {
        Set<String> actions = new TreeSet<>();
        Pattern declaration = Pattern.compile("\\b(DirectConnectClient|SnsClient|SupportClient|CloudWatchClient)\\s+(\\w+)\\s*[;,)=]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Map<String, String> prefixByVariable = new LinkedHashMap<>();
                for (RecordComponent c : AwsClients.class.getRecordComponents()) {
                    prefixByVariable.put(c.getName() + "\\s*\\(\\s*\\)", prefixOf(c.getType()));
                }
                Matcher d = declaration.matcher(source);
                while (d.find()) {
                    prefixByVariable.put(d.group(2), switch (d.group(1)) {
                        case "DirectConnectClient" -> "directconnect";
                        case "SnsClient" -> "sns";
                        case "CloudWatchClient" -> "cloudwatch";
                        default -> "support";
                    });
                }
                for (var entry : prefixByVariable.entrySet()) {
                    Matcher call = Pattern.compile("\\b" + entry.getKey() + "\\s*\\.\\s*(\\w+)\\s*\\(").matcher(source);
                    while (call.find()) {
                        String method = call.group(1);
                        if (isOperation(CLIENTS.get(entry.getValue()), method)) {
                            actions.add(entry.getValue() + ":" + Character.toUpperCase(method.charAt(0)) + method.substring(1));
                        }
                    }
                }
            }
        }
        return actions;
    }

    private static String prefixOf(Class<?> clientType) {
        return CLIENTS.entrySet().stream().filter(e -> e.getValue().equals(clientType)).findFirst().orElseThrow().getKey();
    }

    /** A service operation: a client method taking the operation's request object. */
    private static boolean isOperation(Class<?> client, String method) {
        return Arrays.stream(client.getMethods()).anyMatch(m -> m.getName().equals(method)
                && m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0]));
    }

    /** The narrowest resource each action can be granted on (docs/behaviour.md §12). */
    static Set<Grant> expectedGrants(Set<String> actions, boolean supportCase) {
        Set<Grant> grants = new TreeSet<>();
        for (String action : actions) {
            switch (action) {
                case "directconnect:DescribeVirtualInterfaces", "directconnect:DescribeConnections",
                     "directconnect:DescribeLags", "cloudwatch:DescribeAlarms", "cloudwatch:GetMetricData" ->
                        grants.add(new Grant(action, "*"));
                case "support:CreateCase", "support:DescribeSeverityLevels" -> {
                    if (supportCase) {
                        grants.add(new Grant(action, "*"));
                    }
                }
                case "sns:Publish", "sns:GetTopicAttributes" -> grants.add(new Grant(action, TOPIC));
                // The practice-run record (§16), on the listed VIFs only, like the failover test actions.
                case "directconnect:TagResource", "directconnect:UntagResource" ->
                        VIFS.forEach(v -> grants.add(new Grant(action, vifArn(v))));
                default -> {
                    assertThat(action).as("an action with no known resource scope").startsWith("directconnect:");
                    VIFS.forEach(v -> grants.add(new Grant(action, vifArn(v))));
                }
            }
        }
        return grants;
    }

    private static String vifArn(String vifId) {
        return "arn:aws:directconnect:" + REGION + ":" + ACCOUNT + ":dxvif/" + vifId;
    }

    /** lambda-iam-policy.json with its placeholders filled in as the README says. */
    static Set<Grant> jsonPolicyGrants() throws IOException {
        String text = Files.readString(Path.of("lambda-iam-policy.json"))
                .replace("REGION", REGION).replace("ACCOUNT_ID", ACCOUNT).replace("TOPIC_NAME", "dx-failover");
        JsonNode policy = JSON.readTree(text);
        Set<Grant> grants = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            List<String> resources = strings(statement.get("Resource"));
            if (resources.stream().anyMatch(r -> r.contains(":dxvif/"))) {
                // one placeholder line per VIF in VIFLIST
                assertThat(resources).allMatch(r -> r.matches("arn:aws:directconnect:" + REGION + ":" + ACCOUNT
                        + ":dxvif/dxvif-EXAMPLE\\d"));
                resources = VIFS.stream().map(PermissionsTest::vifArn).toList();
            }
            addGrants(grants, statement, resources);
        }
        return grants;
    }

    /** Every policy the template attaches to the function's role, for the given SupportCase value. */
    static Set<Grant> templateGrants(String supportCase) throws IOException {
        Set<Grant> grants = new TreeSet<>();
        for (JsonNode statement : templateStatements(supportCase)) {
            List<String> resources = strings(statement.get("Resource")).stream()
                    .map(r -> r.equals("ref:NotificationTopic") ? TOPIC : r).toList();
            addGrants(grants, statement, resources);
        }
        return grants;
    }

    /** The statements of every policy the template attaches to the function's role. */
    @SuppressWarnings("unchecked")
    static List<JsonNode> templateStatements(String supportCase) throws IOException {
        CfnTemplate template = CfnTemplate.load(Path.of("template.yaml"), Map.of(
                "VifList", VIFS, "MinVifs", 1, "SupportCase", supportCase,
                "AWS::Partition", "aws", "AWS::Region", REGION, "AWS::AccountId", ACCOUNT));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Map<String, Object> resource : template.resources().values()) {
            Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                ((List<Object>) props.get("Policies")).forEach(p -> documents.add((Map<String, Object>) p));
            } else if ("AWS::IAM::RolePolicy".equals(resource.get("Type"))) {
                assertThat(props.get("RoleName")).isEqualTo("ref:DxFailoverFunctionRole");
                documents.add((Map<String, Object>) props.get("PolicyDocument"));
            }
        }
        List<JsonNode> statements = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            JSON.valueToTree(document).get("Statement").forEach(statements::add);
        }
        return statements;
    }

    /** The statements of lambda-iam-policy.json. */
    static List<JsonNode> jsonPolicyStatements() throws IOException {
        List<JsonNode> statements = new ArrayList<>();
        JSON.readTree(Files.readString(Path.of("lambda-iam-policy.json"))).get("Statement").forEach(statements::add);
        return statements;
    }

    private static void addGrants(Set<Grant> grants, JsonNode statement, List<String> resources) {
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.has("NotAction") || statement.has("NotResource")).isFalse();
        for (String action : strings(statement.get("Action"))) {
            resources.forEach(r -> grants.add(new Grant(action, r)));
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    @Test
    void theCodeCallsTheseOperationsAndNoOthers() throws IOException {
        assertThat(actionsCalledByTheCode()).containsExactlyInAnyOrder(
                "directconnect:DescribeVirtualInterfaces",
                "directconnect:StartBgpFailoverTest",
                "directconnect:StopBgpFailoverTest",
                "directconnect:ListVirtualInterfaceTestHistory",
                "directconnect:DescribeConnections",
                "directconnect:DescribeLags",
                "cloudwatch:DescribeAlarms",
                "cloudwatch:GetMetricData",
                "sns:GetTopicAttributes",
                "support:DescribeSeverityLevels",
                "sns:Publish",
                "support:CreateCase",
                "directconnect:TagResource",
                "directconnect:UntagResource");
    }

    @Test
    void jsonPolicyAllowsExactlyWhatTheCodeCalls() throws IOException {
        assertThat(jsonPolicyGrants()).containsExactlyElementsOf(expectedGrants(actionsCalledByTheCode(), true));
    }

    @Test
    void templatePolicyAllowsExactlyWhatTheCodeCalls() throws IOException {
        assertThat(templateGrants("true")).containsExactlyElementsOf(expectedGrants(actionsCalledByTheCode(), true));
    }

    @Test
    void withoutSupportCasesTheTemplateDoesNotAllowCreateCase() throws IOException {
        Set<Grant> grants = templateGrants("false");
        assertThat(grants).extracting(Grant::action).doesNotContain("support:CreateCase", "support:DescribeSeverityLevels");
        assertThat(grants).containsExactlyElementsOf(expectedGrants(actionsCalledByTheCode(), false));
    }

    @Test
    void everyActionNamedIsARealOperationAndNoneIsAWildcard() throws IOException {
        Set<String> named = new HashSet<>();
        jsonPolicyGrants().forEach(g -> named.add(g.action()));
        templateGrants("true").forEach(g -> named.add(g.action()));
        for (String action : named) {
            assertThat(action).doesNotContain("*").contains(":");
            String[] parts = action.split(":", 2);
            assertThat(CLIENTS).as("a service this function uses").containsKey(parts[0]);
            String method = Character.toLowerCase(parts[1].charAt(0)) + parts[1].substring(1);
            assertThat(isOperation(CLIENTS.get(parts[0]), method))
                    .as(action + " is an operation of " + CLIENTS.get(parts[0]).getSimpleName()).isTrue();
        }
    }

    @Test
    void mutatingDirectConnectActionsAreLimitedToTheListedVifs() throws IOException {
        Set<String> listed = new HashSet<>(VIFS.stream().map(PermissionsTest::vifArn).toList());
        for (Set<Grant> grants : List.of(jsonPolicyGrants(), templateGrants("true"))) {
            assertThat(grants).filteredOn(g -> g.action().matches(
                            "directconnect:((Start|Stop)BgpFailoverTest|TagResource|UntagResource)"))
                    .isNotEmpty().allMatch(g -> listed.contains(g.resource()));
        }
    }

    /** The only tag keys the function may set or remove (docs/behaviour.md §12, §16). */
    private static final String TAG_KEYS = "dx-failover:*";
    private static final Set<String> TAG_ACTIONS = Set.of("directconnect:TagResource", "directconnect:UntagResource");

    /**
     * IAM supports aws:TagKeys on TagResource and UntagResource of a dxvif (Service Authorization Reference,
     * "Actions, resources, and condition keys for AWS Direct Connect"): every statement granting either carries
     * the condition, grants nothing else (a condition the other actions do not have would be vacuously true for
     * them, or, changed, would deny the failover test), and names only listed VIFs.
     */
    @Test
    void tagActionsAreLimitedToTheFunctionsOwnTagKeys() throws IOException {
        Set<String> listed = new HashSet<>(VIFS.stream().map(PermissionsTest::vifArn).toList());
        JsonNode condition = JSON.readTree("{\"ForAllValues:StringLike\": {\"aws:TagKeys\": \"" + TAG_KEYS + "\"}}");
        Map<String, List<JsonNode>> sources = new LinkedHashMap<>();
        sources.put("lambda-iam-policy.json", jsonPolicyStatements());
        sources.put("template.yaml (SupportCase=true)", templateStatements("true"));
        sources.put("template.yaml (SupportCase=false)", templateStatements("false"));
        sources.forEach((source, statements) -> {
            List<JsonNode> tagging = statements.stream()
                    .filter(st -> strings(st.get("Action")).stream().anyMatch(TAG_ACTIONS::contains)).toList();
            assertThat(tagging).as(source).isNotEmpty();
            Set<String> actions = new TreeSet<>();
            for (JsonNode statement : tagging) {
                assertThat(statement.get("Condition")).as(source + ": " + statement).isEqualTo(condition);
                assertThat(strings(statement.get("Action"))).as(source + ": " + statement)
                        .allMatch(TAG_ACTIONS::contains);
                actions.addAll(strings(statement.get("Action")));
                List<String> resources = strings(statement.get("Resource")).stream()
                        .map(r -> r.replace("REGION", REGION).replace("ACCOUNT_ID", ACCOUNT)
                                .replaceAll("dxvif-EXAMPLE(\\d)", "dxvif-" + "fgab1234"))
                        .toList();
                assertThat(resources).as(source + ": " + statement).allMatch(listed::contains);
            }
            assertThat(actions).as(source).isEqualTo(TAG_ACTIONS);
            // No other statement carries a condition: the failover test itself is never conditional.
            assertThat(statements).filteredOn(st -> !tagging.contains(st)).as(source)
                    .allMatch(st -> !st.has("Condition"));
        });
    }

    @Test
    void theTagKeysOfThePracticeAndMaintenanceRecordsAreAllowedByTheCondition() throws IOException {
        // StringLike: * matches any characters.
        Pattern allowed = Pattern.compile(Arrays.stream(TAG_KEYS.split("\\*", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElseThrow());
        Set<String> keys = new TreeSet<>();
        Matcher literal = Pattern.compile("\"(dx-failover:[A-Za-z0-9_.:/=+@-]*)\"").matcher("");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                literal.reset(Files.readString(file));
                while (literal.find()) {
                    keys.add(literal.group(1));
                }
            }
        }
        assertThat(keys).as("the tag keys of the practice and maintenance records in src/main/java (§16, §17)")
                .contains("dx-failover:practice", "dx-failover:last-practice", "dx-failover:maintenance");
        assertThat(keys).as("every key the function writes is allowed").allMatch(k -> allowed.matcher(k).matches());
        assertThat("practice").doesNotMatch(allowed.pattern());
        assertThat("aws:cloudformation:stack-name").doesNotMatch(allowed.pattern());
    }
}
