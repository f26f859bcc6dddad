package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.port.EventBus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample EventBridge rules of docs/practice.md ("Route the events", docs/behaviour.md §20) match what the function
 * puts: its source and detail-type, and outcomes it has. (moto's EventBridge does not match into arrays of objects, as
 * the chat rule's {@code actions} does, so the patterns are read here rather than run.)
 */
class EventPatternsInDocsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON blocks of the section that are event patterns. */
    private static List<JsonNode> patterns() throws Exception {
        String doc = Files.readString(Path.of("docs/practice.md"));
        int start = doc.indexOf("## Route the events");
        assertThat(start).as("docs/practice.md has the section").isNotNegative();
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
        List<JsonNode> patterns = new ArrayList<>();
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            JsonNode node = JSON.readTree(block.group(1));
            if (node.has("source")) {
                patterns.add(node);
            }
        }
        return patterns;
    }

    @Test
    void eachSampleRuleMatchesTheFunctionsEventsAndNamesOnlyItsOutcomes() throws Exception {
        List<JsonNode> patterns = patterns();
        assertThat(patterns).as("the archive's pattern and the chat rule's").hasSize(2);
        List<String> outcomes = Arrays.stream(Outcome.values()).map(Enum::name).toList();
        for (JsonNode pattern : patterns) {
            assertThat(pattern.get("source")).isEqualTo(JSON.valueToTree(List.of(EventBus.SOURCE)));
            assertThat(pattern.get("detail-type")).isEqualTo(JSON.valueToTree(List.of(EventBus.DETAIL_TYPE)));
            assertThat(pattern.findValues("outcome")).as(pattern.toString()).isNotEmpty().allSatisfy(values -> {
                for (JsonNode value : values) {
                    if (value.isTextual()) {
                        assertThat(outcomes).contains(value.asText());
                    } else {
                        String prefix = value.get("prefix").asText();
                        assertThat(outcomes).anyMatch(o -> o.startsWith(prefix));
                    }
                }
            });
        }
        // The archive keeps the practice runs: every practice outcome, and nothing else.
        String prefix = patterns.get(0).at("/detail/practice/outcome/0/prefix").asText();
        assertThat(outcomes.stream().filter(o -> o.startsWith(prefix)).toList()).containsExactlyInAnyOrder(
                "PRACTICE_STARTED", "PRACTICE_BLOCKED", "PRACTICE_FAILED", "PRACTICE_INTERRUPTED", "PRACTICE_SUCCEEDED",
                "PRACTICE_INCONCLUSIVE");
    }
}
