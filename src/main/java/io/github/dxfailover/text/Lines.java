package io.github.dxfailover.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Text an engineer reads on a phone: no line longer than {@link #WIDTH} characters (docs/behaviour.md §14). A longer
 * line breaks at its last space that fits (never the one before a "%"), and goes on indented four more than it began; a word longer than a line
 * (an ARN in an AWS error) is cut where the line ends.
 */
final class Lines {
    static final int WIDTH = 100;
    private static final String MORE = "    ";

    private Lines() {
    }

    /** The lines joined with newlines, each long one wrapped. */
    static String join(List<String> lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(line -> out.addAll(wrap(line)));
        return String.join("\n", out);
    }

    static List<String> wrap(String line) {
        List<String> out = new ArrayList<>();
        String indent = MORE + line.substring(0, line.length() - line.stripLeading().length());
        String rest = line;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            while (cut > 0 && cut + 1 < rest.length() && rest.charAt(cut + 1) == '%') { // "80 %" stays on one line
                cut = rest.lastIndexOf(' ', cut - 1);
            }
            int from = cut + 1;
            if (cut <= indent.length()) {
                cut = WIDTH;
                from = WIDTH;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(from).stripLeading();
        }
        out.add(rest);
        return out;
    }
}
