package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dxfailover.config.VifId;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.metrics.MetricLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard of template.yaml, resolved for sample parameters and read as CloudWatch reads a
 * dashboard body: it graphs only metrics the function writes (names from {@link MetricLines}) or
 * Direct Connect's own, and every listed VIF is in every per-VIF graph. The README's picture of it
 * (images/dashboard.svg) shows what the template's widgets show, for the parameters it was drawn for.
 */
class DashboardTest {
    private static final List<String> VIFS = List.of("dxvif-fgab1234", "dxvif-fgcd5678", "dxvif-fgef9012");
    /** Direct Connect's virtual interface metrics and their dimensions (Direct Connect User Guide, "Monitor with CloudWatch"). */
    private static final List<String> AWS_DX_VIF_METRICS = List.of("VirtualInterfaceBpsEgress",
            "VirtualInterfaceBpsIngress", "VirtualInterfacePpsEgress", "VirtualInterfacePpsIngress",
            "VirtualInterfaceBgpStatus", "VirtualInterfaceBgpPrefixesAccepted", "VirtualInterfaceBgpPrefixesAdvertised");
    private static final List<String> AWS_DX_VIF_DIMENSIONS = List.of("ConnectionId", "IpAddressFamily",
            "VirtualInterfaceId");
    /** MetricDataQuery.Expression in CloudWatch's service model: at most 2,048 characters. */
    private static final int EXPRESSION_MAX = 2048;
    private static final Pattern SEARCH = Pattern.compile("^SEARCH\\('\\{([^}]*)}(.*)', '(\\w+)', (\\d+)\\)$");
    private static final Pattern METRIC_NAME = Pattern.compile("MetricName=\"(\\w+)\"");
    private static final Pattern VIF_TERM = Pattern.compile("VirtualInterfaceId=\"([^\"]+)\"");

    private static CfnTemplate template(Map<String, Object> values) throws Exception {
        Map<String, Object> all = new HashMap<>(Map.of("VifList", VIFS, "MinVifs", 2, "AWS::Partition", "aws",
                "AWS::Region", "eu-west-1", "AWS::AccountId", "123456789012", "AWS::StackName", "dx"));
        all.putAll(values);
        return CfnTemplate.load(Path.of("template.yaml"), all);
    }

    private static JsonNode body(CfnTemplate t) throws Exception {
        assertThat(t.resources().get("Dashboard")).containsEntry("Type", "AWS::CloudWatch::Dashboard");
        return DashboardBody.of(t);
    }

    private static JsonNode body() throws Exception {
        return body(template(Map.of()));
    }

    /**
     * Issue 32 (§11): every graph of the function's own metrics selects this stack's Deployment, so two deployments
     * in one account and region never show each other's figures.
     */
    @org.junit.jupiter.api.Test
    void everyGraphOfTheFunctionsMetricsShowsOnlyItsOwnDeployment() throws Exception {
        List<Graphed> own = graphed(body()).stream().filter(g -> g.namespace().equals(MetricLines.NAMESPACE)).toList();
        assertThat(own).isNotEmpty().allSatisfy(g -> {
            assertThat(g.dimensions()).as(g.source()).startsWith("Deployment");
            assertThat(g.source()).as(g.source()).containsAnyOf("Deployment=\"", "\"Deployment\"")
                    .contains("DxFailoverFunction");
        });
    }

    /** One graphed metric: its namespace, name and dimension names; the VIFs a search names, if any. */
    private record Graphed(String namespace, String name, List<String> dimensions, List<String> vifs, String source) {
    }

    /** Every metric the body graphs, from metric arrays and from SEARCH expressions. */
    private static List<Graphed> graphed(JsonNode body) {
        List<Graphed> out = new ArrayList<>();
        body.get("widgets").forEach(widget -> out.addAll(graphedBy(widget)));
        return out;
    }

