package io.github.dxfailover.deploy;

import io.github.dxfailover.deploy.PythonScript.Run;
import static io.github.dxfailover.deploy.PermissionsTest.ACCOUNT;
import static io.github.dxfailover.deploy.PermissionsTest.EVENT_BUS;
import static io.github.dxfailover.deploy.PermissionsTest.EVENT_BUS_ARN;
import static io.github.dxfailover.deploy.PermissionsTest.GROUP_NAME;
import static io.github.dxfailover.deploy.PermissionsTest.REGION;
import static io.github.dxfailover.deploy.PermissionsTest.TOPIC;
import static io.github.dxfailover.deploy.PermissionsTest.VIFS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.InvalidConfigException;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.config.VifId;
import io.github.dxfailover.deploy.PermissionsTest.Variant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * local/iam-policy, the console path's policy (docs/deploy.md): the example policy of lambda-iam-policy.json or
 * lambda-iam-policy-group.json with every placeholder filled in — each list of dxvif-EXAMPLE ARNs the given VIFs,
 * whatever statements have one — so that what {@link PermissionsTest} checks on the examples holds for its output;
 * and it takes a VIF list, a group or an event bus exactly when the function would.
 */
class IamPolicyHelperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUPPORT_SID = "DeleteIfSupportCaseFalse";
    private static final String EVENT_BUS_SID = "DeleteIfNoEventBus";

    /** Runs the helper with python3 from the project's root, as a user would. */
    static Run run(List<String> args) throws IOException, InterruptedException {
        return PythonScript.run("local/iam-policy", args, 60);
    }


    /**
     * The arguments for PermissionsTest's account, region, topic (by name) and VIFs, with some replaced (name, value)
     * or left out (name, null).
     */
    static List<String> args(String... replaced) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--region", REGION, "--account", ACCOUNT, "--topic",
                "dx-failover", "--vifs", String.join(",", VIFS)));
        for (int i = 0; i < replaced.length; i += 2) {
            options.put(replaced[i], replaced[i + 1]);
        }
        List<String> args = new ArrayList<>();
        options.forEach((name, value) -> {
            if (value != null) {
                args.addAll(List.of(name, value));
            }
        });
        return args;
    }

    private static List<String> args(Variant variant, boolean supportCase, boolean eventBus) {
        List<String> args = variant == Variant.LIST ? args() : args("--vifs", null, "--group", GROUP_NAME);
        if (!supportCase) {
            args.add("--no-support-case");
        }
        if (eventBus) {
            args.addAll(List.of("--event-bus", EVENT_BUS));
        }
        return args;
    }

    /** A successful run's policy: JSON, nothing on stderr. */
    private static JsonNode policy(Run run) throws IOException {
        assertThat(run.status()).as("exit status; stderr: " + run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return JSON.readTree(run.out());
    }

    private static List<JsonNode> statements(JsonNode policy) {
        List<JsonNode> statements = new ArrayList<>();
        policy.get("Statement").forEach(statements::add);
        return statements;
    }

    private static boolean namesExampleVifs(JsonNode statement) {
        return statement.path("Resource").toString().contains("dxvif/dxvif-EXAMPLE");
    }

    /** The ARNs of single VIFs in each statement that names any, by Sid. */
    private static Map<String, List<String>> vifArnsBySid(List<JsonNode> statements) {
        Map<String, List<String>> arns = new LinkedHashMap<>();
        for (JsonNode statement : statements) {
            List<String> vifs = PermissionsTest.strings(statement.get("Resource")).stream()
                    .filter(r -> r.contains(":dxvif/dxvif-")).toList();
            if (!vifs.isEmpty()) {
                arns.put(statement.get("Sid").asText(), vifs);
            }
        }
        return arns;
    }

    private static Set<String> actions(List<JsonNode> statements) {
        Set<String> actions = new TreeSet<>();
        statements.forEach(s -> actions.addAll(PermissionsTest.strings(s.get("Action"))));
        return actions;
    }

    private static JsonNode withResource(JsonNode statement, List<String> resource) {
        ObjectNode copy = statement.deepCopy();
        copy.set("Resource", JSON.valueToTree(resource));
        return copy;
    }

    @ParameterizedTest
    @CsvSource({"LIST, true, true", "LIST, false, true", "GROUP, true, true", "GROUP, false, true",
        "LIST, true, false", "LIST, false, false", "GROUP, true, false", "GROUP, false, false"})
    void fillsInTheExamplePolicy(Variant variant, boolean supportCase, boolean eventBus) throws Exception {
        Run run = run(args(variant, supportCase, eventBus));
        List<JsonNode> statements = statements(policy(run));
        assertThat(run.out()).doesNotContain("REGION", "ACCOUNT_ID", "TOPIC_NAME", "GROUP_NAME", "EVENT_BUS_NAME",
                "EXAMPLE");

        List<JsonNode> all = PermissionsTest.jsonPolicyStatements(variant);
        List<JsonNode> examples = all.stream()
                .filter(s -> supportCase || !s.path("Sid").asText().contains(SUPPORT_SID))
                .filter(s -> eventBus || !s.path("Sid").asText().contains(EVENT_BUS_SID)).toList();
        assertThat(examples).as("the example has one statement --no-support-case drops and one no --event-bus drops")
                .hasSize(all.size() - (supportCase ? 0 : 1) - (eventBus ? 0 : 1));
        if (!supportCase) {
            assertThat(actions(statements)).noneMatch(a -> a.startsWith("support:"));
        }
        if (!eventBus) {
            assertThat(actions(statements)).noneMatch(a -> a.startsWith("events:"));
        }
        // The given VIFs, in exactly the statements where the example lists dxvif-EXAMPLE ARNs.
        Map<String, List<String>> expectedVifs = new LinkedHashMap<>();
        examples.stream().filter(IamPolicyHelperTest::namesExampleVifs).forEach(s -> expectedVifs.put(
                s.get("Sid").asText(), VIFS.stream().map(PermissionsTest::vifArn).toList()));
        assertThat(expectedVifs.isEmpty()).as("the example lists VIFs").isEqualTo(variant == Variant.GROUP);
        assertThat(vifArnsBySid(statements)).isEqualTo(expectedVifs);
        // Everything else as in the example: the same statements, actions, conditions, in the same order.
        List<JsonNode> expected = examples.stream().map(s -> namesExampleVifs(s)
                ? withResource(s, expectedVifs.get(s.get("Sid").asText())) : s).toList();
        assertThat(statements).containsExactlyElementsOf(expected);
        assertThat(actions(statements)).isEqualTo(actions(examples));
        // ... which allows exactly what the code calls, each on the narrowest resource.
        assertThat(PermissionsTest.grants(statements)).containsExactlyElementsOf(PermissionsTest.expectedGrants(
                PermissionsTest.actionsCalledByTheCode(), supportCase, eventBus, variant));
    }

    @Test
    void aTopicArnGivesThePolicyOfItsName() throws Exception {
        assertThat(policy(run(args("--topic", TOPIC)))).isEqualTo(policy(run(args())));
    }

    /** The list's policy has both kinds of ARN: the example's dxvif-EXAMPLE lists and ARNs with placeholders. */
    @ParameterizedTest
    @CsvSource({"cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov"})
    void everyArnNamesTheRegionsPartition(String region, String partition) throws Exception {
        String topic = "arn:" + partition + ":sns:" + region + ":" + ACCOUNT + ":dx-failover";
        String commercial = run(args("--event-bus", EVENT_BUS)).out().replace("arn:aws:", "arn:" + partition + ":")
                .replace(":" + REGION + ":", ":" + region + ":");
        assertThat(commercial).contains(":events:" + region + ":");
        assertThat(policy(run(args("--region", region, "--topic", topic, "--event-bus", EVENT_BUS))))
                .isEqualTo(JSON.readTree(commercial));
        // The example's ARNs, not a value filled in that looks like one.
        JsonNode group = policy(run(args("--region", region, "--topic", topic, "--vifs", null, "--group", "arn:aws:x")));
        assertThat(group.findValuesAsText("Resource")).isNotEmpty()
                .allMatch(r -> r.equals("*") || r.startsWith("arn:" + partition + ":"));
        assertThat(group.findValuesAsText("aws:ResourceTag/dx-failover:group")).isNotEmpty().containsOnly("arn:aws:x");
    }

    /** The configuration the function reads, with MINVIFS=1 and PermissionsTest's topic; null if it refuses it. */
    private static FailoverConfig functionReads(String name, String value) {
        Map<String, String> env = new HashMap<>(Map.of("MINVIFS", "1", "SNSARN", TOPIC, name, value));
        try {
            return FailoverConfig.fromEnvironment(env);
        } catch (InvalidConfigException e) {
            return null;
        }
    }

    static Stream<String> vifLists() {
        return Stream.of("dxvif-fgab1234,dxvif-fgcd5678", " dxvif-fgab1234 ,\tdxvif-fgcd5678abcd ",
                "dxvif-fgab1234,dxvif-fgcd5678,dxvif-fgab1234", "dxvif-fgab1234,dxvif-fgab1234",
                "dxvif-fgab123,dxvif-fgcd5678", "dxvif-fgab1234,,dxvif-fgcd5678", "\u00a0dxvif-fgab1234,dxvif-fgcd5678",
                "");
    }

    @ParameterizedTest
    @MethodSource("vifLists")
    void takesTheVifListsTheFunctionTakes(String vifList) throws Exception {
        FailoverConfig config = functionReads("VIFLIST", vifList);
        Run run = run(args("--vifs", vifList));
        if (config == null) {
            assertThat(run.status()).as("exit status; stdout: " + run.out()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("iam-policy: --vifs: expected ").contains(", found '");
        } else {
            List<String> ids = ((ManagedVifs.Listed) config.managed()).ids();
            assertThat(vifArnsBySid(statements(policy(run)))).isNotEmpty().allSatisfy((sid, arns) ->
                    assertThat(arns).containsExactlyElementsOf(ids.stream().map(PermissionsTest::vifArn).toList()));
        }
    }

    static Stream<String> groupNames() {
        return Stream.of("core", " core network/eu ", "Zürich née@corp:+=._-/東京\u0663", "\u00a0core",
                "\u2003core\u2003", "x".repeat(128), "x".repeat(129), "a*b", "a\tb", "");
    }

    @ParameterizedTest
    @MethodSource("groupNames")
    void takesTheGroupNamesTheFunctionTakes(String name) throws Exception {
        FailoverConfig config = functionReads("VIFGROUP", name);
        Run run = run(args("--vifs", null, "--group", name));
        if (config == null) {
            assertThat(run.status()).as("exit status; stdout: " + run.out()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).containsExactly("iam-policy: --group: expected 1 to 128 letters, digits, "
                    + "spaces and _.:/=+-@ (the value of the tag dx-failover:group on the VIFs to manage), found '"
                    + name + "'");
        } else {
            List<String> values = policy(run).findValues("aws:ResourceTag/dx-failover:group").stream()
                    .map(JsonNode::asText).toList();
            assertThat(values).isNotEmpty().containsOnly(((ManagedVifs.Group) config.managed()).name());
        }
    }

    /** The Resource of the PutEvents statement the helper writes for this --event-bus, or null when it has none. */
    private static String busResource(JsonNode policy) {
        List<JsonNode> putting = statements(policy).stream()
                .filter(s -> PermissionsTest.strings(s.get("Action")).contains("events:PutEvents")).toList();
        assertThat(putting.size()).as("PutEvents statements").isLessThanOrEqualTo(1);
        return putting.isEmpty() ? null : putting.get(0).get("Resource").asText();
    }

    /** The EVENT_BUS the function reads from this value, beside a good VIFLIST; "refused" if it refuses it. */
    private static String functionReadsBus(String value) {
        Map<String, String> env = new HashMap<>(Map.of("MINVIFS", "1", "SNSARN", TOPIC, "VIFLIST",
                String.join(",", VIFS), "EVENT_BUS", value));
        try {
            return FailoverConfig.fromEnvironment(env).eventBus();
        } catch (InvalidConfigException e) {
            return "refused";
        }
    }

    static Stream<String> eventBuses() {
        return Stream.of("default", " network-events ", "\u2003default\u2003", "ops/dx_failover.results-1",
                "b".repeat(256), "b".repeat(257), "bad*name", "net events", "\u00a0default", "", " ",
                "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/default",
                "arn:aws:events:us-east-1:210987654321:event-bus/central", "arn:aws:events:" + REGION + ":1234:event-bus/x",
                "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":dx-failover");
    }

    /**
     * docs/behaviour.md §5, §20: a name is granted as the bus of --region and --account, an ARN as it is (PutEvents
     * goes to the bus it names); what the function takes as no bus (empty) leaves the statement out, as no option
     * does; what it refuses is refused.
     */
    @ParameterizedTest
    @MethodSource("eventBuses")
    void takesTheEventBusesTheFunctionTakes(String bus) throws Exception {
        String read = functionReadsBus(bus);
        Run run = run(args("--event-bus", bus));
        if ("refused".equals(read)) {
            assertThat(run.status()).as("exit status; stdout: " + run.out()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).containsExactly("iam-policy: --event-bus: expected an EventBridge bus name "
                    + "(1 to 256 letters, digits and ._-/, such as default) or a bus ARN such as "
                    + "arn:aws:events:eu-west-1:123456789012:event-bus/default, found '" + bus + "'");
        } else if (read == null) {
            assertThat(busResource(policy(run))).isNull();
            assertThat(policy(run)).isEqualTo(policy(run(args())));
        } else {
            assertThat(busResource(policy(run))).isEqualTo(read.startsWith("arn:") ? read
                    : "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + read);
        }
    }

    @Test
    void withoutAnEventBusThereIsNoPutEventsAndWithOneOnlyOnItsArn() throws Exception {
        assertThat(busResource(policy(run(args())))).isNull();
        assertThat(busResource(policy(run(args("--event-bus", EVENT_BUS))))).isEqualTo(EVENT_BUS_ARN);
        assertThat(busResource(policy(run(args("--event-bus", EVENT_BUS_ARN))))).isEqualTo(EVENT_BUS_ARN);
        // Everything else is the same policy.
        JsonNode with = policy(run(args("--event-bus", EVENT_BUS)));
        JsonNode without = policy(run(args()));
        assertThat(statements(with).stream().filter(s -> !s.get("Sid").asText().contains(EVENT_BUS_SID)).toList())
                .containsExactlyElementsOf(statements(without));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(args("--region", "eu-west"),
                        "--region: expected a region name such as eu-west-1, found 'eu-west'"),
                Arguments.of(args("--account", "12345678901"),
                        "--account: expected a 12-digit AWS account ID, found '12345678901'"),
                Arguments.of(args("--topic", "dx failover"), "--topic: expected an SNS topic name (1 to 256 letters, "
                        + "digits, - and _) or its ARN, found 'dx failover'"),
                Arguments.of(args("--topic", TOPIC + ".fifo"), "--topic: expected a standard SNS topic (a FIFO topic "
                        + "needs a message group id), found '" + TOPIC + ".fifo'"),
                Arguments.of(args("--topic", TOPIC.replace(REGION, "eu-central-1")),
                        "--topic: expected a topic in --region eu-west-1, found 'arn:aws:sns:eu-central-1:"),
                Arguments.of(args("--topic", TOPIC.replace(ACCOUNT, "210987654321")),
                        "--topic: expected a topic in --account 123456789012, found "),
                Arguments.of(args("--topic", TOPIC.replace("arn:aws:", "arn:aws-cn:")),
                        "--topic: expected a topic in partition aws, found "),
                Arguments.of(args("--vifs", "dxvif-fgab1234"), "--vifs: expected at least 2 distinct VIF IDs "
                        + "(MINVIFS+1: one must be able to fail over), found 'dxvif-fgab1234'"),
                Arguments.of(args("--event-bus", "bad*name"), "--event-bus: expected an EventBridge bus name (1 to 256 "
                        + "letters, digits and ._-/, such as default) or a bus ARN such as "
                        + "arn:aws:events:eu-west-1:123456789012:event-bus/default, found 'bad*name'"),
                // The function would take it, but a role in one partition cannot be granted a bus in another.
                Arguments.of(args("--event-bus", "arn:aws-cn:events:cn-north-1:" + ACCOUNT + ":event-bus/default"),
                        "--event-bus: expected a bus in partition aws (that of --region), found 'arn:aws-cn:"),
                Arguments.of(args("--group", "core"), "argument --group: not allowed with argument --vifs"),
                Arguments.of(args("--vifs", null), "one of the arguments --vifs --group is required"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputSaysWhatWasExpectedAndWritesNoPolicy(List<String> args, String message) throws Exception {
        Run run = run(args);
        assertThat(run.status()).as("exit status; stderr: " + run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(message);
    }

    @Test
    void everyProblemIsNamedAtOnce() throws Exception {
        Run run = run(args("--region", "eu-west", "--account", "1", "--vifs", "dxvif-fgab1234,dxvif-X"));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "iam-policy: --region: expected a region name such as eu-west-1, found 'eu-west'",
                "iam-policy: --account: expected a 12-digit AWS account ID, found '1'",
                "iam-policy: --vifs: expected " + VifId.EXPECTED + ", found 'dxvif-X'");
    }

    /** Past a managed policy's 6,144 characters the policy is still written, with a note on what takes it. */
    @Test
    void aLongListStillGivesThePolicyWithANoteOnItsSize() throws Exception {
        List<String> vifs = IntStream.range(0, 40).mapToObj(i -> String.format("dxvif-%08d", i)).toList();
        Run run = run(args("--vifs", String.join(",", vifs)));
        assertThat(run.status()).isZero();
        assertThat(run.err()).startsWith("iam-policy: note: ").contains("more than a managed policy takes (6,144)",
                "inline policy", "--group");
        assertThat(vifArnsBySid(statements(JSON.readTree(run.out())))).isNotEmpty().allSatisfy((sid, arns) ->
                assertThat(arns).containsExactlyElementsOf(vifs.stream().map(PermissionsTest::vifArn).toList()));
        assertThat(Arrays.stream(run.out().split("\\s+")).mapToInt(String::length).sum()).isGreaterThan(6144);
    }
}
