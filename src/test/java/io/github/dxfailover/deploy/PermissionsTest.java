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
import io.github.dxfailover.config.ManagedVifs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * docs/behaviour.md §12: the AWS operations the code can call, derived from the source, are exactly what
 * lambda-iam-policy.json (VIFLIST), lambda-iam-policy-group.json (VIFGROUP) and the template's policies for each allow
 * — each on the narrowest resource — every action named is a real operation of its service, and no grant lets the
 * function write or remove the group tag (§18). PutEvents only on the EVENT_BUS bus, and only when it is set (§20).
 */
class PermissionsTest {
    private static final Map<String, Class<?>> CLIENTS = Map.of(
            "directconnect", DirectConnectClient.class, "sns", SnsClient.class, "support", SupportClient.class,
            "cloudwatch", CloudWatchClient.class, "events", EventBridgeClient.class);
    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "123456789012";
    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:dx-failover";
    static final List<String> VIFS = List.of("dxvif-fgab1234", "dxvif-fgcd5678", "dxvif-fgef9012");
    /** A group name with a space and a slash, as tag values may have. */
    static final String GROUP_NAME = "core network/eu";
    /** EVENT_BUS: a bus of the account, by name (docs/behaviour.md §20). */
    static final String EVENT_BUS = "network-events";
    static final String EVENT_BUS_ARN = "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + EVENT_BUS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP_TAG_KEY = "aws:ResourceTag/dx-failover:group";

    /**
     * The two ways of naming the managed VIFs (docs/behaviour.md §5, §18), each with its console policy and its stack.
     *
     * @param policyFile the policy for the console path
     * @param parameters the stack's parameters for it
     */
    enum Variant {
        LIST("lambda-iam-policy.json", Map.of("VifList", VIFS)),
        GROUP("lambda-iam-policy-group.json", Map.of("VifGroup", GROUP_NAME));

        final String policyFile;
        final Map<String, Object> parameters;

        Variant(String policyFile, Map<String, Object> parameters) {
            this.policyFile = policyFile;
            this.parameters = parameters;
        }
    }