    /** Every metric one widget graphs. */
    private static List<Graphed> graphedBy(JsonNode widget) {
        List<Graphed> out = new ArrayList<>();
        for (JsonNode row : widget.at("/properties/metrics")) {
            JsonNode first = row.get(0);
            if (first.isObject()) {
                String expression = first.get("expression").asText();
                Matcher m = SEARCH.matcher(expression);
                assertThat(m.matches()).as("a SEARCH expression: %s", expression).isTrue();
                List<String> schema = List.of(m.group(1).split(","));
                List<String> vifs = new ArrayList<>();
                Matcher v = VIF_TERM.matcher(m.group(2));
                while (v.find()) {
                    vifs.add(v.group(1));
                }
                Matcher names = METRIC_NAME.matcher(m.group(2));
                int found = 0;
                while (names.find()) {
                    found++;
                    out.add(new Graphed(schema.get(0), names.group(1), schema.subList(1, schema.size()), vifs,
                            expression));
                }
                assertThat(found).as("a metric name in %s", expression).isPositive();
            } else {
                List<String> dimensions = new ArrayList<>();
                for (int i = 2; i + 1 < row.size() && row.get(i).isTextual(); i += 2) {
                    dimensions.add(row.get(i).asText());
                }
                out.add(new Graphed(first.asText(), row.get(1).asText(), dimensions, List.of(), row.toString()));
            }
        }
        return out;
    }

    @Test
    void theBodyIsADashboardOfMetricAlarmAndLogWidgetsOnItsGrid() throws Exception {
        JsonNode body = body();
        List<String> types = new ArrayList<>();
        DashboardBody.assertOnTheGrid(body.get("widgets"));
        for (JsonNode w : body.get("widgets")) {
            types.add(w.get("type").asText());
            if (!w.get("type").asText().equals("alarm")) {
                assertThat(w.at("/properties/region").asText()).isEqualTo("eu-west-1");
            }
            assertThat(w.at("/properties/title").asText()).isNotBlank();
        }
        assertThat(types).containsOnly("metric", "alarm", "log").contains("alarm", "log");
    }

    @Test
    void everyGraphedMetricIsOneTheFunctionWritesOrADirectConnectVifMetric() throws Exception {
        List<Graphed> graphed = graphed(body());
        assertThat(graphed).extracting(Graphed::namespace).containsOnly(MetricLines.NAMESPACE, "AWS/DX");
        for (Graphed g : graphed) {
            if (g.namespace().equals(MetricLines.NAMESPACE)) {
                assertThat(MetricLines.catalogue()).as("written by the function: %s", g.source()).containsKey(g.name());
                assertThat(MetricLines.catalogue().get(g.name())).as("with these dimensions: %s", g.source())
                        .contains(g.dimensions());
            } else {
                assertThat(AWS_DX_VIF_METRICS).as(g.source()).contains(g.name());
                assertThat(AWS_DX_VIF_DIMENSIONS).as(g.source()).containsAll(g.dimensions());
                assertThat(g.dimensions()).as(g.source()).contains("ConnectionId", "VirtualInterfaceId");
            }
        }
        // What the issue asks for is there.
        assertThat(graphed).extracting(Graphed::name).contains(MetricLines.HEALTHY_VIFS,
                MetricLines.MARGIN_OVER_MINIMUM, MetricLines.HEALTHY, MetricLines.UNDER_TEST,
                MetricLines.DAYS_SINCE_PROVEN, MetricLines.PROJECTED_UTILIZATION, "FAILED_OVER",
                "PRACTICE_SUCCEEDED", "PRACTICE_FAILED", "VirtualInterfaceBpsEgress", "VirtualInterfaceBpsIngress",
                "VirtualInterfaceBgpStatus");
    }

    @Test
    void everyListedVifIsInEveryPerVifGraphAndNoOtherVif() throws Exception {
        List<Graphed> perVif = graphed(body()).stream().filter(g -> g.dimensions().contains("VirtualInterfaceId"))
                .toList();
        assertThat(perVif).hasSizeGreaterThanOrEqualTo(8);
        assertThat(perVif).allSatisfy(g -> assertThat(g.vifs()).as(g.source()).containsExactlyElementsOf(VIFS));
        // The metric and the VIFs joined explicitly: both must hold, whatever CloudWatch assumes between terms.
        assertThat(perVif).allSatisfy(g -> assertThat(g.source()).contains("AND (VirtualInterfaceId=\"" + VIFS.get(0)
                + "\" OR VirtualInterfaceId=\""));

        List<String> one = List.of("dxvif-fgzz0001");
        assertThat(graphed(body(template(Map.of("VifList", one, "MinVifs", 1)))).stream()
                .filter(g -> g.dimensions().contains("VirtualInterfaceId")))
                .allSatisfy(g -> assertThat(g.vifs()).containsExactly("dxvif-fgzz0001"));
    }

