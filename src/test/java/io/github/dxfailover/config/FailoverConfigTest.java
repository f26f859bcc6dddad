package io.github.dxfailover.config;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.env;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dxfailover.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of docs/behaviour.md §5. */
class FailoverConfigTest {

    private static InvalidConfigException invalid(Map<String, String> env) {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> FailoverConfig.fromEnvironment(env));
        assertThat(e).as("expected the configuration to be rejected").isNotNull();
        return e;
    }

    /** docs/behaviour.md §5; issue 32: a look-alike name is a problem, named with the one it resembles. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "DRYRUN, DRY_RUN", "dry_run, DRY_RUN", "DRY-RUN, DRY_RUN", "Dry Run, DRY_RUN", "MINVIF, MINVIFS",
            "SNS_ARN, SNSARN", "EMAILS, EMAIL", "VIF_LIST, VIFLIST", "MAX_UTILISATION, MAX_UTILIZATION",
            "PRACTICE_OUTCOME_ALARM, PRACTICE_OUTCOME_ALARMS", "FAILOVR, FAILOVER"})
    void aVariableThatLooksLikeOneTheFunctionReadsIsAProblem(String name, String meant) {
        Map<String, String> env = env();
        env.put(name, "true");
        assertThat(invalid(env).problems()).containsExactly(name + "='true': " + name + " is not read; did you mean "
                + meant + "?");
    }

    @Test
    void namesThePlatformSetsOrThatLookLikeNothingAreNotCompared() throws Exception {
        Map<String, String> env = env();
        env.putAll(Map.of("AWS_REGION", "eu-west-1", "AWS_LAMBDA_FUNCTION_NAME", "f", "JAVA_TOOL_OPTIONS", "-X",
                "TZ", ":UTC", "LANG", "en_US.UTF-8", "_HANDLER", "h", "TEAM", "netops", "MIN", "1", "DRY", "x"));
        assertThat(FailoverConfig.fromEnvironment(env).dryRun()).isFalse();
    }

    @Test
    void defaultsOfTheOptionalVariables() throws Exception {
        Map<String, String> env = env();
        env.remove("EMAIL");
        FailoverConfig c = FailoverConfig.fromEnvironment(env);
        assertThat(c.failoverMinutes()).isEqualTo(180);
        assertThat(c.ccEmails()).isEmpty();
        assertThat(c.supportCase()).isTrue();
        assertThat(c.supportSeverity()).isEqualTo("urgent");
        assertThat(c.dryRun()).isFalse();
        assertThat(c.supportServiceCode()).isEqualTo("aws-direct-connect");
        assertThat(c.supportCategoryCode()).isEqualTo("connection-issue");
    }

    @Test
    void vifListIgnoresSpacesAndDuplicates() throws Exception {
        FailoverConfig c = FailoverConfig.fromEnvironment(envWith("VIFLIST",
                " " + VIF_A + " ,\t" + VIF_B + "," + VIF_A + " , " + VIF_C + " "));
        assertThat(c.managed()).isEqualTo(new ManagedVifs.Listed(java.util.List.of(VIF_A, VIF_B, VIF_C)));
    }

    @Test
    void everySettingIsRead() throws Exception {
        Map<String, String> env = env();
        env.putAll(Map.of("FAILOVER", "4320", "SUPPORT_CASE", "FALSE", "SUPPORT_SEVERITY", "High", "DRY_RUN", "true",
                "SUPPORT_SERVICE_CODE", "svc", "SUPPORT_CATEGORY_CODE", "cat", "MINVIFS", "2",
                "SNSARN", "arn:aws-us-gov:sns:us-gov-west-1:123456789012:dx", "MAX_UTILIZATION", "65",
                "EVENT_BUS", " dx-events "));
        FailoverConfig c = FailoverConfig.fromEnvironment(env);
        assertThat(c).isEqualTo(new FailoverConfig(new ManagedVifs.Listed(java.util.List.of(VIF_A, VIF_B, VIF_C)), 2,
                "arn:aws-us-gov:sns:us-gov-west-1:123456789012:dx", 4320,
                java.util.List.of("noc@example.com", "oncall@example.com"), false, "high", true, "svc", "cat", 65,
                PracticeSettings.DEFAULT, "dx-events"));
        assertThat(FailoverConfig.fromEnvironment(env()).maxUtilization()).isEqualTo(80);
    }

    @Test
    void thePracticeSettingsAreRead() throws Exception {
        Map<String, String> env = env();
        env.putAll(Map.of("PRACTICE_MINUTES", "45", "PRACTICE_OUTCOME_ALARMS", " apps 5xx , db latency,apps 5xx",
                "PRACTICE_BLOCKING_ALARMS", "change-freeze", "PRACTICE_BLOCKED_DATES", "2026-12-24, 2026-12-31",
                "PRACTICE_MAX_AGE_DAYS", "14"));
        PracticeSettings p = FailoverConfig.fromEnvironment(env).practice();
        assertThat(p).isEqualTo(new PracticeSettings(45, java.util.List.of("apps 5xx", "db latency"),
                java.util.List.of("change-freeze"), java.util.List.of(java.time.LocalDate.parse("2026-12-24"),
                java.time.LocalDate.parse("2026-12-31")), java.util.List.of(), java.util.List.of(), 14));
        assertThat(p.watches("db latency")).isTrue();
        assertThat(p.watches("apps")).isFalse();
        assertThat(p.watchAlarms()).containsExactly("apps 5xx", "db latency", "change-freeze");
        assertThat(FailoverConfig.fromEnvironment(env()).practice()).isEqualTo(PracticeSettings.DEFAULT);
        assertThat(PracticeSettings.DEFAULT.minutes()).isEqualTo(30);
        assertThat(PracticeSettings.DEFAULT.maxAgeDays()).isEqualTo(35);
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "VIFLIST|''|VIFLIST='': expected comma-separated VIF IDs",
        "VIFLIST|dxvif-aaaa1111,vif-2|item 'vif-2' is not a VIF ID",
        "VIFLIST|dxvif-aaaa1111,,dxvif-bbbb2222|item '' is not a VIF ID",
        "VIFLIST|dxvif-aaaa1111, dxvif-aaaa1111|at least MINVIFS+1 = 2 distinct VIF IDs",
        "MINVIFS|NULL|MINVIFS is not set: expected an integer >= 1",
        "MINVIFS|0|MINVIFS='0': expected an integer >= 1",
        "MINVIFS|-1|MINVIFS='-1'",
        "MINVIFS|two|MINVIFS='two'",
        "MINVIFS|1.5|MINVIFS='1.5'",
        "SNSARN|NULL|SNSARN is not set: expected an SNS topic ARN",
        "SNSARN|arn:aws:sqs:eu-west-1:123456789012:q|SNSARN='arn:aws:sqs:eu-west-1:123456789012:q'",
        "SNSARN|dx-topic|SNSARN='dx-topic': expected an SNS topic ARN",
        "SNSARN|arn:aws:sns:eu-west-1:123456789012:t.fifo|a standard SNS topic ARN",
        "FAILOVER|0|FAILOVER='0': expected an integer from 1 to 4320",
        "FAILOVER|4321|FAILOVER='4321'",
        "FAILOVER|''|FAILOVER=''",
        "FAILOVER|3h|FAILOVER='3h'",
        "EMAIL|noc|item 'noc' is not an e-mail address",
        "EMAIL|a@example.com,,b@example.com|item '' is not an e-mail address",
        "EMAIL|a@x.io,b@x.io,c@x.io,d@x.io,e@x.io,f@x.io,g@x.io,h@x.io,i@x.io,j@x.io,k@x.io|(found 11)",
        "SUPPORT_CASE|yes|SUPPORT_CASE='yes': expected true or false",
        "SUPPORT_SEVERITY|sev1|SUPPORT_SEVERITY='sev1': expected one of critical, high, low, normal, urgent",
        "DRY_RUN|1|DRY_RUN='1': expected true or false",
        "SUPPORT_SERVICE_CODE|' '|SUPPORT_SERVICE_CODE=' ': expected a non-empty code",
        "SUPPORT_CATEGORY_CODE|''|SUPPORT_CATEGORY_CODE='': expected a non-empty code",
        "MAX_UTILIZATION|101|MAX_UTILIZATION='101': expected an integer from 0 to 100 (percent; 0 = capacity not checked)",
        "MAX_UTILIZATION|-1|MAX_UTILIZATION='-1'",
        "MAX_UTILIZATION|80%|MAX_UTILIZATION='80%'",
        "MAX_UTILIZATION|''|MAX_UTILIZATION=''",
        "PRACTICE_MINUTES|14|PRACTICE_MINUTES='14': expected an integer from 15 to 240 (minutes)",
        "PRACTICE_MINUTES|241|PRACTICE_MINUTES='241'",
        "PRACTICE_OUTCOME_ALARMS|'apps,,db'|PRACTICE_OUTCOME_ALARMS='apps,,db': item '' is not an alarm name: expected comma-separated CloudWatch alarm names, each 1 to 255 characters",
        "PRACTICE_BLOCKING_ALARMS|' ,x'|PRACTICE_BLOCKING_ALARMS=' ,x': item '' is not an alarm name",
        "PRACTICE_BLOCKED_DATES|2026-12-24,24/12/2026|item '24/12/2026' is not a date: expected comma-separated dates YYYY-MM-DD (UTC)",
        "PRACTICE_BLOCKED_DATES|2026-02-30|item '2026-02-30' is not a date",
        "PRACTICE_MAX_AGE_DAYS|0|PRACTICE_MAX_AGE_DAYS='0': expected an integer from 1 to 365 (days)",
        "PRACTICE_MAX_AGE_DAYS|366|PRACTICE_MAX_AGE_DAYS='366'",
        "EVENT_BUS|dx events|EVENT_BUS='dx events': expected an EventBridge bus name (1 to 256 letters, digits and ._-/, such as default) or a bus ARN such as arn:aws:events:eu-west-1:123456789012:event-bus/default; empty for no events",
        "EVENT_BUS|arn:aws:sns:eu-west-1:123456789012:dx|EVENT_BUS='arn:aws:sns:eu-west-1:123456789012:dx': expected an EventBridge bus name",
    })
    void eachInvalidValueIsNamed(String name, String value, String expectedMessage) {
        InvalidConfigException e = invalid(envWith(name, value));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0)).startsWith(name).contains(expectedMessage);
    }

    /** EVENT_BUS (docs/behaviour.md §5, §20): a bus name or ARN; unset or empty, no events. */
    @ParameterizedTest(name = "EVENT_BUS=''{0}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "default|default", "' dx-failover-events '|dx-failover-events", "aws.partner/example.com/123/x|aws.partner/example.com/123/x",
        "arn:aws:events:eu-west-1:123456789012:event-bus/dx|arn:aws:events:eu-west-1:123456789012:event-bus/dx",
        "arn:aws-cn:events:cn-north-1:123456789012:event-bus/default|arn:aws-cn:events:cn-north-1:123456789012:event-bus/default",
        "''|NULL", "NULL|NULL"})
    void theEventBusIsANameOrAnArnAndEmptyMeansNone(String value, String bus) throws Exception {
        java.util.Map<String, String> env = env();
        if (value != null) {
            env.put("EVENT_BUS", value);
        }
        assertThat(FailoverConfig.fromEnvironment(env).eventBus()).isEqualTo(bus);
    }

    /** PutEvents reaches the buses of the function's own region: an ARN elsewhere is a problem where Lambda says where. */
    @Test
    void anEventBusArnOfAnotherRegionIsAProblem() throws Exception {
        java.util.Map<String, String> env = env();
        env.put("AWS_REGION", "eu-west-1");
        env.put("EVENT_BUS", "arn:aws:events:eu-west-1:123456789012:event-bus/dx");
        assertThat(FailoverConfig.fromEnvironment(env).eventBus()).endsWith("event-bus/dx");
        env.put("EVENT_BUS", "arn:aws:events:us-east-1:123456789012:event-bus/dx");
        assertThat(invalid(env).problems()).containsExactly("EVENT_BUS='arn:aws:events:us-east-1:123456789012:"
                + "event-bus/dx': expected a bus of the function's own region, eu-west-1: a bus name, or an ARN "
                + "arn:<partition>:events:eu-west-1:<account>:event-bus/<name> (to reach another region, add a rule on a "
                + "bus here whose target is that bus)");
        assertThat(FailoverConfig.variablesRead(env)).as("AWS_REGION is Lambda's, not a setting")
                .doesNotContain("AWS_REGION");
    }

    /** VIFLIST or VIFGROUP, exactly one (docs/behaviour.md §5, §18): each row an environment and what it gives. */
    @ParameterizedTest(name = "VIFLIST={0} VIFGROUP={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        // VIFLIST | VIFGROUP | MINVIFS | managed, or the one problem
        "dxvif-aaaa1111,dxvif-bbbb2222|NULL|1|listed dxvif-aaaa1111,dxvif-bbbb2222",
        "NULL|core|1|group core",
        "NULL|' core network '|1|group core network",
        "NULL|prod/eu-west-1:dx=a+b@c_d.e-f|1|group prod/eu-west-1:dx=a+b@c_d.e-f",
        "NULL|Kern-Netz-Ü|1|group Kern-Netz-Ü",
        // A group smaller than MINVIFS+1 is no problem of the configuration: a tag can change at any time.
        "NULL|core|50|group core",
        "NULL|NULL|1|VIFLIST and VIFGROUP are both unset: expected exactly one of them: VIFLIST, comma-separated VIF IDs, or VIFGROUP, 1 to 128 letters, digits, spaces and _.:/=+-@ (the value of the tag dx-failover:group on the VIFs to manage)",
        "dxvif-aaaa1111,dxvif-bbbb2222|core|1|VIFLIST and VIFGROUP are both set (VIFLIST='dxvif-aaaa1111,dxvif-bbbb2222', VIFGROUP='core'): expected exactly one of them",
        "''|core|1|VIFLIST and VIFGROUP are both set (VIFLIST='', VIFGROUP='core')",
        "NULL|''|1|VIFGROUP='': expected 1 to 128 letters, digits, spaces and _.:/=+-@ (the value of the tag dx-failover:group on the VIFs to manage)",
        "NULL|' '|1|VIFGROUP=' ': expected 1 to 128",
        "NULL|core;edge|1|VIFGROUP='core;edge': expected 1 to 128",
        "NULL|core*|1|VIFGROUP='core*': expected 1 to 128",
        "dxvif-aaaa1111|NULL|1|VIFLIST='dxvif-aaaa1111': expected at least MINVIFS+1 = 2 distinct VIF IDs",
    })
    void exactlyOneOfVifListAndVifGroup(String list, String group, String minVifs, String expected) throws Exception {
        Map<String, String> env = env();
        env.remove("VIFLIST");
        if (list != null) {
            env.put("VIFLIST", list);
        }
        if (group != null) {
            env.put("VIFGROUP", group);
        }
        env.put("MINVIFS", minVifs);
        if (expected.startsWith("listed ")) {
            assertThat(FailoverConfig.fromEnvironment(env).managed())
                    .isEqualTo(new ManagedVifs.Listed(java.util.List.of(expected.substring(7).split(","))));
        } else if (expected.startsWith("group ")) {
            assertThat(FailoverConfig.fromEnvironment(env).managed()).isEqualTo(new ManagedVifs.Group(expected.substring(6)));
        } else {
            assertThat(invalid(env).problems()).singleElement().asString().startsWith(expected);
        }
    }

    @Test
    void vifGroupsLongestNameIsTheTagValuesLimit() {
        Map<String, String> env = env();
        env.remove("VIFLIST");
        env.put("VIFGROUP", "g".repeat(128));
        assertThat(catchThrowableOfType(InvalidConfigException.class, () -> FailoverConfig.fromEnvironment(env))).isNull();
        env.put("VIFGROUP", "g".repeat(129));
        assertThat(invalid(env).problems()).singleElement().asString().startsWith("VIFGROUP='ggg");
    }

    @Test
    void neitherOrBothIsReportedWithEveryOtherProblem() {
        InvalidConfigException e = invalid(Map.of("MINVIFS", "0", "VIFLIST", "dxvif-aaaa1111,dxvif-bbbb2222",
                "VIFGROUP", "core"));
        assertThat(e.problems()).hasSize(3).anySatisfy(p -> assertThat(p).startsWith("VIFLIST and VIFGROUP are both set"))
                .anySatisfy(p -> assertThat(p).startsWith("MINVIFS")).anySatisfy(p -> assertThat(p).startsWith("SNSARN"));
    }

    @Test
    void aListedVifMayBeManagedWithoutReadingAndWithAGroupAnyVifMay() throws Exception {
        ManagedVifs listed = FailoverConfig.fromEnvironment(env()).managed();
        assertThat(listed.mayManage(VIF_A)).isTrue();
        assertThat(listed.mayManage("dxvif-zzzz9999")).isFalse();
        assertThat(new ManagedVifs.Group("core").mayManage("dxvif-zzzz9999")).isTrue();
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        Map<String, String> env = Map.of("VIFLIST", "vif-1", "MINVIFS", "x", "FAILOVER", "99999", "DRY_RUN", "maybe",
                "SUPPORT_SEVERITY", "p1");
        InvalidConfigException e = invalid(env);
        assertThat(e.problems()).hasSize(6);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("VIFLIST"))
                .anySatisfy(p -> assertThat(p).startsWith("MINVIFS"))
                .anySatisfy(p -> assertThat(p).startsWith("SNSARN"))
                .anySatisfy(p -> assertThat(p).startsWith("FAILOVER"))
                .anySatisfy(p -> assertThat(p).startsWith("DRY_RUN"))
                .anySatisfy(p -> assertThat(p).startsWith("SUPPORT_SEVERITY"));
        assertThat(e.validSnsTopicArn()).isNull();
    }

    @Test
    void validTopicIsKeptSoTheErrorCanBeNotified() {
        InvalidConfigException e = invalid(envWith("MINVIFS", "5"));
        assertThat(e.problems()).singleElement().asString().contains("at least MINVIFS+1 = 6");
        assertThat(e.validSnsTopicArn()).isEqualTo(Fixtures.TOPIC);
    }

    @Test
    void blankEmailMeansNoCc() throws Exception {
        assertThat(FailoverConfig.fromEnvironment(envWith("EMAIL", " ")).ccEmails()).isEmpty();
    }
}
