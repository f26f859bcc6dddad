package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard body of template.yaml, resolved, as CloudWatch reads it. */
public final class DashboardBody {
    private DashboardBody() {
    }

    @SuppressWarnings("unchecked")
    static JsonNode of(CfnTemplate t) throws Exception {
        Map<String, Object> properties = (Map<String, Object>) t.resources().get("Dashboard").get("Properties");
        return new ObjectMapper().readTree((String) properties.get("DashboardBody"));
    }

    /** Every widget inside CloudWatch's 24 columns, none over another: the grid a dashboard body must keep. */
    static void assertOnTheGrid(JsonNode widgets) {
        Set<String> taken = new HashSet<>();
        for (JsonNode w : widgets) {
            int x = w.get("x").asInt();
            int y = w.get("y").asInt();
            assertThat(x + w.get("width").asInt()).as("inside the 24 columns: %s", w)
                    .isLessThanOrEqualTo(24);
            for (int r = y; r < y + w.get("height").asInt(); r++) {
                for (int c = x; c < x + w.get("width").asInt(); c++) {
                    assertThat(taken.add(c + "," + r))
                            .as("widgets overlap at %d,%d", c, r).isTrue();
                }
            }
        }
    }

    /** The regular expression the "Last decisions" widget's Logs Insights query parses each line with. */
    public static Pattern logQueryPattern() throws Exception {
        JsonNode body = of(CfnTemplate.load(Path.of("template.yaml"), Map.of("VifList", List.of("dxvif-fgab1234"), "AWS::Partition", "aws", "AWS::Region", "eu-west-1", "AWS::AccountId", "123456789012")));
        for (JsonNode w : body.get("widgets")) {
            Matcher m = Pattern.compile("parse @message /(.*?)/ \\|").matcher(w.at("/properties/query").asText());
            if (m.find()) {
                return Pattern.compile(m.group(1));
            }
        }
        throw new AssertionError("no parse in the log widget's query");
    }
}