    /**
     * A group's VIFs are chosen by a tag CloudWatch's search cannot see (docs/behaviour.md §11, §18): every per-VIF
     * graph searches the metric alone, for every VIF of the region, and names none.
     */
    @Test
    void withAGroupEveryPerVifGraphSearchesEveryVif() throws Exception {
        List<Graphed> perVif = graphed(body(template(Map.of("VifList", "", "VifGroup", "core")))).stream()
                .filter(g -> g.dimensions().contains("VirtualInterfaceId")).toList();
        assertThat(perVif).hasSameSizeAs(graphed(body()).stream()
                .filter(g -> g.dimensions().contains("VirtualInterfaceId")).toList());
        assertThat(perVif).allSatisfy(g -> {
            assertThat(g.vifs()).as(g.source()).isEmpty();
            assertThat(g.source()).as(g.source()).doesNotContain("VirtualInterfaceId=").doesNotContain(" AND ");
        });
    }

    @Test
    void everySearchFitsCloudWatchsLimitWithTheMostVifsTheRoleAllows() throws Exception {
        int max = PolicySizeTest.statedMaximum();
        List<String> most = IntStream.range(0, max).mapToObj(i -> "dxvif-fg%08d".formatted(i)).toList();
        List<Graphed> graphed = graphed(body(template(Map.of("VifList", most))));
        assertThat(graphed).allSatisfy(g -> assertThat(g.source().length()).as(g.source())
                .isLessThanOrEqualTo(EXPRESSION_MAX));
        assertThat(graphed.stream().filter(g -> !g.vifs().isEmpty())).allSatisfy(g -> assertThat(g.vifs()).hasSize(max));
    }

    @Test
    void theLinesOfTheMinimumTheProofAgeAndTheUtilizationLimitAreTheParameters() throws Exception {
        JsonNode body = body(template(Map.of("MinVifs", 3, "PracticeMaxAgeDays", 21, "MaxUtilization", 70)));
        Map<String, Integer> lines = new HashMap<>();
        for (JsonNode w : body.get("widgets")) {
            w.at("/properties/annotations/horizontal").forEach(a -> lines.put(a.get("label").asText(),
                    a.get("value").asInt()));
        }
        assertThat(lines).containsExactlyInAnyOrderEntriesOf(Map.of("MINVIFS", 3, "PRACTICE_MAX_AGE_DAYS", 21,
                "MAX_UTILIZATION", 70));
    }

    @Test
    void theAlarmWidgetShowsEveryAlarmOfTheStack() throws Exception {
        for (Map<String, Object> values : List.<Map<String, Object>>of(Map.of(), Map.of("PracticeSchedule",
                "cron(0 10 ? * TUE *)", "PracticeOutcomeAlarms", "app errors"))) {
            CfnTemplate t = template(values);
            List<String> alarms = t.resources().entrySet().stream()
                    .filter(e -> "AWS::CloudWatch::Alarm".equals(e.getValue().get("Type")))
                    .map(e -> "getatt:" + e.getKey() + ".Arn").toList();
            List<String> shown = new ArrayList<>();
            for (JsonNode w : body(t).get("widgets")) {
                w.at("/properties/alarms").forEach(a -> shown.add(a.asText()));
            }
            assertThat(shown).containsExactlyInAnyOrderElementsOf(alarms);
            assertThat(alarms).hasSize(values.isEmpty() ? 5 : 6);
        }
    }

    @Test
    void theLogWidgetQueriesTheFunctionsLogGroupForItsDecisionLines() throws Exception {
        List<JsonNode> logs = new ArrayList<>();
        body().get("widgets").forEach(w -> {
            if (w.get("type").asText().equals("log")) {
                logs.add(w);
            }
        });
        assertThat(logs).singleElement().satisfies(w -> assertThat(w.at("/properties/query").asText())
                .startsWith("SOURCE 'ref:FunctionLogGroup' |").contains("sort @timestamp desc"));
    }


