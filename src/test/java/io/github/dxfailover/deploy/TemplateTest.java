package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.local.LocalLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What template.yaml must deploy (docs/behaviour.md §5, §8, §13, §16, §20), read as CloudFormation reads it. */
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

    /**
     * A published version keeps its settings, and SAM publishes on a code change only: the version's Description
     * carries every number and true/false parameter the function reads, VifGroup and SettingsRevision, so that a change
     * of any publishes a version for the alias (DryRun=false arms the function); within Lambda's 256 characters with
     * the longest values the parameters allow.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aSettingsChangePublishesAVersionForTheAlias() throws Exception {
        Map<String, Object> raw = template().raw();
        Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) raw
                .get("Resources")).get("DxFailoverFunction")).get("Properties");
        assertThat(properties).containsEntry("AutoPublishAlias", "live");
        String sub = (String) ((Map<String, Object>) properties.get("VersionDescription")).get("Fn::Sub");
        java.util.Set<String> named = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{(\\w+)}").matcher(sub);
        while (m.find()) {
            named.add(m.group(1));
        }
        Map<String, Map<String, Object>> parameters = (Map<String, Map<String, Object>>) raw.get("Parameters");
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) properties.get("Environment"))
                .get("Variables");
        java.util.Set<String> expected = new java.util.TreeSet<>(List.of("VifGroup", "SettingsRevision"));
        for (Object value : variables.values()) {
            if (value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name && parameters.containsKey(name)
                    && (parameters.get(name).get("Type").equals("Number")
                    || List.of("true", "false").equals(parameters.get(name).get("AllowedValues"))
                    || parameters.get(name).get("AllowedValues") != null)) {
                expected.add(name);
            }
        }
        assertThat(named).isEqualTo(expected);
        Map<String, String> longest = new java.util.HashMap<>(Map.of("DryRun", "false", "MinVifs",
                String.valueOf(parameters.get("MinVifs").get("MaxValue")), "SupportCase", "false", "SupportSeverity",
                "critical", "SettingsRevision", "r".repeat(32), "VifGroup", "g".repeat(128)));
        for (String name : named) {
            longest.putIfAbsent(name, String.valueOf(parameters.get(name).get("MaxValue")));
        }
        String widest = m.reset().replaceAll(r -> longest.get(r.group(1)));
        assertThat(widest.length()).as(widest).isLessThanOrEqualTo(256);
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
        Map<String, Object> group = (Map<String, Object>) ((Map<String, Object>) functionProperties(templateWith(Map.of(
                "VifList", "", "VifGroup", "core network"))).get("Environment")).get("Variables");
        // Exactly one of VIFLIST and VIFGROUP (docs/behaviour.md §5, §18): the other is not set at all.
        assertThat(env).doesNotContainKey("VIFGROUP");
        assertThat(group).doesNotContainKey("VIFLIST").containsEntry("VIFGROUP", "core network");
        assertThat(group.keySet()).isEqualTo(new java.util.TreeSet<>(env.keySet()) {
            {
                remove("VIFLIST");
                add("VIFGROUP");
            }
        });
        assertThat(env).containsKeys("VIFLIST", "MINVIFS", "SNSARN", "FAILOVER", "EMAIL", "SUPPORT_CASE",
                "SUPPORT_SEVERITY", "DRY_RUN", "SUPPORT_SERVICE_CODE", "SUPPORT_CATEGORY_CODE", "MAX_UTILIZATION",
                "PRACTICE_MINUTES", "PRACTICE_OUTCOME_ALARMS", "PRACTICE_BLOCKING_ALARMS", "PRACTICE_BLOCKED_DATES",
                "PRACTICE_BLOCKED_WINDOWS", "PRACTICE_ALLOWED_WINDOWS", "PRACTICE_MAX_AGE_DAYS", "EVENT_BUS");
        // And every name the configuration reads, asked of the code itself (FailoverConfig's own list, for the
        // environment of each way of naming the VIFs); and nothing else but the JVM's options.
        for (Map<String, Object> variables : List.of(env, group)) {
            Map<String, String> values = new HashMap<>();
            variables.forEach((k, v) -> values.put(k, String.valueOf(v)));
            Set<String> read = io.github.dxfailover.config.FailoverConfig.variablesRead(values);
            assertThat(read).as("the function reads").contains("MINVIFS", "EVENT_BUS");
            Set<String> given = new TreeSet<>(variables.keySet());
            given.remove("JAVA_TOOL_OPTIONS");
            read = new TreeSet<>(read);
            read.remove(variables.containsKey("VIFLIST") ? "VIFGROUP" : "VIFLIST"); // asked, to refuse both
            assertThat(given).isEqualTo(read);
        }
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
                .containsEntry("MAX_UTILIZATION", "80")
                .containsEntry("PRACTICE_MINUTES", "30")
                .containsEntry("PRACTICE_OUTCOME_ALARMS", "")
                .containsEntry("PRACTICE_BLOCKING_ALARMS", "")
                .containsEntry("PRACTICE_BLOCKED_DATES", "")
                .containsEntry("PRACTICE_BLOCKED_WINDOWS", "")
                .containsEntry("PRACTICE_ALLOWED_WINDOWS", "")
                .containsEntry("PRACTICE_MAX_AGE_DAYS", "35")
                .containsEntry("EVENT_BUS", "default"); // the account's own bus: events unless told otherwise
        assertThat((Map<String, Object>) ((Map<String, Object>) functionProperties(templateWith(Map.of(
                "PracticeAllowedWindows", "Tue:02:00-Tue:06:00", "EventBusName", "network-events")))
                .get("Environment")).get("Variables"))
                .containsEntry("PRACTICE_ALLOWED_WINDOWS", "Tue:02:00-Tue:06:00")
                .containsEntry("EVENT_BUS", "network-events");
        Map<String, Object> practice = (Map<String, Object>) ((Map<String, Object>) functionProperties(templateWith(Map.of(
                "PracticeMinutes", 45, "PracticeOutcomeAlarms", "app errors,app latency",
                "PracticeBlockingAlarms", "change in progress", "PracticeBlockedDates", "2025-12-24,2025-12-31",
                "PracticeBlockedWindows", "Mon:09:00-Mon:17:00,sat:02:00-sat:06:00",
                "PracticeMaxAgeDays", 90))).get("Environment")).get("Variables");
        assertThat(practice).containsEntry("PRACTICE_MINUTES", "45")
                .containsEntry("PRACTICE_OUTCOME_ALARMS", "app errors,app latency")
                .containsEntry("PRACTICE_BLOCKING_ALARMS", "change in progress")
                .containsEntry("PRACTICE_BLOCKED_DATES", "2025-12-24,2025-12-31")
                .containsEntry("PRACTICE_BLOCKED_WINDOWS", "Mon:09:00-Mon:17:00,sat:02:00-sat:06:00")
                .containsEntry("PRACTICE_MAX_AGE_DAYS", "90");
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
        assertThat("").as("empty with a VifGroup").matches(vifPattern);
        assertThat(p.get("VifList")).containsEntry("Default", "");
        String groupPattern = (String) p.get("VifGroup").get("AllowedPattern");
        assertThat(p.get("VifGroup")).containsEntry("Type", "String").containsEntry("Default", "");
        for (String ok : List.of("", "core", "core network", "prod/eu-west-1:dx=a+b@c_d.e-f", "g".repeat(128))) {
            assertThat(ok).matches(groupPattern);
            if (!ok.isEmpty()) {
                Map<String, String> env = environment(Map.of("VifList", "", "VifGroup", ok));
                assertThat(io.github.dxfailover.config.FailoverConfig.fromEnvironment(env).managed())
                        .as("the function takes every group name the stack lets through")
                        .isEqualTo(new io.github.dxfailover.config.ManagedVifs.Group(ok));
            }
        }
        for (String refused : List.of("g".repeat(129), "core;edge", "core*", "a,b")) {
            assertThat(refused).doesNotMatch(groupPattern);
        }
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
        return templateWith(Map.of(name, value));
    }

    private static CfnTemplate templateWith(Map<String, Object> values) throws Exception {
        Map<String, Object> all = new HashMap<>(Map.of("VifList", VIFS, "AWS::Partition", "aws",
                "AWS::Region", "eu-west-1", "AWS::AccountId", "123456789012"));
        all.putAll(values);
        return CfnTemplate.load(Path.of("template.yaml"), all);
    }

    /** A practice schedule with the outcome alarm the template's rule asks for. */
    private static final Map<String, Object> PRACTICE = Map.of("PracticeSchedule", "cron(0 10 ? * TUE *)",
            "PracticeOutcomeAlarms", "app errors");

    private static Map<String, Object> practiceWith(String name, Object value) {
        Map<String, Object> values = new HashMap<>(PRACTICE);
        values.put(name, value);
        return values;
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
        // docs/behaviour.md §19: the network below its minimum, as every reconcile pass reads it.
        Map<String, Object> below = (Map<String, Object>) resources.get("BelowMinimumAlarm").get("Properties");
        assertThat(below).containsEntry("Namespace", "DxFailover").containsEntry("MetricName", "MarginOverMinimum")
                .containsEntry("Statistic", "Minimum").containsEntry("Threshold", 0)
                .containsEntry("ComparisonOperator", "LessThanThreshold").containsEntry("TreatMissingData", "missing")
                .containsEntry("AlarmActions", List.of("ref:NotificationTopic"));
        assertThat((String) below.get("AlarmName")).doesNotStartWith("dxvif-");
        // Issue 32 (§11): each alarm on the function's own metrics reads only its own deployment's.
        for (String id : List.of("FailedOverAlarm", "FunctionErrorsMetricAlarm", "BelowMinimumAlarm")) {
            assertThat(((Map<String, Object>) resources.get(id).get("Properties")).get("Dimensions")).as(id)
                    .isEqualTo(List.of(Map.of("Name", "Deployment", "Value", "ref:DxFailoverFunction")));
        }
        assertThat(io.github.dxfailover.metrics.MetricLines.catalogue().get("MarginOverMinimum"))
                .as("the alarm's metric is one the function writes with the Deployment dimension")
                .contains(List.of("Deployment"));
        Map<String, Object> lambdaErrors = (Map<String, Object>) resources.get("LambdaErrorsAlarm").get("Properties");
        assertThat((List<Map<String, Object>>) lambdaErrors.get("Dimensions")).extracting(d -> d.get("Name"))
                .containsExactly("FunctionName", "Resource");
        assertThat(((List<Map<String, Object>>) lambdaErrors.get("Dimensions")).get(1).get("Value").toString())
                .endsWith(":live");
    }

    @Test
    void noPracticeRunsWithoutAPracticeSchedule() throws Exception {
        assertThat(template().resources()).doesNotContainKeys("PracticeRunSchedule", "PracticeRunScheduleRole");
        assertThat(templateWith("PracticeSchedule", "").resources())
                .doesNotContainKeys("PracticeRunSchedule", "PracticeRunScheduleRole");
        assertThat(templateWith(PRACTICE).resources()).containsKeys("PracticeRunSchedule", "PracticeRunScheduleRole");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePracticeScheduleStartsAPracticeRunAtItsCronTimeInItsTimeZone() throws Exception {
        Map<String, Map<String, Object>> resources = templateWith(practiceWith("PracticeScheduleTimezone",
                "Europe/Amsterdam")).resources();
        assertThat(resources.get("PracticeRunSchedule")).containsEntry("Type", "AWS::Scheduler::Schedule");
        Map<String, Object> schedule = (Map<String, Object>) resources.get("PracticeRunSchedule").get("Properties");
        assertThat(schedule).containsEntry("ScheduleExpression", "cron(0 10 ? * TUE *)")
                .containsEntry("ScheduleExpressionTimezone", "Europe/Amsterdam")
                .containsEntry("FlexibleTimeWindow", Map.of("Mode", "OFF"));
        Map<String, Object> target = (Map<String, Object>) schedule.get("Target");
        assertThat(target).containsEntry("Arn", "ref:DxFailoverFunction.Alias")
                .containsEntry("RoleArn", "getatt:PracticeRunScheduleRole.Arn")
                .containsEntry("RetryPolicy", Map.of("MaximumRetryAttempts", 0));
        Map<String, Object> input = JSON.readValue((String) target.get("Input"), new TypeReference<>() {
        });
        assertThat(input).isEqualTo(Map.of("action", "practice"));
        assertThat(io.github.dxfailover.input.RequestParser.parse(input).getClass().getSimpleName())
                .as("the function reads the schedule's input as a practice command").contains("Practice");
        // Its own role, the same least-privilege one as the reconcile schedule's: invoke the alias, nothing else.
        Map<String, Object> role = (Map<String, Object>) resources.get("PracticeRunScheduleRole").get("Properties");
        assertThat(role).isEqualTo(resources.get("ReconcileScheduleRole").get("Properties"));
        assertThat(JSON.valueToTree(role).at("/Policies/0/PolicyDocument/Statement")).isEqualTo(JSON.readTree(
                "[{\"Effect\":\"Allow\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"ref:DxFailoverFunction.Alias\"}]"));
        assertThat(JSON.valueToTree(role).at("/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText())
                .isEqualTo("scheduler.amazonaws.com");
        // UTC unless told otherwise; the reconcile schedule is unchanged beside it.
        Map<String, Map<String, Object>> utc = templateWith(PRACTICE).resources();
        assertThat(utc.get("PracticeRunSchedule").get("Properties"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("ScheduleExpressionTimezone", "UTC");
        assertThat(utc).containsKeys("ReconcileSchedule", "ReconcileScheduleRole");
    }

    @Test
    @SuppressWarnings("unchecked")
    void practiceParametersCarryTheConstraintsOfTheConfiguration() throws Exception {
        Map<String, Map<String, Object>> p = (Map<String, Map<String, Object>>) template().raw().get("Parameters");
        assertThat(p.get("PracticeMinutes")).containsEntry("Type", "Number").containsEntry("MinValue", 15)
                .containsEntry("MaxValue", 240).containsEntry("Default", 30);
        assertThat(p.get("PracticeMaxAgeDays")).containsEntry("Type", "Number").containsEntry("MinValue", 1)
                .containsEntry("MaxValue", 365).containsEntry("Default", 35);
        assertThat(p.get("PracticeScheduleTimezone")).containsEntry("Type", "String").containsEntry("Default", "UTC");
        for (String name : List.of("PracticeSchedule", "PracticeOutcomeAlarms", "PracticeBlockingAlarms",
                "PracticeBlockedDates")) {
            assertThat(p.get(name)).as(name).containsEntry("Type", "String").containsEntry("Default", "");
            assertThat("").as(name + " may be left empty").matches((String) p.get(name).get("AllowedPattern"));
        }

        String cron = (String) p.get("PracticeSchedule").get("AllowedPattern");
        assertThat("cron(0 10 ? * TUE *)").matches(cron);
        assertThat("cron(30 6 ? * MON#1 *)").matches(cron);
        assertThat("cron(0 10 * * ?)").as("five fields").doesNotMatch(cron);
        assertThat("rate(7 days)").doesNotMatch(cron);
        assertThat("at(2025-06-01T10:00:00)").as("a one-time schedule").doesNotMatch(cron);

        String zone = (String) p.get("PracticeScheduleTimezone").get("AllowedPattern");
        for (String ok : List.of("UTC", "Europe/Amsterdam", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Etc/GMT-14")) {
            assertThat(ok).matches(zone);
        }
        assertThat("").doesNotMatch(zone);
        assertThat("Europe/Amsterdam ").doesNotMatch(zone);

        for (String name : List.of("PracticeOutcomeAlarms", "PracticeBlockingAlarms")) {
            String alarms = (String) p.get(name).get("AllowedPattern");
            assertThat("app errors").matches(alarms);
            assertThat("app errors, app latency,dxvif-abcd1234 probe").matches(alarms);
            assertThat("x".repeat(255)).matches(alarms);
            assertThat("x".repeat(256)).as("an alarm name has at most 255 characters").doesNotMatch(alarms);
            assertThat("app errors,,app latency").doesNotMatch(alarms);
            assertThat("app errors,").doesNotMatch(alarms);
            // The Lambda environment holds 4 KB in all.
            assertThat(p.get(name)).containsEntry("MaxLength", 1024);
        }
        String dates = (String) p.get("PracticeBlockedDates").get("AllowedPattern");
        assertThat("2025-12-24").matches(dates);
        assertThat("2025-12-24,2025-12-31").matches(dates);
        assertThat("2025-12-24, 2025-12-31").matches(dates);
        assertThat("24-12-2025").doesNotMatch(dates);
        assertThat("2025-12-24,").doesNotMatch(dates);
        assertThat("2025-12-24;2025-12-31").doesNotMatch(dates);
        assertThat(p.get("PracticeBlockedDates")).containsEntry("MaxLength", 1024);
    }

    @Test
    @SuppressWarnings("unchecked")
    void practiceParametersAreOneGroupInTheConsole() throws Exception {
        Map<String, Object> metadata = (Map<String, Object>) template().raw().get("Metadata");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) metadata
                .get("AWS::CloudFormation::Interface")).get("ParameterGroups");
        Map<String, Object> practice = groups.stream()
                .filter(g -> "Practice runs".equals(((Map<String, Object>) g.get("Label")).get("default")))
                .findFirst().orElseThrow();
        assertThat((List<String>) practice.get("Parameters")).containsExactly("PracticeSchedule",
                "PracticeScheduleTimezone", "PracticeMinutes", "PracticeOutcomeAlarms", "PracticeBlockingAlarms",
                "PracticeBlockedDates", "PracticeBlockedWindows", "PracticeAllowedWindows", "PracticeMaxAgeDays");
        // The event bus is where the notifications are: it says where each result goes (§20).
        assertThat(groups).filteredOn(g -> "Notifications and logs".equals(((Map<String, Object>) g.get("Label"))
                .get("default"))).singleElement().extracting(g -> (List<String>) g.get("Parameters"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("EventBusName");
        // Every parameter is in exactly one group.
        List<String> grouped = new ArrayList<>();
        groups.forEach(g -> grouped.addAll((List<String>) g.get("Parameters")));
        assertThat(grouped).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(((Map<String, Object>) template().raw().get("Parameters")).keySet());
    }

    /** The environment the template gives the function for these parameter values, with a real topic ARN. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> values) throws Exception {
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) functionProperties(templateWith(values))
                .get("Environment")).get("Variables");
        Map<String, String> out = new HashMap<>();
        env.forEach((k, v) -> out.put(k, String.valueOf(v)));
        out.put("SNSARN", "arn:aws:sns:eu-west-1:123456789012:dx-failover");
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFunctionAcceptsEveryPracticeSettingTheTemplateLetsThrough() throws Exception {
        List<Map<String, Object>> accepted = List.of(Map.of(), PRACTICE,
                Map.of("PracticeMinutes", 15, "PracticeMaxAgeDays", 1),
                Map.of("PracticeMinutes", 240, "PracticeMaxAgeDays", 365),
                Map.of("PracticeOutcomeAlarms", "app errors, app latency", "PracticeBlockingAlarms", "x".repeat(255),
                        "PracticeBlockedDates", "2025-12-24, 2025-12-31"),
                Map.of("PracticeBlockedWindows", "Mon:09:00-Mon:17:00,sat:02:00-sat:06:00"),
                Map.of("PracticeBlockedWindows", String.join(" , ", java.util.Collections.nCopies(15,
                        "SUN:00:00-sun:23:59"))),
                Map.of("PracticeAllowedWindows", "Tue:02:00-Tue:06:00, wed:22:00-WED:23:59", "PracticeMinutes", 30),
                Map.of("EventBusName", ""), Map.of("EventBusName", "network-events"),
                Map.of("EventBusName", "ops/dx_failover.results-1"), Map.of("EventBusName", "b".repeat(64)));
        for (Map<String, Object> values : accepted) {
            io.github.dxfailover.config.FailoverConfig.fromEnvironment(environment(values));
        }
        // Just outside the template's numeric ranges the function refuses too: the two agree.
        Map<String, Map<String, Object>> p = (Map<String, Map<String, Object>>) template().raw().get("Parameters");
        Map<String, String> variables = Map.of("PracticeMinutes", "PRACTICE_MINUTES",
                "PracticeMaxAgeDays", "PRACTICE_MAX_AGE_DAYS");
        for (var entry : variables.entrySet()) {
            int min = (int) p.get(entry.getKey()).get("MinValue");
            int max = (int) p.get(entry.getKey()).get("MaxValue");
            for (int outside : new int[] {min - 1, max + 1}) {
                Map<String, String> env = environment(Map.of());
                env.put(entry.getValue(), String.valueOf(outside));
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> io.github.dxfailover.config.FailoverConfig.fromEnvironment(env))
                        .as(entry.getValue() + "=" + outside)
                        .isInstanceOf(io.github.dxfailover.config.InvalidConfigException.class);
            }
        }
    }

    @Test
    void rulesRefuseAPracticeScheduleWithoutOutcomeAlarmsOrWithoutTheWatch() throws Exception {
        // No practice schedule: nothing is asked, whatever else is set.
        assertThat(template().failedAssertions()).isEmpty();
        assertThat(templateWith(Map.of("ReconcileEveryMinutes", 0)).failedAssertions()).isEmpty();
        assertThat(templateWith(PRACTICE).failedAssertions()).isEmpty();

        Map<String, String> noAlarms = templateWith(practiceWith("PracticeOutcomeAlarms", "")).failedAssertions();
        assertThat(noAlarms).containsOnlyKeys("PracticeNeedsOutcomeAlarms");
        assertThat(noAlarms.get("PracticeNeedsOutcomeAlarms")).contains("PracticeOutcomeAlarms");

        for (int minutes : new int[] {1, 2, 3, 4, 5}) {
            assertThat(templateWith(practiceWith("ReconcileEveryMinutes", minutes)).failedAssertions())
                    .as("reconcile every %d minutes", minutes).isEmpty();
        }
        for (int minutes : new int[] {0, 6, 10, 60, 1440}) {
            Map<String, String> failed = templateWith(practiceWith("ReconcileEveryMinutes", minutes)).failedAssertions();
            assertThat(failed).as("reconcile every %d minutes", minutes).containsOnlyKeys("PracticeNeedsTheReconcileWatch");
            assertThat(failed.get("PracticeNeedsTheReconcileWatch")).contains("ReconcileEveryMinutes");
        }
        Map<String, Object> neither = practiceWith("PracticeOutcomeAlarms", "");
        neither.put("ReconcileEveryMinutes", 0);
        assertThat(templateWith(neither).failedAssertions())
                .containsOnlyKeys("PracticeNeedsOutcomeAlarms", "PracticeNeedsTheReconcileWatch");
    }

    @Test
    void rulesRefuseNeitherAndBothOfVifListAndVifGroup() throws Exception {
        assertThat(templateWith(Map.of()).failedAssertions()).as("a list").isEmpty();
        assertThat(templateWith(Map.of("VifList", "", "VifGroup", "core")).failedAssertions()).as("a group").isEmpty();
        Map<String, String> neither = templateWith(Map.of("VifList", "")).failedAssertions();
        assertThat(neither).containsOnlyKeys("VifListOrVifGroup");
        Map<String, String> both = templateWith(Map.of("VifGroup", "core")).failedAssertions();
        assertThat(both).containsOnlyKeys("NotBothVifListAndVifGroup");
        for (String description : List.of(neither.get("VifListOrVifGroup"), both.get("NotBothVifListAndVifGroup"))) {
            assertThat(description).as("it says what to fix").contains("VifList").contains("VifGroup");
        }
        // The function would refuse both as well: the stack refuses them before anything is changed.
        assertTheFunctionRefuses(Map.of("VIFGROUP", "core"));
    }

    /** The stack's environment with {@code more} added is one the function answers CONFIG_ERROR to (§5). */
    private static void assertTheFunctionRefuses(Map<String, String> more) throws Exception {
        Map<String, String> env = environment(Map.of());
        env.putAll(more);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.github.dxfailover.config.FailoverConfig
                .fromEnvironment(env)).isInstanceOf(io.github.dxfailover.config.InvalidConfigException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGroupsStackHasNoResourcePerVifAndTheListsHasOnePerVif() throws Exception {
        Set<String> group = templateWith(Map.of("VifList", "", "VifGroup", "core")).resources().keySet();
        Set<String> list = template().resources().keySet();
        assertThat(group).noneMatch(id -> id.startsWith("FailoverTestOn"));
        assertThat(list).filteredOn(id -> id.startsWith("FailoverTestOn")).hasSameSizeAs(VIFS);
        Set<String> shared = new TreeSet<>(list);
        shared.removeIf(id -> id.startsWith("FailoverTestOn"));
        assertThat(group).isEqualTo(shared);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachRuleAppliesToAPracticeScheduleAndChecksItsParameter() throws Exception {
        Map<String, Map<String, Object>> rules = new HashMap<>((Map<String, Map<String, Object>>) template().raw()
                .get("Rules"));
        Map<String, String> checks = Map.of("PracticeNeedsOutcomeAlarms", "PracticeOutcomeAlarms",
                "PracticeNeedsTheReconcileWatch", "ReconcileEveryMinutes");
        // The rules of VifList and VifGroup apply always (above).
        assertThat(rules.remove("VifListOrVifGroup")).isNotNull();
        assertThat(rules.remove("NotBothVifListAndVifGroup")).isNotNull();
        // And so does that of the two practice window lists (below).
        assertThat(rules.remove("PracticeBlockedOrAllowedWindows")).isNotNull();
        assertThat(rules).containsOnlyKeys(checks.keySet());
        checks.forEach((rule, parameter) -> {
            assertThat(refs(rules.get(rule).get("RuleCondition"))).as(rule).containsExactly("PracticeSchedule");
            List<Map<String, Object>> assertions = (List<Map<String, Object>>) rules.get(rule).get("Assertions");
            assertThat(assertions).as(rule).hasSize(1);
            assertThat(refs(assertions.get(0).get("Assert"))).as(rule).containsExactly(parameter);
            // It says what to fix.
            assertThat((String) assertions.get(0).get("AssertDescription")).as(rule)
                    .contains(parameter).contains("PracticeSchedule");
        });
    }

    /** Weekly windows, in ARC zonal autoshift's form, that the stack lets through (docs/behaviour.md §5, §16). */
    private static final List<String> WINDOWS_TAKEN = List.of("", "Mon:09:00-Mon:17:00",
            "Mon:09:00-Mon:17:00,sat:02:00-sat:06:00", "MON:00:00-mon:23:59", " Tue:02:00-Tue:06:00 , Fri:20:00-Fri:23:00 ",
            String.join(",", java.util.Collections.nCopies(15, "Sun:00:00-Sun:23:59")));
    /** And what it refuses: not ARC's form, two days, past 23:59, a list that is not one, 16 windows. */
    private static final List<String> WINDOWS_REFUSED = List.of("Wed-12:00-Wed:17:00", "Wed:12:00-Wed-17:00",
            "Mon:09:00-Tue:17:00", "Mon:22:00-Tue:02:00", "Mon:09:00-Mon:24:00", "Mon:24:00-Mon:24:30",
            "Mon:9:00-Mon:17:00", "Mon:09:60-Mon:17:00", "Monday:09:00-Monday:17:00", "Mon 09:00-Mon 17:00",
            "Mon:09:00-Mon:17:00,", ",Mon:09:00-Mon:17:00", "Mon:09:00-Mon:17:00,,Tue:09:00-Tue:17:00",
            "Mon:09:00-Mon:17:00;Tue:09:00-Tue:17:00", " ", "Xyz:09:00-Xyz:17:00",
            String.join(",", java.util.Collections.nCopies(16, "Sun:00:00-Sun:23:59")));

    @Test
    @SuppressWarnings("unchecked")
    void practiceWindowParametersTakeArcsFormOnly() throws Exception {
        Map<String, Map<String, Object>> p = (Map<String, Map<String, Object>>) template().raw().get("Parameters");
        for (String name : List.of("PracticeBlockedWindows", "PracticeAllowedWindows")) {
            assertThat(p.get(name)).as(name).containsEntry("Type", "String").containsEntry("Default", "")
                    .containsKey("ConstraintDescription");
            // 15 windows of 19 characters and their commas, with room for a space around each.
            assertThat((int) p.get(name).get("MaxLength")).as(name).isBetween(15 * 20 + 15 * 2, 1024);
            String pattern = (String) p.get(name).get("AllowedPattern");
            // CloudFormation matches AllowedPattern with Java's regular expressions, as these do.
            for (String taken : WINDOWS_TAKEN) {
                assertThat(taken).as(name).matches(pattern);
                // ... and the function takes it (a start before the end and an allowed window's length are its
                // own checks, beyond the pattern; these windows pass them).
                io.github.dxfailover.config.FailoverConfig.fromEnvironment(environment(Map.of(name, taken)));
            }
            for (String refused : WINDOWS_REFUSED) {
                assertThat(refused).as(name).doesNotMatch(pattern);
            }
            assertThat((String) p.get(name).get("Description")).as(name).contains("Day:HH:MM-Day:HH:MM");
        }
        assertThat(p.get("PracticeBlockedWindows")).isEqualTo(new HashMap<>(p.get("PracticeAllowedWindows")) {
            {
                put("Description", p.get("PracticeBlockedWindows").get("Description"));
            }
        });
    }

    @Test
    void rulesRefuseBothPracticeWindowLists() throws Exception {
        assertThat(templateWith(Map.of("PracticeBlockedWindows", "Mon:09:00-Mon:17:00")).failedAssertions()).isEmpty();
        assertThat(templateWith(Map.of("PracticeAllowedWindows", "Tue:02:00-Tue:06:00")).failedAssertions()).isEmpty();
        assertThat(templateWith(practiceWith("PracticeAllowedWindows", "Tue:02:00-Tue:06:00")).failedAssertions())
                .isEmpty();
        Map<String, Object> both = Map.of("PracticeBlockedWindows", "Mon:09:00-Mon:17:00",
                "PracticeAllowedWindows", "Tue:02:00-Tue:06:00");
        Map<String, String> failed = templateWith(both).failedAssertions();
        assertThat(failed).containsOnlyKeys("PracticeBlockedOrAllowedWindows");
        assertThat(failed.get("PracticeBlockedOrAllowedWindows")).as("it says what to fix")
                .contains("PracticeBlockedWindows", "PracticeAllowedWindows", "not both", "leave the other empty");
        // With or without a practice schedule: the function refuses both whenever they are set.
        Map<String, Object> scheduled = new HashMap<>(PRACTICE);
        scheduled.putAll(both);
        assertThat(templateWith(scheduled).failedAssertions()).containsOnlyKeys("PracticeBlockedOrAllowedWindows");
        assertTheFunctionRefuses(Map.of("PRACTICE_BLOCKED_WINDOWS", "Mon:09:00-Mon:17:00",
                "PRACTICE_ALLOWED_WINDOWS", "Tue:02:00-Tue:06:00"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEventBusParameterTakesABusNameAndEmptyForNone() throws Exception {
        Map<String, Object> p = ((Map<String, Map<String, Object>>) template().raw().get("Parameters"))
                .get("EventBusName");
        assertThat(p).containsEntry("Type", "String").containsEntry("Default", "default");
        String pattern = (String) p.get("AllowedPattern");
        for (String taken : List.of("", "default", "network-events", "ops/dx_failover.results-1", "b".repeat(64))) {
            assertThat(taken).matches(pattern);
        }
        for (String refused : List.of("net events", "bad*name", "b".repeat(257),
                "arn:aws:events:eu-west-1:123456789012:event-bus/default")) {
            assertThat(refused).doesNotMatch(pattern);
        }
        // EventBridge takes 256 characters; the stack fewer, for the role's inline policy limit (PolicySizeTest).
        assertThat((int) p.get("MaxLength")).isBetween(1, 256);
    }

    /** The function's policy's statements that name an events: action, for these parameter values. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> eventStatements(Map<String, Object> values) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object policy : (List<Object>) functionProperties(templateWith(values)).get("Policies")) {
            for (Map<String, Object> statement : (List<Map<String, Object>>) ((Map<String, Object>) policy)
                    .get("Statement")) {
                if (JSON.valueToTree(statement.get("Action")).toString().contains("events:")) {
                    out.add(statement);
                }
            }
        }
        return out;
    }

    /** docs/behaviour.md §12, §20: PutEvents on the named bus of the stack's account and region, only with a bus. */
    @Test
    @SuppressWarnings("unchecked")
    void putEventsIsGrantedOnTheNamedBusOnlyAndOnlyWithABus() throws Exception {
        assertThat(eventStatements(Map.of())).containsExactly(Map.of("Effect", "Allow", "Action", "events:PutEvents",
                "Resource", "arn:aws:events:eu-west-1:123456789012:event-bus/default"));
        assertThat(eventStatements(Map.of("EventBusName", "network-events", "AWS::Partition", "aws-cn",
                "AWS::Region", "cn-north-1"))).containsExactly(Map.of("Effect", "Allow", "Action", "events:PutEvents",
                "Resource", "arn:aws-cn:events:cn-north-1:123456789012:event-bus/network-events"));
        assertThat(eventStatements(Map.of("EventBusName", ""))).isEmpty();
        assertThat(eventStatements(Map.of("VifList", "", "VifGroup", "core", "EventBusName", ""))).isEmpty();
        // Never on "*": no statement of the role names events: with any other resource, in either variant.
        for (Map<String, Object> values : List.<Map<String, Object>>of(Map.of(), Map.of("VifList", "",
                "VifGroup", "core"))) {
            assertThat(eventStatements(values)).singleElement().satisfies(st -> assertThat(st.get("Resource"))
                    .isEqualTo("arn:aws:events:eu-west-1:123456789012:event-bus/default"));
        }
        // The grant follows the condition on EventBusName, as EVENT_BUS does.
        Map<String, Object> conditions = (Map<String, Object>) template().raw().get("Conditions");
        assertThat(conditions.get("PutEvents")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals",
                List.of(Map.of("Ref", "EventBusName"), "")))));
        assertThat(JSON.valueToTree(template().raw()).at("/Resources/DxFailoverFunction/Properties/Policies/0/Statement")
                .toString()).contains("{\"Fn::If\":[\"PutEvents\",{\"Effect\":\"Allow\",\"Action\":\"events:PutEvents\"");
    }

    /** The names every Ref in a node refers to. */
    @SuppressWarnings("unchecked")
    private static Set<String> refs(Object node) {
        Set<String> out = new TreeSet<>();
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (k.equals("Ref")) {
                    out.add((String) v);
                } else {
                    out.addAll(refs(v));
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(n -> out.addAll(refs(n)));
        }
        return out;
    }
}