    /**
     * An allowed (action, resource) pair; a resource scoped by the VIF's group tag reads
     * {@code arn:…:dxvif/* [dx-failover:group=<group>]} ({@code if set} when the tag may also be absent).
     */
    record Grant(String action, String resource) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant o) {
            return (action + " " + resource).compareTo(o.action + " " + o.resource);
        }
    }

    /**
     * IAM actions of the SDK calls in src/main/java: {@code <client>.<operation>(…)} where the client is
     * a variable declared with one of the client types of {@link #CLIENTS}, or an {@link AwsClients} accessor.
     */
    static Set<String> actionsCalledByTheCode() throws IOException {
        Set<String> actions = new TreeSet<>();
        Map<String, String> prefixByType = new LinkedHashMap<>();
        CLIENTS.forEach((prefix, type) -> prefixByType.put(type.getSimpleName(), prefix));
        Pattern declaration = Pattern.compile("\\b(" + String.join("|", prefixByType.keySet())
                + ")\\s+(\\w+)\\s*[;,)=]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Map<String, String> prefixByVariable = new LinkedHashMap<>();
                for (RecordComponent c : AwsClients.class.getRecordComponents()) {
                    prefixByVariable.put(c.getName() + "\\s*\\(\\s*\\)", prefixOf(c.getType()));
                }
                Matcher d = declaration.matcher(source);
                while (d.find()) {
                    prefixByVariable.put(d.group(2), prefixByType.get(d.group(1)));
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
        return CLIENTS.entrySet().stream().filter(e -> e.getValue().equals(clientType)).findFirst()
                .orElseThrow(() -> new AssertionError("AwsClients has a client of " + clientType.getSimpleName()
                        + ": add it and its IAM prefix to PermissionsTest.CLIENTS"))
                .getKey();
    }

    /** A service operation: a client method taking the operation's request object. */
    private static boolean isOperation(Class<?> client, String method) {
        return Arrays.stream(client.getMethods()).anyMatch(m -> m.getName().equals(method)
                && m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0]));
    }

    /**
     * The narrowest resource each action can be granted on (docs/behaviour.md §12, §18, §20).
     *
     * @param eventBus EVENT_BUS is set (to {@link #EVENT_BUS})
     */
    static Set<Grant> expectedGrants(Set<String> actions, boolean supportCase, boolean eventBus, Variant variant) {
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
                case "events:PutEvents" -> {
                    if (eventBus) {
                        grants.add(new Grant(action, EVENT_BUS_ARN));
                    }
                }
                default -> {
                    // The failover test and the function's own record tags (§16): on the listed VIFs only, or on
                    // every VIF whose own tag names the group. IAM does not list aws:ResourceTag for UntagResource
                    // and DescribeTags (only for the dxvif resource): there the condition applies where IAM evaluates
                    // it, and DescribeTags (status's read, §14) shares UntagResource's statement.
                    assertThat(action).as("an action with no known resource scope").startsWith("directconnect:");
                    if (variant == Variant.LIST) {
                        VIFS.forEach(v -> grants.add(new Grant(action, vifArn(v))));
                    } else {
                        grants.add(new Grant(action, vifArn("*") + " [dx-failover:group=" + GROUP_NAME
                                + (UNTAG_STATEMENT.contains(action) ? " if set]" : "]")));
                    }
                }
            }
        }
        return grants;
    }

    static String vifArn(String vifId) {
        return "arn:aws:directconnect:" + REGION + ":" + ACCOUNT + ":dxvif/" + vifId;
    }

    /** The console policy's text with its placeholders filled in as the README says. */
    private static String jsonPolicyText(Variant variant) throws IOException {
        return Files.readString(Path.of(variant.policyFile)).replace("REGION", REGION).replace("ACCOUNT_ID", ACCOUNT)
                .replace("TOPIC_NAME", "dx-failover").replace("GROUP_NAME", GROUP_NAME)
                .replace("EVENT_BUS_NAME", EVENT_BUS);
    }

    /** The console policy's grants; a list of placeholder ARNs stands for the VIFs of VIFLIST. */
    static Set<Grant> jsonPolicyGrants(Variant variant) throws IOException {
        return grants(jsonPolicyStatements(variant));
    }

    /** The grants of a policy's statements; a list of placeholder ARNs stands for the VIFs of VIFLIST. */
    static Set<Grant> grants(List<JsonNode> statements) {
        Set<Grant> grants = new TreeSet<>();
        for (JsonNode statement : statements) {
            List<String> resources = strings(statement.get("Resource"));
            if (resources.stream().anyMatch(r -> r.matches(".*:dxvif/dxvif-EXAMPLE\\d"))) {
                // one placeholder line per VIF in VIFLIST
                assertThat(resources).allMatch(r -> r.matches("arn:aws:directconnect:" + REGION + ":" + ACCOUNT
                        + ":dxvif/dxvif-EXAMPLE\\d"));
                resources = VIFS.stream().map(PermissionsTest::vifArn).toList();
            }
            addGrants(grants, statement, resources);
        }
        return grants;
    }

    /** Every policy the template attaches to the function's role, for the given SupportCase and EventBusName. */
    static Set<Grant> templateGrants(String supportCase, String eventBusName, Variant variant) throws IOException {
        Set<Grant> grants = new TreeSet<>();
        for (JsonNode statement : templateStatements(supportCase, eventBusName, variant)) {
            List<String> resources = strings(statement.get("Resource")).stream()
                    .map(r -> r.equals("ref:NotificationTopic") ? TOPIC : r).toList();
            addGrants(grants, statement, resources);
        }
        return grants;
    }

    /** The statements of every policy the template attaches to the function's role. */
    @SuppressWarnings("unchecked")
    static List<JsonNode> templateStatements(String supportCase, String eventBusName, Variant variant)
            throws IOException {
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("MinVifs", 1, "SupportCase", supportCase,
                "EventBusName", eventBusName, "AWS::Partition", "aws", "AWS::Region", REGION, "AWS::AccountId", ACCOUNT));
        parameters.putAll(variant.parameters);
        CfnTemplate template = CfnTemplate.load(Path.of("template.yaml"), parameters);
        assertThat(template.failedAssertions()).as("the stack accepts " + variant).isEmpty();
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

    /** The statements of the console policy. */
    static List<JsonNode> jsonPolicyStatements(Variant variant) throws IOException {
        List<JsonNode> statements = new ArrayList<>();
        JSON.readTree(jsonPolicyText(variant)).get("Statement").forEach(statements::add);
        return statements;
    }

    /** Every policy of a variant, by where it comes from. */
    private static Map<String, List<JsonNode>> sources(Variant variant) throws IOException {
        Map<String, List<JsonNode>> sources = new LinkedHashMap<>();
        sources.put(variant.policyFile, jsonPolicyStatements(variant));
        sources.put("template.yaml " + variant + " (SupportCase=true)", templateStatements("true", EVENT_BUS, variant));
        sources.put("template.yaml " + variant + " (SupportCase=false)", templateStatements("false", EVENT_BUS, variant));
        sources.put("template.yaml " + variant + " (EventBusName empty)", templateStatements("true", "", variant));
        return sources;
    }

    /**
     * The grants of an Allow statement; a Deny grants nothing (what it takes away is checked below). A condition on the
     * VIF's group tag scopes the resource; the tag-key conditions are checked by their own tests.
     */
    private static void addGrants(Set<Grant> grants, JsonNode statement, List<String> resources) {
        assertThat(statement.has("NotAction") || statement.has("NotResource")).isFalse();
        if (statement.get("Effect").asText().equals("Deny")) {
            return;
        }
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        String scope = "";
        JsonNode condition = statement.path("Condition");
        if (condition.path("StringEquals").has(GROUP_TAG_KEY)) {
            scope = " [dx-failover:group=" + condition.path("StringEquals").get(GROUP_TAG_KEY).asText() + "]";
        } else if (condition.path("StringEqualsIfExists").has(GROUP_TAG_KEY)) {
            scope = " [dx-failover:group=" + condition.path("StringEqualsIfExists").get(GROUP_TAG_KEY).asText()
                    + " if set]";
        }
        for (String action : strings(statement.get("Action"))) {
            for (String r : resources) {
                grants.add(new Grant(action, r + scope));
            }
        }
    }

    static List<String> strings(JsonNode node) {
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
                "directconnect:UntagResource",
                "directconnect:DescribeTags",
                "events:PutEvents");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void jsonPolicyAllowsExactlyWhatTheCodeCalls(Variant variant) throws IOException {
        assertThat(jsonPolicyGrants(variant)).containsExactlyElementsOf(expectedGrants(actionsCalledByTheCode(), true,
                true, variant));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void templatePolicyAllowsExactlyWhatTheCodeCalls(Variant variant) throws IOException {
        assertThat(templateGrants("true", EVENT_BUS, variant)).containsExactlyElementsOf(expectedGrants(
                actionsCalledByTheCode(), true, true, variant));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void withoutSupportCasesTheTemplateDoesNotAllowCreateCase(Variant variant) throws IOException {
        Set<Grant> grants = templateGrants("false", EVENT_BUS, variant);
        assertThat(grants).extracting(Grant::action).doesNotContain("support:CreateCase", "support:DescribeSeverityLevels");
        assertThat(grants).containsExactlyElementsOf(expectedGrants(actionsCalledByTheCode(), false, true, variant));
    }

    /** docs/behaviour.md §12, §20: EventBusName empty is no EVENT_BUS, so no events:* at all. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void withoutAnEventBusTheTemplateDoesNotAllowPutEvents(Variant variant) throws IOException {
        Set<Grant> grants = templateGrants("true", "", variant);
        assertThat(grants).extracting(Grant::action).noneMatch(a -> a.startsWith("events:"));
        assertThat(grants).containsExactlyElementsOf(expectedGrants(actionsCalledByTheCode(), true, false, variant));
    }

    /**
     * PutEvents only on the bus's own ARN, never "*" (another bus would then take the function's events), in one
     * statement of its own: the console policy's says by its Sid that it goes when EVENT_BUS is not set
     * (local/iam-policy drops it), and the template's exists only with a bus.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void putEventsIsGrantedOnTheBusAloneInAStatementOfItsOwn(Variant variant) throws IOException {
        sources(variant).forEach((source, statements) -> {
            List<JsonNode> putting = statements.stream()
                    .filter(st -> strings(st.get("Action")).stream().anyMatch(a -> a.startsWith("events:"))).toList();
            if (source.contains("EventBusName empty")) {
                assertThat(putting).as(source).isEmpty();
                return;
            }
            assertThat(putting).as(source).hasSize(1);
            JsonNode statement = putting.get(0);
            assertThat(strings(statement.get("Action"))).as(source).containsExactly("events:PutEvents");
            assertThat(strings(statement.get("Resource"))).as(source).containsExactly(EVENT_BUS_ARN);
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.has("Condition")).as(source).isFalse();
            if (source.equals(variant.policyFile)) {
                assertThat(statement.get("Sid").asText()).as(source).contains("DeleteIfNoEventBus");
                assertThat(statements).as(source + ": one statement to drop without EVENT_BUS")
                        .filteredOn(st -> st.path("Sid").asText().contains("DeleteIfNoEventBus")).hasSize(1);
            }
        });
        // The console policy names the bus by its placeholders, as the topic, so that local/iam-policy fills them in.
        assertThat(Files.readString(Path.of(variant.policyFile)))
                .contains("\"arn:aws:events:REGION:ACCOUNT_ID:event-bus/EVENT_BUS_NAME\"");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyActionNamedIsARealOperationAndNoneIsAWildcard(Variant variant) throws IOException {
        Set<String> named = new HashSet<>();
        for (List<JsonNode> statements : sources(variant).values()) {
            statements.forEach(st -> named.addAll(strings(st.get("Action"))));
        }
        for (String action : named) {
            assertThat(action).doesNotContain("*").contains(":");
            String[] parts = action.split(":", 2);
            assertThat(CLIENTS).as("a service this function uses").containsKey(parts[0]);
            String method = Character.toLowerCase(parts[1].charAt(0)) + parts[1].substring(1);
            assertThat(isOperation(CLIENTS.get(parts[0]), method))
                    .as(action + " is an operation of " + CLIENTS.get(parts[0]).getSimpleName()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void mutatingDirectConnectActionsAreLimitedToTheManagedVifs(Variant variant) throws IOException {
        Set<String> managed = new HashSet<>(variant == Variant.LIST
                ? VIFS.stream().map(PermissionsTest::vifArn).toList()
                : List.of(vifArn("*") + " [dx-failover:group=" + GROUP_NAME + "]",
                        vifArn("*") + " [dx-failover:group=" + GROUP_NAME + " if set]"));
        for (Set<Grant> grants : List.of(jsonPolicyGrants(variant), templateGrants("true", EVENT_BUS, variant))) {
            assertThat(grants).filteredOn(g -> g.action().matches(
                            "directconnect:((Start|Stop)BgpFailoverTest|TagResource|UntagResource)"))
                    .isNotEmpty().allMatch(g -> managed.contains(g.resource()));
        }
    }

    /** The keys of the function's own records: the practice run's (§16) and the maintenance window's (§17). */
    private static final Set<String> RECORD_KEYS = Set.of("dx-failover:practice", "dx-failover:last-practice",
            "dx-failover:maintenance");
    private static final String GROUP_KEY = ManagedVifs.GROUP_TAG;
    private static final Set<String> TAG_ACTIONS = Set.of("directconnect:TagResource", "directconnect:UntagResource");
    /** The read status makes to see the record statements are there (§14): in them, and nowhere else. */
    private static final String DESCRIBE_TAGS = "directconnect:DescribeTags";
    /** The group's statement whose group condition is IfExists (see expectedGrants). */
    private static final Set<String> UNTAG_STATEMENT = Set.of("directconnect:UntagResource", DESCRIBE_TAGS);

    /**
     * IAM supports aws:TagKeys on TagResource and UntagResource of a dxvif (Service Authorization Reference, "Actions,
     * resources, and condition keys for AWS Direct Connect"): every statement granting either carries it — with
     * VIFLIST {@code dx-failover:*} in each per-VIF policy as before, with VIFGROUP exactly the record keys — and grants
     * nothing else (a condition the other actions do not have would be vacuously true for them, or, changed, would deny
     * the failover test). Only the group's statements carry the VIF's group tag as a condition.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void tagActionsAreLimitedToTheFunctionsOwnTagKeys(Variant variant) throws IOException {
        JsonNode listKeys = JSON.readTree("{\"ForAllValues:StringLike\": {\"aws:TagKeys\": \"dx-failover:*\"}}");
        JsonNode recordKeys = JSON.valueToTree(Map.of("aws:TagKeys", List.of("dx-failover:practice",
                "dx-failover:last-practice", "dx-failover:maintenance")));
        sources(variant).forEach((source, statements) -> {
            List<JsonNode> allowing = statements.stream().filter(st -> st.get("Effect").asText().equals("Allow")).toList();
            List<JsonNode> tagging = allowing.stream()
                    .filter(st -> strings(st.get("Action")).stream().anyMatch(TAG_ACTIONS::contains)).toList();
            assertThat(tagging).as(source).isNotEmpty();
            Set<String> actions = new TreeSet<>();
            for (JsonNode statement : tagging) {
                assertThat(strings(statement.get("Action"))).as(source + ": " + statement)
                        .allMatch(a -> TAG_ACTIONS.contains(a) || a.equals(DESCRIBE_TAGS));
                actions.addAll(strings(statement.get("Action")));
                if (variant == Variant.LIST) {
                    assertThat(statement.get("Condition")).as(source + ": " + statement).isEqualTo(listKeys);
                } else {
                    assertThat(statement.at("/Condition/ForAllValues:StringEquals")).as(source + ": " + statement)
                            .isEqualTo(recordKeys);
                    assertThat(statement.get("Condition").size()).as(source + ": " + statement).isEqualTo(2);
                }
            }
            assertThat(actions).as(source).containsExactlyInAnyOrder("directconnect:TagResource",
                    "directconnect:UntagResource", DESCRIBE_TAGS);
            // The failover test is conditional only on the VIF's group tag, and only with a group.
            for (JsonNode st : allowing.stream().filter(st -> !tagging.contains(st)).toList()) {
                boolean failoverTest = strings(st.get("Action")).contains("directconnect:StartBgpFailoverTest");
                if (variant == Variant.GROUP && failoverTest) {
                    assertThat(st.get("Condition")).as(source + ": " + st).isEqualTo(JSON.valueToTree(Map.of(
                            "StringEquals", Map.of(GROUP_TAG_KEY, GROUP_NAME))));
                } else {
                    assertThat(st.has("Condition")).as(source + ": " + st).isFalse();
                }
            }
        });
    }

    /**
     * Whether a policy lets a call with these tag keys through on a VIF of the managed set: an Allow of the action
     * whose tag-key condition admits them, and no Deny of the action whose condition matches them (IAM's evaluation,
     * for the operators these policies use: ForAllValues / ForAnyValue with StringEquals / StringLike).
     */
    private static boolean allows(List<JsonNode> statements, String action, Set<String> keys) {
        boolean allowed = false;
        for (JsonNode st : statements) {
            if (!strings(st.get("Action")).contains(action)) {
                continue;
            }
            boolean matches = true;
            for (var condition : (Iterable<Map.Entry<String, JsonNode>>) st.path("Condition")::fields) {
                JsonNode values = condition.getValue().get("aws:TagKeys");
                if (values == null) {
                    continue; // the VIF's group tag: the VIF is one of the group's
                }
                List<String> patterns = strings(values);
                java.util.function.Predicate<String> one = key -> patterns.stream().anyMatch(p -> condition.getKey()
                        .endsWith("StringLike") ? key.matches(Pattern.quote(p).replace("*", "\\E.*\\Q")) : key.equals(p));
                matches &= condition.getKey().startsWith("ForAllValues:") ? keys.stream().allMatch(one)
                        : keys.stream().anyMatch(one);
            }
            if (matches && st.get("Effect").asText().equals("Deny")) {
                return false;
            }
            allowed |= matches;
        }
        return allowed;
    }

    /**
     * docs/behaviour.md §12, §18: the group tag is the function's reach, so no policy lets it write or remove
     * dx-failover:group, alone or with its own keys — with VIFLIST too, where the per-VIF statements allow
     * dx-failover:* and one Deny of constant size takes it back — while every record key stays writable.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void noGrantAllowsWritingTheGroupTagAndEveryRecordKeyIsWritable(Variant variant) throws IOException {
        sources(variant).forEach((source, statements) -> {
            for (String action : TAG_ACTIONS) {
                assertThat(allows(statements, action, Set.of(GROUP_KEY))).as(source + " " + action).isFalse();
                assertThat(allows(statements, action, Set.of("dx-failover:practice", GROUP_KEY))).as(source + " " + action)
                        .isFalse();
                for (String key : RECORD_KEYS) {
                    assertThat(allows(statements, action, Set.of(key))).as(source + " " + action + " " + key).isTrue();
                }
                assertThat(allows(statements, action, Set.of("aws:cloudformation:stack-name"))).as(source).isFalse();
                assertThat(allows(statements, action, Set.of("team"))).as(source).isFalse();
            }
        });
    }

    @Test
    void theTagKeysTheCodeWritesAreRecordKeysAndTheGroupTagIsOnlyRead() throws IOException {
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
        assertThat(keys).as("the tag keys named in src/main/java").contains("dx-failover:practice",
                "dx-failover:last-practice", "dx-failover:maintenance", GROUP_KEY);
        keys.remove(GROUP_KEY);
        assertThat(RECORD_KEYS).as("every key the code names besides the group tag is a record key the policies allow")
                .containsAll(keys);
    }
}