    @Test
    @SuppressWarnings("unchecked")
    void theProofAlarmComesWithAPracticeScheduleAndFiresWhileAVifIsNotProven() throws Exception {
        assertThat(template(Map.of()).resources()).doesNotContainKey("PracticeProofAlarm");
        CfnTemplate t = template(Map.of("PracticeSchedule", "cron(0 10 ? * TUE *)", "PracticeOutcomeAlarms",
                "app errors", "PracticeMaxAgeDays", 21));
        Map<String, Object> alarm = (Map<String, Object>) t.resources().get("PracticeProofAlarm").get("Properties");
        assertThat(alarm).containsEntry("Namespace", MetricLines.NAMESPACE)
                .containsEntry("MetricName", MetricLines.VIFS_NOT_PROVEN).containsEntry("Statistic", "Maximum")
                .containsEntry("Threshold", 1).containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("AlarmActions", List.of("ref:NotificationTopic"))
                .containsEntry("Dimensions", List.of(Map.of("Name", "Deployment", "Value", "ref:DxFailoverFunction")));
        // Not proven = no PRACTICE_SUCCEEDED in PracticeMaxAgeDays days, the deployment's own count (no VIF).
        assertThat(MetricLines.catalogue().get(MetricLines.VIFS_NOT_PROVEN)).containsExactly(List.of("Deployment"));
        assertThat((String) alarm.get("AlarmName")).doesNotStartWith("dxvif-").contains("in 21 days");
        assertThat(functionEnvironment(t)).containsEntry("PRACTICE_MAX_AGE_DAYS", "21");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> functionEnvironment(CfnTemplate t) {
        Map<String, Object> properties = (Map<String, Object>) t.resources().get("DxFailoverFunction").get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardsAddressIsAnOutput() throws Exception {
        CfnTemplate t = template(Map.of());
        Map<String, Object> outputs = (Map<String, Object>) t.resolve(t.raw().get("Outputs"));
        assertThat(((Map<String, Object>) outputs.get("DashboardUrl")).get("Value")).isEqualTo(
                "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1"
                        + "#dashboards/dashboard/ref:Dashboard");
        Map<String, Object> properties = (Map<String, Object>) t.resources().get("Dashboard").get("Properties");
        assertThat(properties).containsEntry("DashboardName", "dx-dx-failover");
    }

    /** The README's picture (images/dashboard.svg, drawn by images/draw-dashboard.py) has every widget where the template puts it. */
    @Test
    void thePictureOfTheLayoutHasEveryWidgetOfTheTemplate() throws Exception {
        Map<String, String> defined = new HashMap<>();
        for (JsonNode w : body().get("widgets")) {
            Map.Entry<String, String> placed = DashboardPicture.placed(w);
            defined.put(placed.getKey(), placed.getValue());
        }
        assertThat(DashboardPicture.read(Path.of("images/dashboard.svg")).grid())
                .as("images/dashboard.svg is out of date: run images/draw-dashboard.py")
                .containsExactlyInAnyOrderEntriesOf(defined);
        assertThat(Files.exists(Path.of("images/dashboard.png"))).isTrue();
    }

    /**
     * What the picture shows, against the template resolved for the parameters the picture names: the listed VIFs
     * are the tests' IDs; each graph draws only metrics its widget graphs, per-VIF series only for VIFs its search
     * names, every listed VIF in the AWS/DX graphs, the template's horizontal lines; the alarm list is the stack's
     * alarms; the log table has the query's columns and lines the query's parse reads as the outcome and VIF shown.
     */
    @Test
    @SuppressWarnings("unchecked")
    void thePictureShowsForItsParametersWhatTheTemplatesWidgetsShow() throws Exception {
        DashboardPicture picture = DashboardPicture.read(Path.of("images/dashboard.svg"));
        Map<String, String> root = picture.root();
        Map<String, Object> parameters = new HashMap<>();
        for (String p : root.get("parameters").split(";")) {
            String[] kv = p.split("=", 2);
            parameters.put(kv[0], kv[1].matches("\\d+") ? (Object) Integer.valueOf(kv[1]) : kv[1]);
        }
        assertThat(parameters).containsEntry("VifList", String.join(",", VIFS)).containsEntry("AWS::StackName", "my-dx")
                .containsEntry("AWS::Region", "eu-west-1");
        CfnTemplate t = template(parameters);
        assertThat(t.failedAssertions()).as("parameters CloudFormation accepts").isEmpty();
        Map<String, Object> dashboard = (Map<String, Object>) t.resources().get("Dashboard").get("Properties");
        assertThat(root).containsEntry("dashboard", (String) dashboard.get("DashboardName"));

        Map<String, List<Map<String, String>>> drawn = picture.widgets();
        List<String> vifsDrawn = new ArrayList<>();
        for (JsonNode w : body(t).get("widgets")) {
            String title = w.at("/properties/title").asText();
            List<Map<String, String>> elements = drawn.get(title);
            assertThat(elements).as("drawn: %s", title).isNotNull();
            switch (w.get("type").asText()) {
                case "metric" -> {
                    List<Graphed> graphed = graphedBy(w);
                    List<Map<String, String>> series = elements.stream().filter(e -> e.containsKey("series")).toList();
                    assertThat(series).as("series of %s", title).isNotEmpty().allSatisfy(e -> assertThat(graphed)
                            .as("%s graphs %s", title, e).anySatisfy(gr -> {
                                assertThat(gr.name()).isEqualTo(e.get("series"));
                                if (e.containsKey("vif")) {
                                    assertThat(gr.vifs()).contains(e.get("vif"));
                                } else {
                                    assertThat(gr.dimensions()).doesNotContain("VirtualInterfaceId");
                                }
                            }));
                    series.forEach(e -> vifsDrawn.add(e.get("vif")));
                    for (Graphed gr : graphed) {
                        if (gr.namespace().equals("AWS/DX")) {
                            assertThat(series.stream().filter(e -> gr.name().equals(e.get("series")))
                                    .map(e -> e.get("vif"))).as("every listed VIF in %s", title)
                                    .containsAll(VIFS);
                        }
                    }
                    DashboardPicture.assertHorizontalLinesDrawn(w, elements, title);
                }
                case "alarm" -> {
                    List<String> names = new ArrayList<>();
                    w.at("/properties/alarms").forEach(a -> names.add((String) ((Map<String, Object>) t.resources()
                            .get(a.asText().replaceAll("^getatt:|\\.Arn$", "")).get("Properties")).get("AlarmName")));
                    assertThat(elements.stream().filter(e -> e.containsKey("alarm")).map(e -> e.get("alarm")))
                            .containsExactlyElementsOf(names);
                }
                default -> {
                    String query = w.at("/properties/query").asText();
                    List<String> columns = Arrays.asList(query.replaceAll("^.*\\| display ", "").split(", "));
                    assertThat(elements.stream().filter(e -> e.containsKey("column") && !e.containsKey("row"))
                            .map(e -> e.get("column"))).as("the query's columns").containsExactlyElementsOf(columns);
                    Map<String, Map<String, String>> rows = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
                    elements.stream().filter(e -> e.containsKey("row")).forEach(e -> rows
                            .computeIfAbsent(e.get("row"), r -> new HashMap<>()).put(e.get("column"), e.get("value")));
                    Matcher limit = Pattern.compile("\\| limit (\\d+) \\|").matcher(query);
                    assertThat(limit.find()).isTrue();
                    assertThat(rows).hasSizeBetween(1, Integer.parseInt(limit.group(1)));
                    Matcher parse = Pattern.compile("parse @message /(.*?)/ \\|").matcher(query);
                    assertThat(parse.find()).isTrue();
                    Pattern reads = Pattern.compile(parse.group(1));
                    List<String> outcomes = Arrays.stream(Outcome.values()).map(Enum::name).toList();
                    String previous = null;
                    for (Map<String, String> row : rows.values()) {
                        assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(columns);
                        Matcher m = reads.matcher(row.get("@message"));
                        assertThat(m.find()).as("the query reads %s", row).isTrue();
                        assertThat(m.group("outcome")).isEqualTo(row.get("outcome")).isIn(outcomes);
                        assertThat(m.group("vif")).isEqualTo(row.get("vif"));
                        assertThat(row.get("vif").equals("none") || VifId.isValid(row.get("vif"))).as(row.get("vif"))
                                .isTrue();
                        if (!row.get("outcome").equals("NOT_MANAGED") && !row.get("vif").equals("none")) {
                            assertThat(VIFS).contains(row.get("vif"));
                        }
                        if (previous != null) {
                            assertThat(row.get("@timestamp")).as("sorted by @timestamp desc")
                                    .isLessThanOrEqualTo(previous);
                        }
                        previous = row.get("@timestamp");
                    }
                }
            }
        }
        assertThat(vifsDrawn).containsAll(VIFS);
    }
}
