package io.github.dxfailover.decision;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection's bandwidth as Direct Connect writes it ("50Mbps" … "400Gbps", docs/behaviour.md §15),
 * in bit/s.
 */
public final class Bandwidth {
    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([MG])bps");

    private Bandwidth() {
    }

    /** The bit/s, or empty when the text is not a bandwidth this function understands. */
    public static OptionalLong bps(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            return OptionalLong.empty();
        }
        double unit = m.group(2).equals("G") ? 1e9 : 1e6;
        return OptionalLong.of(Math.round(Double.parseDouble(m.group(1)) * unit));
    }
}
