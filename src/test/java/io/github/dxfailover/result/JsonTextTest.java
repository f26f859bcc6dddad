package io.github.dxfailover.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.local.LambdaJavaRuntimeJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The result's JSON text (docs/behaviour.md §10) is what Lambda's Java runtime wrote for the same map, byte
 * for byte, and any JSON reader reads back the values written.
 */
class JsonTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Quotes, backslashes, every control character, DEL, accents, CJK, an emoji, a line separator, a lone surrogate. */
    private static final String AWKWARD = "say \"hi\" \\ C:\\dx /path\n\r\t\b\f" + controlCharacters()
            + "\u007f café 東京 😀 \u2028 \ud800 </script>";

    private static String controlCharacters() {
        StringBuilder s = new StringBuilder();
        for (char c = 0; c < ' '; c++) {
            s.append(c);
        }
        return s.toString();
    }

    @Test
    void quotesBackslashesControlCharactersAndSurrogatesAreEscapedTheRestWrittenAsItIs() {
        assertThat(JsonText.of("a\"b\\c/d\ne\u0001f\u007fé東京😀\u2028")).isEqualTo(
                "\"a\\\"b\\\\c/d\\ne\\u0001f\u007fé東京\\uD83D\\uDE00\u2028\"");
        assertThat(JsonText.of("\b\f\r\t\u001f\ud800")).isEqualTo("\"\\b\\f\\r\\t\\u001F\\uD800\"");
        assertThat(JsonText.of(AWKWARD).chars()).allMatch(c -> c >= ' ' && !Character.isSurrogate((char) c.intValue()));
    }

    @Test
    void aMapEntryWithoutAValueIsLeftOutAndAListKeepsItsNulls() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("gone", null);
        inner.put("kept", 1);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("first", null);
        map.put("inner", inner);
        map.put("list", Arrays.asList(null, "a", List.of(), Map.of()));
        assertThat(JsonText.of(map)).isEqualTo("{\"inner\":{\"kept\":1},\"list\":[null,\"a\",[],{}]}");
        assertThat(JsonText.of(null)).isEqualTo("null");
    }

    @Test
    void numbersAndBooleansAsJavaWritesThemAndNonFiniteNumbersAsStrings() {
        assertThat(JsonText.of(Arrays.asList(60, 12_345_678_901L, new BigInteger("123456789012345678901234"), 310.0,
                0.1, 1e20, -0.0, 2.5f, true, false))).isEqualTo(
                "[60,12345678901,123456789012345678901234,310.0,0.1,1.0E20,-0.0,2.5,true,false]");
        assertThat(JsonText.of(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)))
                .isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\"]");
    }

    @Test
    void anyOtherObjectIsTheStringOfIt() {
        assertThat(JsonText.of(java.time.Instant.parse("2026-11-26T07:00:00Z"))).isEqualTo("\"2026-11-26T07:00:00Z\"");
    }

    @Test
    void theTextIsWhatLambdasJavaRuntimeWroteForTheSameMap() {
        Map<String, Object> map = everyKindOfValue(true);
        assertThat(JsonText.of(map)).isEqualTo(LambdaJavaRuntimeJson.write(map));
    }

    @Test
    void aJsonReaderReadsBackTheValuesWritten() throws Exception {
        Map<String, Object> map = everyKindOfValue(false);
        Map<String, Object> read = JSON.readValue(JsonText.of(map), new TypeReference<>() {
        });
        assertThat(read).isEqualTo(map);
    }

    /** Values of every kind a result holds; with {@code nulls}, map entries without a value too. */
    private static Map<String, Object> everyKindOfValue(boolean nulls) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("state", "available");
        if (nulls) {
            nested.put("asn", null);
        }
        nested.put("peers", new ArrayList<>(List.of(Map.of("status", "up"))));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", "REJECTED");
        map.put("message", AWKWARD);
        map.put(AWKWARD, "a key needs escaping too");
        if (nulls) {
            map.put("absent", null);
        }
        map.put("dryRun", false);
        map.put("limitPercent", 80);
        map.put("loadBps", 3_000_000_000L);
        map.put("projectedPercent", 310.5);
        map.put("errors", new ArrayList<>(List.of("one", "two")));
        map.put("vifs", Map.of("dxvif-fgab1234", nested));
        return map;
    }
}
