package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.metrics.MetricLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring account's template (fleet/monitoring-template.yaml, made by fleet/make-monitoring-template from
 * fleet/sample-fleet.json; docs/fleet.md) as CloudFormation reads it: a sink only the organization's accounts may link
 * to, for metrics only, in every Region; one dashboard whose graphs search each account's own metrics of the function
 * in each Region, by the names and dimensions the function writes them under; and its picture
 * (images/fleet-dashboard.svg) shows what those widgets show.
 */
class FleetDashboardTest {
    private static final Path TEMPLATE = Path.of("fleet/monitoring-template.yaml");
    private static final Path SAMPLE = Path.of("fleet/sample-fleet.json");
    private static final Path PICTURE = Path.of("images/fleet-dashboard.svg");
    private static final String ORGANIZATION = "o-a1b2c3d4e5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEARCH = Pattern.compile(
            "^SEARCH\\('\\{([^}]*)} (.*) :aws\\.AccountId = \"(\\d{12})\"', '(\\w+)', (\\d+)\\)$");
    private static final Pattern METRIC_NAME = Pattern.compile("MetricName=\"(\\w+)\"");
    private static final Pattern DYNAMIC_LABEL = Pattern.compile("\\$\\{PROP\\('([^']*)'\\)}");

    /** One query of a graph: the account it reads, the SEARCH's schema (namespace first) and metric names. */
    private record Query(String account, List<String> schema, List<String> names, String label, String source) {
    }

    private static CfnTemplate template(String region) throws IOException {
        return CfnTemplate.load(TEMPLATE, Map.of("OrganizationId", ORGANIZATION, "AWS::Region", region,
                "AWS::Partition", "aws", "AWS::AccountId", "999999999999"));
    }

    @SuppressWarnings("unchecked")
    private static JsonNode body() throws IOException {
        CfnTemplate t = template(fleet().get("regions").get(0).asText());
        Map<String, Object> properties = (Map<String, Object>) t.resources().get("Dashboard").get("Properties");
        return JSON.readTree((String) properties.get("DashboardBody"));
    }

    private static JsonNode fleet() throws IOException {
        return JSON.readTree(SAMPLE.toFile());
    }

    private static List<Query> queries(JsonNode widget) {
        List<Query> out = new ArrayList<>();
        for (JsonNode row : widget.at("/properties/metrics")) {
            JsonNode q = row.get(0);
            String expression = q.get("expression").asText();
            Matcher m = SEARCH.matcher(expression);
            assertThat(m.matches()).as("a SEARCH of one account's metrics: %s", expression).isTrue();
            assertThat(q.get("accountId").asText()).as("the accountId of %s", expression).isEqualTo(m.group(3));
            List<String> names = new ArrayList<>();
            Matcher n = METRIC_NAME.matcher(m.group(2));
            while (n.find()) {
                names.add(n.group(1));
            }
            assertThat(names).as("metric names in %s", expression).isNotEmpty();
            out.add(new Query(m.group(3), List.of(m.group(1).split(",")), names, q.get("label").asText(), expression));
        }
        return out;
    }

    private static PythonScript.Run makeTemplate(Path fleetFile) throws Exception {
        return PythonScript.run("fleet/make-monitoring-template", List.of(fleetFile.toString()), 60);
    }

    @Test
    void theTemplateIsWhatTheScriptMakesOfTheSampleFleet() throws Exception {
        PythonScript.Run run = makeTemplate(SAMPLE);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).as("fleet/monitoring-template.yaml is out of date: run fleet/make-monitoring-template "
                + "fleet/sample-fleet.json > fleet/monitoring-template.yaml").isEqualTo(Files.readString(TEMPLATE));
        assertThat(template("eu-west-1").raw()).doesNotContainKey("Transform");
    }

    @Test
    void aFleetFileItCannotReadIsRefusedWithWhatWasExpected(@TempDir Path dir) throws Exception {
        Path twice = Files.writeString(dir.resolve("fleet.json"), "{\"regions\": [\"eu-west-1\"], \"accounts\": "
                + "[{\"id\": \"111111111111\"}, {\"id\": \"111111111111\", \"name\": \"again\"}]}");
        Path shortId = Files.writeString(dir.resolve("short.json"), "{\"regions\": [\"eu-west-1\"], \"accounts\": "
                + "[{\"id\": \"11111111111\"}]}");
        Path noRegion = Files.writeString(dir.resolve("none.json"), "{\"regions\": [], \"accounts\": "
                + "[{\"id\": \"111111111111\"}]}");
        for (Path bad : List.of(twice, shortId, noRegion)) {
            PythonScript.Run run = makeTemplate(bad);
            assertThat(run.status()).as(bad.toString()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("expected").contains("found");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSinkLetsOnlyTheOrganizationsAccountsLinkAndOnlyForMetrics() throws Exception {
        for (JsonNode region : fleet().get("regions")) {
            Map<String, Object> sink = template(region.asText()).resources().get("Sink");
            assertThat(sink).containsEntry("Type", "AWS::Oam::Sink");
            Map<String, Object> policy = (Map<String, Object>) ((Map<String, Object>) sink.get("Properties"))
                    .get("Policy");
            assertThat((List<Map<String, Object>>) policy.get("Statement")).singleElement().satisfies(s -> {
                assertThat(s).containsEntry("Effect", "Allow")
                        .containsEntry("Action", List.of("oam:CreateLink", "oam:UpdateLink"));
                assertThat((Map<String, Object>) s.get("Condition")).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "StringEquals", Map.of("aws:PrincipalOrgID", ORGANIZATION),
                        "ForAllValues:StringEquals", Map.of("oam:ResourceTypes", List.of("AWS::CloudWatch::Metric"))));
            });
        }
    }

    /** A dashboard is the account's, not a Region's: one stack holds it, every stack has its Region's sink. */
    @Test
    @SuppressWarnings("unchecked")
    void theDashboardIsMadeOnceInTheFirstRegionAndEveryRegionGivesItsSinksArn() throws Exception {
        List<String> regions = new ArrayList<>();
        fleet().get("regions").forEach(r -> regions.add(r.asText()));
        for (String region : regions) {
            CfnTemplate t = template(region);
            assertThat(t.resources().containsKey("Dashboard")).as(region).isEqualTo(region.equals(regions.get(0)));
            Map<String, Object> outputs = (Map<String, Object>) t.raw().get("Outputs");
            assertThat(t.resolve(((Map<String, Object>) outputs.get("SinkArn")).get("Value")))
                    .isEqualTo("getatt:Sink.Arn");
        }
    }

    /**
     * Per Region, per account of the fleet: a line naming it, then four graphs in that Region, each query reading that
     * account (accountId and the search's own :aws.AccountId); the graphs inside the grid and none over another.
     */
    @Test
    void everyAccountOfTheFleetHasItsGraphsInEachRegion() throws Exception {
        Map<String, List<JsonNode>> graphs = new TreeMap<>();
        Set<String> headers = new HashSet<>();
        DashboardBody.assertOnTheGrid(body().get("widgets"));
        for (JsonNode w : body().get("widgets")) {
            if (w.get("type").asText().equals("text")) {
                headers.add(w.at("/properties/markdown").asText());
                continue;
            }
            assertThat(w.get("type").asText()).isEqualTo("metric");
            Set<String> accounts = new HashSet<>();
            queries(w).forEach(q -> accounts.add(q.account()));
            assertThat(accounts).as("one account per graph: %s", w.at("/properties/title")).hasSize(1);
            graphs.computeIfAbsent(accounts.iterator().next() + " " + w.at("/properties/region").asText(),
                    k -> new ArrayList<>()).add(w);
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode region : fleet().get("regions")) {
            for (JsonNode account : fleet().get("accounts")) {
                String key = account.get("id").asText() + " " + region.asText();
                expected.add(key);
                assertThat(graphs.get(key)).as("the graphs of %s", key).hasSize(4).allSatisfy(w -> assertThat(
                        w.at("/properties/title").asText()).endsWith(account.get("name").asText() + ", "
                        + region.asText()));
                assertThat(headers).contains("### " + account.get("name").asText() + " · " + account.get("id").asText()
                        + " · " + region.asText());
            }
        }
        assertThat(graphs.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * Each graph searches a metric the function writes, under a dimension set it writes it with (§11), in its
     * namespace; a dynamic label names only dimensions the search has. Together they show what the issue asks: healthy
     * VIFs against the minimum, failovers, give-backs, every practice judgement and the maintenance windows.
     */
    @Test
    void everyGraphSearchesAMetricTheFunctionWritesUnderTheDimensionsItWritesItWith() throws Exception {
        Map<String, Set<List<String>>> catalogue = MetricLines.catalogue();
        Set<String> searched = new HashSet<>();
        for (JsonNode w : body().get("widgets")) {
            if (!w.get("type").asText().equals("metric")) {
                continue;
            }
            for (Query q : queries(w)) {
                assertThat(q.schema().get(0)).isEqualTo(MetricLines.NAMESPACE);
                List<String> dimensions = q.schema().subList(1, q.schema().size());
                for (String name : q.names()) {
                    assertThat(catalogue).as("a metric the function writes: %s", name).containsKey(name);
                    assertThat(catalogue.get(name)).as("%s written with the dimensions %s", name, dimensions)
                            .contains(dimensions);
                    searched.add(name);
                }
                List<String> properties = new ArrayList<>(List.of("MetricName"));
                dimensions.forEach(d -> properties.add("Dim." + d));
                Matcher label = DYNAMIC_LABEL.matcher(q.label());
                while (label.find()) {
                    assertThat(label.group(1)).as("a label of %s", q.source()).isIn(properties);
                }
            }
        }
        assertThat(searched).contains(MetricLines.HEALTHY_VIFS, MetricLines.MARGIN_OVER_MINIMUM,
                Outcome.FAILED_OVER.name(), Outcome.GIVEN_BACK.name(), Outcome.PRACTICE_SUCCEEDED.name(),
                Outcome.PRACTICE_FAILED.name(), Outcome.PRACTICE_INTERRUPTED.name(),
                Outcome.PRACTICE_INCONCLUSIVE.name(), Outcome.PRACTICE_BLOCKED.name(), MetricLines.IN_MAINTENANCE);
    }

    @Test
    void thePictureHasEveryWidgetOfTheTemplateInItsPlace() throws Exception {
        Map<String, String> defined = new HashMap<>();
        for (JsonNode w : body().get("widgets")) {
            Map.Entry<String, String> placed = DashboardPicture.placed(w);
            defined.put(placed.getKey(), placed.getValue());
        }
        assertThat(DashboardPicture.read(PICTURE).grid())
                .as("images/fleet-dashboard.svg is out of date: run images/draw-fleet-dashboard.py")
                .containsExactlyInAnyOrderEntriesOf(defined);
    }

    /**
     * What the picture shows, against the template: it was drawn for the sample fleet; each series is a metric its
     * graph searches, of the account the graph reads, in the graph's Region, per VIF exactly when the search is; each
     * graph's horizontal lines are the template's; every account shows its healthy VIFs in every Region.
     */
    @Test
    void thePictureShowsForEachAccountAndRegionWhatItsGraphsSearch() throws Exception {
        DashboardPicture picture = DashboardPicture.read(PICTURE);
        List<String> ids = new ArrayList<>();
        fleet().get("accounts").forEach(a -> ids.add(a.get("id").asText()));
        List<String> regions = new ArrayList<>();
        fleet().get("regions").forEach(r -> regions.add(r.asText()));
        assertThat(picture.root()).containsEntry("dashboard", "dx-failover-fleet")
                .containsEntry("accounts", String.join(",", ids)).containsEntry("regions", String.join(",", regions));
        Set<String> healthyDrawn = new HashSet<>();
        for (JsonNode w : body().get("widgets")) {
            if (!w.get("type").asText().equals("metric")) {
                continue;
            }
            String title = w.at("/properties/title").asText();
            List<Map<String, String>> elements = picture.widgets().get(title);
            assertThat(elements).as("drawn: %s", title).isNotNull();
            List<Query> queries = queries(w);
            elements.stream().filter(e -> e.containsKey("series")).forEach(e -> {
                assertThat(e).as(title).containsEntry("region", w.at("/properties/region").asText());
                assertThat(queries).as("%s searches %s", title, e).anySatisfy(q -> {
                    assertThat(q.account()).isEqualTo(e.get("account"));
                    assertThat(q.names()).contains(e.get("series"));
                    assertThat(e.containsKey("vif")).isEqualTo(q.schema().contains("VirtualInterfaceId"));
                });
                if (e.get("series").equals(MetricLines.HEALTHY_VIFS)) {
                    healthyDrawn.add(e.get("account") + " " + e.get("region"));
                }
            });
            DashboardPicture.assertHorizontalLinesDrawn(w, elements, title);
        }
        Set<String> everyPair = new HashSet<>();
        ids.forEach(a -> regions.forEach(r -> everyPair.add(a + " " + r)));
        assertThat(healthyDrawn).isEqualTo(everyPair);
    }
}
