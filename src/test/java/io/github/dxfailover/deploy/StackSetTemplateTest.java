package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.decision.VifDimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fleet/stackset-template.json (issue 34) is template.yaml's group variant (docs/behaviour.md §18) with no Transform,
 * for StackSets: both read as CloudFormation reads them for the same parameter values, the function's role has the
 * same statements (§12), the rules match the same events, and the alarms, dashboard, schedules and topic are the
 * same resources. A change to either file fails here until fleet/make-stackset-template is run again
 * (StackSetTemplateIT checks the file is that script's output).
 */
class StackSetTemplateTest {
    static final Path STACKSET = Path.of("fleet", "stackset-template.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "DxFailoverFunction";
    private static final String ALIAS = "DxFailoverFunctionAliaslive";
    /** What SAM makes of a function with an alias, an EventInvokeConfig, policies and rules. */
    private static final Set<String> MADE_BY_SAM = Set.of("AWS::Lambda::Function", "AWS::Lambda::Version",
            "AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig");
    /** The function's properties SAM turns into resources of their own, or that name the code. */
    private static final Set<String> SAM_ONLY_PROPERTIES = Set.of("CodeUri", "AutoPublishAlias", "Policies",
            "EventInvokeConfig", "Events", "VersionDescription");

    /** Each condition of both templates both ways, and a bus and a group name with a slash and a space. */
    static Stream<Map<String, Object>> settings() {
        return Stream.of(
                Map.of(),
                Map.of("SupportCase", "false", "EventBusName", "", "ReconcileEveryMinutes", 0),
                Map.of("EventBusName", "network-events", "ReconcileEveryMinutes", 1, "NotificationEmail",
                        "noc@example.com", "PracticeSchedule", "cron(0 10 ? * TUE *)", "PracticeOutcomeAlarms",
                        "apps 5xx"));
    }

    private static Map<String, Object> values(Map<String, Object> setting) {
        Map<String, Object> all = new HashMap<>(Map.of("VifGroup", PermissionsTest.GROUP_NAME, "MinVifs", 2,
                "AWS::Partition", "aws", "AWS::Region", PermissionsTest.REGION, "AWS::AccountId",
                PermissionsTest.ACCOUNT, "AWS::StackName", "StackSet-dx-failover-1234"));
        all.putAll(setting);
        return all;
    }

    /** template.yaml with a VifGroup, as CloudFormation reads it. */
    static CfnTemplate groupVariant(Map<String, Object> setting) throws Exception {
        CfnTemplate t = CfnTemplate.load(Path.of("template.yaml"), values(setting));
        assertThat(t.failedAssertions()).as("template.yaml accepts " + setting).isEmpty();
        return t;
    }

    /** The StackSet template with the same values and its code in dxf-code-eu-west-1. */
    static CfnTemplate stackSet(Map<String, Object> setting) throws Exception {
        Map<String, Object> all = values(setting);
        all.putAll(Map.of("CodeBucketPrefix", "dxf-code", "CodeKey", "aws-dx-failover-1.0.0.zip"));
        CfnTemplate t = CfnTemplate.load(STACKSET, all);
        assertThat(t.failedAssertions()).as("the StackSet template accepts " + setting).isEmpty();
        return t;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(CfnTemplate t, String resource) {
        assertThat(t.resources()).containsKey(resource);
        return (Map<String, Object>) t.resources().get(resource).get("Properties");
    }

    /** template.yaml names the alias DxFailoverFunction.Alias; SAM's resource for it is DxFailoverFunctionAliaslive. */
    private static JsonNode samNames(Object resolved) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(resolved).replace("ref:" + FUNCTION + ".Alias", "ref:" + ALIAS));
    }

    @Test
    void itHasNoTransformAndNothingOnlyAVifListNeeds() throws Exception {
        Map<String, Object> raw = stackSet(Map.of()).raw();
        assertThat(raw).doesNotContainKey("Transform");
        List<String> lines = Files.readAllLines(STACKSET);
        // Every partition: no ARN is written for the commercial one only.
        for (String gone : List.of("VifList", "ManageAGroup", "ManageAList", "Fn::ForEach", "AWS::Serverless::",
                "AWS::LanguageExtensions", "\"Transform\"", "arn:aws:")) {
            assertThat(lines).as("lines of the StackSet template naming " + gone).filteredOn(l -> l.contains(gone))
                    .isEmpty();
        }
    }

    /**
     * CreateStackSet and CreateStack take a TemplateBody of at most 51,200 bytes (a larger template must be uploaded to
     * S3 first): the file is passed as it is.
     */
    @Test
    void itFitsATemplateBody() throws Exception {
        assertThat(Files.size(STACKSET)).as("bytes of %s", STACKSET).isLessThanOrEqualTo(51_200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void itTakesTemplateYamlsParametersAndRulesWithAGroupRequired() throws Exception {
        Map<String, Map<String, Object>> sam = (Map<String, Map<String, Object>>) groupVariant(Map.of()).raw()
                .get("Parameters");
        Map<String, Map<String, Object>> fleet = (Map<String, Map<String, Object>>) stackSet(Map.of()).raw()
                .get("Parameters");
        Set<String> expected = new TreeSet<>(sam.keySet());
        expected.remove("VifList");
        expected.addAll(List.of("CodeBucketPrefix", "CodeKey", "MonitoringSinkArn"));
        assertThat(new TreeSet<>(fleet.keySet())).isEqualTo(expected);
        sam.forEach((name, definition) -> {
            if (!name.equals("VifList") && !name.equals("VifGroup")) {
                assertThat(fleet.get(name)).as(name).isEqualTo(definition);
            }
        });
        // No default: a StackSet manages a group in every account (§18), and the function takes each name it lets in.
        Map<String, Object> group = fleet.get("VifGroup");
        assertThat(group).doesNotContainKey("Default");
        assertThat(group.get("AllowedPattern")).isEqualTo(((String) sam.get("VifGroup").get("AllowedPattern"))
                .replace("^$|", ""));
        assertThat("").doesNotMatch((String) group.get("AllowedPattern"));
        assertThat("core network/eu").matches((String) group.get("AllowedPattern"));
        assertThat((String) group.get("Description")).doesNotContain("VifList").contains("dx-failover:group");

        Map<String, Object> samRules = new LinkedHashMap<>((Map<String, Object>) groupVariant(Map.of()).raw()
                .get("Rules"));
        samRules.keySet().removeAll(List.of("VifListOrVifGroup", "NotBothVifListAndVifGroup"));
        assertThat(stackSet(Map.of()).raw().get("Rules")).isEqualTo(samRules);
        // The rules still hold: a practice schedule with no outcome alarm is refused by both.
        Map<String, Object> noOutcome = Map.of("PracticeSchedule", "cron(0 10 ? * TUE *)");
        assertThat(CfnTemplate.load(STACKSET, values(noOutcome)).failedAssertions())
                .isEqualTo(CfnTemplate.load(Path.of("template.yaml"), values(noOutcome)).failedAssertions())
                .containsKey("PracticeNeedsOutcomeAlarms");
    }

    /**
     * docs/behaviour.md §12: the statements of template.yaml's function policies with a group, and the one SAM adds
     * for the on-failure destination (sns:publish on it); AWSLambdaBasicExecutionRole for the logs, as SAM gives it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    @SuppressWarnings("unchecked")
    void theRoleHasTheStatementsOfTemplateYamlsGroupVariant(Map<String, Object> setting) throws Exception {
        Map<String, Object> function = properties(groupVariant(setting), FUNCTION);
        List<JsonNode> expected = new ArrayList<>();
        for (Object policy : (List<Object>) function.get("Policies")) {
            JSON.valueToTree(policy).get("Statement").forEach(expected::add);
        }
        Object onFailure = ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) function
                .get("EventInvokeConfig")).get("DestinationConfig")).get("OnFailure")).get("Destination");
        expected.add(JSON.valueToTree(Map.of("Effect", "Allow", "Action", "sns:publish", "Resource", onFailure)));

        Map<String, Object> role = properties(stackSet(setting), FUNCTION + "Role");
        List<JsonNode> statements = new ArrayList<>();
        for (Object policy : (List<Object>) role.get("Policies")) {
            JSON.valueToTree(((Map<String, Object>) policy).get("PolicyDocument")).get("Statement")
                    .forEach(statements::add);
        }
        assertThat(expected).as("statements of template.yaml").hasSizeGreaterThan(6);
        assertThat(statements).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(role.get("ManagedPolicyArns"))
                .isEqualTo(List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        assertThat(JSON.valueToTree(role.get("AssumeRolePolicyDocument")).at("/Statement/0/Principal/Service"))
                .isEqualTo(JSON.valueToTree(List.of("lambda.amazonaws.com")));
        assertThat(properties(stackSet(setting), FUNCTION).get("Role")).isEqualTo("getatt:" + FUNCTION + "Role.Arn");
    }

    /** The rules of template.yaml (the alarm's, docs/behaviour.md §3; AWS Health's, §17) invoke the alias live. */
    @Test
    @SuppressWarnings("unchecked")
    void theRulesMatchTheSameEventsAndInvokeTheAlias() throws Exception {
        Map<String, Object> events = (Map<String, Object>) properties(groupVariant(Map.of()), FUNCTION).get("Events");
        CfnTemplate fleet = stackSet(Map.of());
        assertThat(events).containsKeys("AlarmRule", "MaintenanceRule");
        Set<String> rules = new TreeSet<>();
        events.forEach((name, event) -> {
            Map<String, Object> e = (Map<String, Object>) event;
            assertThat(e).containsEntry("Type", "EventBridgeRule");
            String rule = FUNCTION + name;
            rules.add(rule);
            Map<String, Object> deployed = properties(fleet, rule);
            assertThat(fleet.resources().get(rule)).containsEntry("Type", "AWS::Events::Rule");
            assertThat(deployed.get("EventPattern")).as(name)
                    .isEqualTo(((Map<String, Object>) e.get("Properties")).get("Pattern"));
            assertThat((List<Map<String, Object>>) deployed.get("Targets")).singleElement()
                    .satisfies(t -> assertThat(t).containsEntry("Arn", "ref:" + ALIAS));
            assertThat(properties(fleet, rule + "Permission")).containsEntry("FunctionName", "ref:" + ALIAS)
                    .containsEntry("Principal", "events.amazonaws.com").containsEntry("SourceArn",
                            "getatt:" + rule + ".Arn");
        });
        assertThat(fleet.resources().entrySet()).filteredOn(r -> r.getValue().get("Type").equals("AWS::Events::Rule"))
                .extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(rules);
        assertThat((JsonNode) JSON.valueToTree(properties(fleet, FUNCTION + "AlarmRule").get("EventPattern")))
                .isEqualTo(JSON.readTree(Files.readString(Path.of("event-rule.json"))));
    }

    /**
     * Every resource template.yaml writes in plain CloudFormation — the alarms, the dashboard, the schedules and their
     * roles, the topic, its subscription, the log group, the alarms' permission — is the StackSet template's, equal;
     * besides them it has only what SAM makes of the function, and the monitoring link.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theAlarmsDashboardSchedulesAndTopicAreTemplateYamls(Map<String, Object> setting) throws Exception {
        Map<String, Map<String, Object>> sam = groupVariant(setting).resources();
        Map<String, Map<String, Object>> fleet = stackSet(setting).resources();
        Set<String> plain = new TreeSet<>();
        sam.forEach((name, resource) -> {
            if (!resource.get("Type").equals("AWS::Serverless::Function")) {
                plain.add(name);
                try {
                    assertThat(samNames(fleet.get(name))).as(name).isEqualTo(samNames(resource));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertThat(plain).as("alarms of template.yaml")
                .filteredOn(n -> sam.get(n).get("Type").equals("AWS::CloudWatch::Alarm")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(plain).contains("Dashboard", "NotificationTopic", "FunctionLogGroup", "AlarmActionPermission");
        fleet.forEach((name, resource) -> assertThat(plain.contains(name) || madeBySam(name, (String) resource.get("Type"))
                || name.equals("MonitoringLink")).as(name + " is template.yaml's or SAM's").isTrue());
    }

    /** A resource SAM makes of template.yaml's function: itself, its version, alias, role, invoke config and rules. */
    private static boolean madeBySam(String name, String type) {
        return name.startsWith(FUNCTION) && (MADE_BY_SAM.contains(type) || type.equals("AWS::IAM::Role")
                || type.equals("AWS::Events::Rule") || type.equals("AWS::Lambda::Permission") && name.endsWith("RulePermission"));
    }

    /** The function's every setting is template.yaml's; its code is read from the bucket of its own Region. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    @SuppressWarnings("unchecked")
    void theFunctionIsTemplateYamlsWithItsCodeFromTheRegionsBucket(Map<String, Object> setting) throws Exception {
        Map<String, Object> sam = properties(groupVariant(setting), FUNCTION);
        CfnTemplate fleet = stackSet(setting);
        Map<String, Object> function = properties(fleet, FUNCTION);
        sam.forEach((name, value) -> {
            if (!SAM_ONLY_PROPERTIES.contains(name)) {
                assertThat(function.get(name)).as(name).isEqualTo(value);
            }
        });
        assertThat((Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables"))
                .containsEntry("VIFGROUP", PermissionsTest.GROUP_NAME).doesNotContainKey("VIFLIST");
        assertThat(function.get("Code")).isEqualTo(Map.of("S3Bucket", "dxf-code-" + PermissionsTest.REGION,
                "S3Key", "aws-dx-failover-1.0.0.zip"));

        // A new CodeKey, or a setting of template.yaml's version Description, replaces the version (its Description),
        // which the alias then points to: the settings as template.yaml gives them, with the key in front, not VifGroup.
        Map<String, Map<String, Object>> versions = new LinkedHashMap<>(fleet.resources());
        versions.values().removeIf(r -> !r.get("Type").equals("AWS::Lambda::Version"));
        assertThat(versions).hasSize(1);
        String version = versions.keySet().iterator().next();
        assertThat((Map<String, Object>) versions.get(version).get("Properties"))
                .containsEntry("FunctionName", "ref:" + FUNCTION)
                .containsEntry("Description", "aws-dx-failover-1.0.0.zip " + ((String) sam.get("VersionDescription"))
                        .replace(" " + PermissionsTest.GROUP_NAME, ""));
        assertThat(properties(fleet, ALIAS)).containsEntry("Name", sam.get("AutoPublishAlias"))
                .containsEntry("FunctionVersion", "getatt:" + version + ".Version");

        Map<String, Object> invoke = (Map<String, Object>) sam.get("EventInvokeConfig");
        Map<String, Object> deployed = properties(fleet, FUNCTION + "EventInvokeConfig");
        assertThat(deployed).containsEntry("Qualifier", sam.get("AutoPublishAlias"))
                .containsEntry("MaximumRetryAttempts", invoke.get("MaximumRetryAttempts"))
                .containsEntry("MaximumEventAgeInSeconds", invoke.get("MaximumEventAgeInSeconds"));
        assertThat(JSON.valueToTree(deployed.get("DestinationConfig")).at("/OnFailure/Destination"))
                .isEqualTo(JSON.valueToTree(invoke).at("/DestinationConfig/OnFailure/Destination"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOutputsAreTemplateYamls() throws Exception {
        assertThat(samNames(stackSet(Map.of()).resolve(stackSet(Map.of()).raw().get("Outputs"))))
                .isEqualTo(samNames(groupVariant(Map.of()).resolve(groupVariant(Map.of()).raw().get("Outputs"))));
    }

    /** A monitoring account's sink (docs/fleet.md) gets this account's DxFailover metrics (§11), and no others. */
    @Test
    @SuppressWarnings("unchecked")
    void aMonitoringSinkGetsTheFunctionsMetricsOnly() throws Exception {
        assertThat(stackSet(Map.of()).resources()).doesNotContainKey("MonitoringLink");
        String sink = "arn:aws:oam:eu-west-1:111122223333:sink/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
        Map<String, Object> link = properties(stackSet(Map.of("MonitoringSinkArn", sink)), "MonitoringLink");
        assertThat(link).containsEntry("SinkIdentifier", sink)
                .containsEntry("ResourceTypes", List.of("AWS::CloudWatch::Metric"))
                .containsEntry("LabelTemplate", "$AccountName");
        assertThat(JSON.valueToTree(link).at("/LinkConfiguration/MetricConfiguration/Filter").asText())
                .isEqualTo("Namespace = '" + VifDimension.OWN_METRICS + "'");
        Map<String, Object> parameter = ((Map<String, Map<String, Object>>) stackSet(Map.of()).raw().get("Parameters"))
                .get("MonitoringSinkArn");
        assertThat(sink).matches((String) parameter.get("AllowedPattern"));
        assertThat("").matches((String) parameter.get("AllowedPattern"));
        assertThat("arn:aws:oam:eu-west-1:111122223333:link/x").doesNotMatch((String) parameter.get("AllowedPattern"));
    }
}
