package io.github.dxfailover.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard's picture as images/dashboard_svg.py draws it (images/dashboard.svg, images/fleet-dashboard.svg), read
 * back from what it carries: each widget's box by its title (a text widget's by its Markdown) with its place on the
 * grid, and the data-* attributes of the elements it draws.
 *
 * @param root    the data-* attributes of the picture itself (what it was drawn for)
 * @param grid    each widget's x,y,width,height
 * @param widgets each widget's marked elements, in the order drawn
 */
record DashboardPicture(Map<String, String> root, Map<String, String> grid,
                        Map<String, List<Map<String, String>>> widgets) {
    private static final Pattern WIDGET = Pattern.compile(
            "<g data-widget=\"([^\"]+)\" data-grid=\"([0-9,]+)\">(.*?)</g>", Pattern.DOTALL);
    private static final Pattern ELEMENT = Pattern.compile("<\\w+((?: [A-Za-z0-9:-]+=\"[^\"]*\")*)\\s*/?>");
    private static final Pattern DATA = Pattern.compile(" data-([a-z-]+)=\"([^\"]*)\"");

    static DashboardPicture read(Path file) throws IOException {
        String svg = Files.readString(file);
        Map<String, String> grid = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> widgets = new LinkedHashMap<>();
        Matcher g = WIDGET.matcher(svg);
        while (g.find()) {
            grid.put(unescape(g.group(1)), g.group(2));
            widgets.put(unescape(g.group(1)), marked(g.group(3)));
        }
        return new DashboardPicture(marked(svg.substring(0, svg.indexOf('>') + 1)).get(0), grid, widgets);
    }

    /** A widget of a dashboard body by the name its picture draws it under, with its place as the grid gives it. */
    static Map.Entry<String, String> placed(JsonNode widget) {
        JsonNode p = widget.get("properties");
        String name = p.has("title") ? p.get("title").asText() : p.get("markdown").asText();
        return Map.entry(name, widget.get("x").asInt() + "," + widget.get("y").asInt() + ","
                + widget.get("width").asInt() + "," + widget.get("height").asInt());
    }

    /** The data-* attributes of each element of an SVG fragment that has some, in document order. */
    static List<Map<String, String>> marked(String svg) {
        List<Map<String, String>> out = new ArrayList<>();
        Matcher e = ELEMENT.matcher(svg);
        while (e.find()) {
            Map<String, String> data = new LinkedHashMap<>();
            Matcher a = DATA.matcher(e.group(1));
            while (a.find()) {
                data.put(a.group(1), unescape(a.group(2)));
            }
            if (!data.isEmpty()) {
                out.add(data);
            }
        }
        return out;
    }

    /** What Python's html.escape wrote. */
    /** The widget's horizontal lines (label → value) are the ones drawn in its elements, no more, no fewer. */
    static void assertHorizontalLinesDrawn(JsonNode widget, List<Map<String, String>> elements, String title) {
        Map<String, String> lines = new java.util.TreeMap<>();
        widget.at("/properties/annotations/horizontal").forEach(a -> lines.put(a.get("label").asText(),
                a.get("value").asText()));
        Map<String, String> linesDrawn = new java.util.TreeMap<>();
        elements.stream().filter(e -> e.containsKey("annotation"))
                .forEach(e -> linesDrawn.put(e.get("annotation"), e.get("value")));
        org.assertj.core.api.Assertions.assertThat(linesDrawn).as("horizontal lines of %s", title).isEqualTo(lines);
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
