package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.local.LocalLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What template.yaml must deploy (docs/behaviour.md §5, §8), read as CloudFormation reads it. */
class TemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VIFS = List.of("dxvif-fgab1234", "dxvif-fgcd5678", "dxvif-fgef9012");

    private static CfnTemplate template() throws Exception {
        return CfnTemplate.load(Path.of("template.yaml"), Map.of("VifList", VIFS, "MinVifs", 2,
                "AWS::Partition", "aws", "AWS::Region", "eu-west-1", "AWS::AccountId", "123456789012"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> functionProperties(CfnTemplate t) {
        return (Map<String, Object>) t.resources().get("DxFailoverFunction").get("Properties");
    }

    @Test
    void functionIsDeployedAsTheReadmeSays() throws Exception {
        Map<String, Object> fn = functionProperties(template());
        assertThat(fn).containsEntry("Runtime", "java25")
                .containsEntry("Handler", LocalLambda.HANDLER)
                .containsEntry("ReservedConcurrentExecutions", 1)
                .containsEntry("Timeout", 60)
                .containsEntry("MemorySize", 1769)
                .containsEntry("AutoPublishAlias", "live")
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void samBuildsTheTestedZipWithTheMakefile() throws Exception {
        Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) template().raw().get("Resources"))
                .get("DxFailoverFunction");
        assertThat(function.get("Metadata")).isEqualTo(Map.of("BuildMethod", "makefile"));
        assertThat(Files.readString(Path.of("Makefile")))
                .contains("build-DxFailoverFunction:")
                .contains("mvn -B -q package -DskipTests")
                .contains("target/aws-dx-failover.zip");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableOfTheConfigurationComesFromAParameter() throws Exception {
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) functionProperties(template())
                .get("Environment")).get("Variables");
        assertThat(env).containsKeys("VIFLIST", "MINVIFS", "SNSARN", "FAILOVER", "EMAIL", "SUPPORT_CASE",
                "SUPPORT_SEVERITY", "DRY_RUN", "SUPPORT_SERVICE_CODE", "SUPPORT_CATEGORY_CODE", "MAX_UTILIZATION");
        // And every name the configuration reads, asked of the code itself.
        Set<String> read = new java.util.TreeSet<>();
        try {
            io.github.dxfailover.config.FailoverConfig.fromEnvironment(new java.util.HashMap<>() {
                @Override
                public String get(Object key) {
                    read.add((String) key);
                    return null;
                }
            });
        } catch (io.github.dxfailover.config.InvalidConfigException expected) {
            // nothing was set: every variable was asked for
        }
        assertThat(env).containsKeys(read.toArray(String[]::new));
        // C1 only, also on java25 with SnapStart, where Lambda would keep C2 (measured slower: bench/README.md).
        assertThat(env).containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        assertThat(env).containsEntry("VIFLIST", String.join(",", VIFS))
                .containsEntry("MINVIFS", "2")
                .containsEntry("SNSARN", "ref:NotificationTopic")
                .containsEntry("FAILOVER", "180")
                .containsEntry("DRY_RUN", "true") // a first deployment changes nothing
                .containsEntry("SUPPORT_SEVERITY", "urgent")
                .containsEntry("SUPPORT_SERVICE_CODE", "aws-direct-connect")
                .containsEntry("SUPPORT_CATEGORY_CODE", "connection-issue")
                .containsEntry("MAX_UTILIZATION", "80");
    }

    @Test
    @SuppressWarnings("unchecked")
    void parametersCarryTheConstraintsOfTheConfiguration() throws Exception {
        Map<String, Map<String, Object>> p = (Map<String, Map<String, Object>>) template().raw().get("Parameters");
        assertThat(p.get("MinVifs")).containsEntry("MinValue", 1);
        assertThat(p.get("FailoverMinutes")).containsEntry("MinValue", 1).containsEntry("MaxValue", 4320);
        assertThat(p.get("MaxUtilization")).containsEntry("MinValue", 0).containsEntry("MaxValue", 100)
                .containsEntry("Default", 80);
        assertThat(p.get("SupportSeverity").get("AllowedValues")).asList()
                .containsExactly("low", "normal", "high", "urgent", "critical");
        assertThat(p.get("DryRun").get("AllowedValues")).asList().containsExactly("true", "false");
        assertThat(p.get("SupportCase").get("AllowedValues")).asList().containsExactly("true", "false");
        String vifPattern = (String) p.get("VifList").get("AllowedPattern");
        assertThat("dxvif-fgab1234").matches(vifPattern);
        assertThat("dxvif-FGAB1234").doesNotMatch(vifPattern);
        assertThat("dxvif-abc").doesNotMatch(vifPattern);
        String ccPattern = (String) p.get("SupportCcEmails").get("AllowedPattern");
        assertThat("").matches(ccPattern);
        assertThat("a@example.com,b@example.com").matches(ccPattern);
        assertThat("a@example.com,".repeat(10) + "k@example.com").doesNotMatch(ccPattern);
    }

    @Test
    @SuppressWarnings("unchecked")
    void failedEvaluationsReachTheTeamAfterTwoRetries() throws Exception {
        Map<String, Object> invoke = (Map<String, Object>) functionProperties(template()).get("EventInvokeConfig");
        assertThat(invoke).containsEntry("MaximumRetryAttempts", 2);
        assertThat((int) invoke.get("MaximumEventAgeInSeconds")).isBetween(60, 3600);
        assertThat(invoke.get("DestinationConfig"))
                .isEqualTo(Map.of("OnFailure", Map.of("Type", "SNS", "Destination", "ref:NotificationTopic")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRuleUsesThePatternOfEventRuleJson() throws Exception {
        Map<String, Object> events = (Map<String, Object>) functionProperties(template()).get("Events");
        Map<String, Object> rule = (Map<String, Object>) events.get("AlarmRule");
        assertThat(rule).containsEntry("Type", "EventBridgeRule");
        JsonNode templatePattern = JSON.valueToTree(((Map<String, Object>) rule.get("Properties")).get("Pattern"));
        JsonNode file = JSON.readTree(Files.readString(Path.of("event-rule.json")));
        assertThat(templatePattern).isEqualTo(file);
    }

    @Test
    @SuppressWarnings("unchecked")
    void outputsNameTheFunctionAliasTopicAndRule() throws Exception {
        Map<String, Object> outputs = (Map<String, Object>) template().raw().get("Outputs");
        assertThat(outputs).containsKeys("FunctionName", "FunctionAlias", "NotificationTopicArn", "AlarmRuleName");
    }

    @Test
    void emailSubscriptionOnlyWhenAnAddressIsGiven() throws Exception {
        assertThat(template().resources()).doesNotContainKey("NotificationEmailSubscription");
        CfnTemplate withEmail = CfnTemplate.load(Path.of("template.yaml"), Map.of("VifList", VIFS,
                "NotificationEmail", "noc@example.com", "AWS::Partition", "aws", "AWS::Region", "eu-west-1",
                "AWS::AccountId", "123456789012"));
        assertThat(withEmail.resources()).containsKey("NotificationEmailSubscription");
    }

    private static CfnTemplate templateWith(String name, Object value) throws Exception {
        return CfnTemplate.load(Path.of("template.yaml"), Map.of("VifList", VIFS, name, value,
                "AWS::Partition", "aws", "AWS::Region", "eu-west-1", "AWS::AccountId", "123456789012"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reconcileRunsEveryFiveMinutesByDefaultWithTheReconcileCommand() throws Exception {
        Map<String, Object> schedule = (Map<String, Object>) template().resources().get("ReconcileSchedule")
                .get("Properties");
        assertThat(schedule.get("ScheduleExpression")).isEqualTo("rate(5 minutes)");
        Map<String, Object> target = (Map<String, Object>) schedule.get("Target");
        Map<String, Object> input = JSON.readValue((String) target.get("Input"), new TypeReference<>() {
        });
        assertThat(input).isEqualTo(Map.of("action", "reconcile"));
        assertThat(io.github.dxfailover.input.RequestParser.parse(input))
                .isInstanceOf(io.github.dxfailover.input.Request.Reconcile.class);
        assertThat(template().resources()).containsKey("ReconcileScheduleRole");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reconcileRateIsTheParameterAndZeroLeavesNoSchedule() throws Exception {
        Map<String, Object> everyMinute = (Map<String, Object>) templateWith("ReconcileEveryMinutes", 1).resources()
                .get("ReconcileSchedule").get("Properties");
        assertThat(everyMinute.get("ScheduleExpression")).isEqualTo("rate(1 minute)");
        Map<String, Object> hourly = (Map<String, Object>) templateWith("ReconcileEveryMinutes", 60).resources()
                .get("ReconcileSchedule").get("Properties");
        assertThat(hourly.get("ScheduleExpression")).isEqualTo("rate(60 minutes)");
        assertThat(templateWith("ReconcileEveryMinutes", 0).resources())
                .doesNotContainKeys("ReconcileSchedule", "ReconcileScheduleRole");
        Map<String, Object> parameter = (Map<String, Object>) ((Map<String, Object>) template().raw().get("Parameters"))
                .get("ReconcileEveryMinutes");
        assertThat(parameter).containsEntry("MinValue", 0).containsEntry("MaxValue", 1440).containsEntry("Default", 5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFunctionLogsToItsOwnGroupKeptNinetyDaysByDefault() throws Exception {
        CfnTemplate t = template();
        assertThat(functionProperties(t).get("LoggingConfig")).isEqualTo(Map.of("LogGroup", "ref:FunctionLogGroup"));
        Map<String, Object> group = (Map<String, Object>) t.resources().get("FunctionLogGroup").get("Properties");
        assertThat(group.get("RetentionInDays")).isEqualTo("90"); // a Ref of a Number parameter is a string
        assertThat(templateWith("LogRetentionDays", 365).resources().get("FunctionLogGroup").get("Properties"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("RetentionInDays", "365");
    }

    @Test
    @SuppressWarnings("unchecked")
    void alarmsOnTheFunctionNotifyTheTopic() throws Exception {
        Map<String, Map<String, Object>> resources = template().resources();
        Map<String, String[]> expected = Map.of(
                "FailedOverAlarm", new String[] {"DxFailover", "FAILED_OVER"},
                "FunctionErrorsMetricAlarm", new String[] {"DxFailover", "Errors"},
                "LambdaErrorsAlarm", new String[] {"AWS/Lambda", "Errors"},
                "LambdaThrottlesAlarm", new String[] {"AWS/Lambda", "Throttles"});
        expected.forEach((id, metric) -> {
            assertThat(resources.get(id)).as(id).containsEntry("Type", "AWS::CloudWatch::Alarm");
            Map<String, Object> alarm = (Map<String, Object>) resources.get(id).get("Properties");
            assertThat(alarm).as(id).containsEntry("Namespace", metric[0]).containsEntry("MetricName", metric[1])
                    .containsEntry("Statistic", "Sum").containsEntry("Threshold", 1)
                    .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                    .containsEntry("TreatMissingData", "notBreaching")
                    .containsEntry("AlarmActions", List.of("ref:NotificationTopic"));
            // Never mistaken for a VIF's alarm by the rule or by reconcile.
            assertThat((String) alarm.get("AlarmName")).doesNotStartWith("dxvif-");
        });
        Map<String, Object> lambdaErrors = (Map<String, Object>) resources.get("LambdaErrorsAlarm").get("Properties");
        assertThat((List<Map<String, Object>>) lambdaErrors.get("Dimensions")).extracting(d -> d.get("Name"))
                .containsExactly("FunctionName", "Resource");
        assertThat(((List<Map<String, Object>>) lambdaErrors.get("Dimensions")).get(1).get("Value").toString())
                .endsWith(":live");
    }
}
