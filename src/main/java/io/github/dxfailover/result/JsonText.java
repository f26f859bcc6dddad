package io.github.dxfailover.result;

import java.util.Map;

/**
 * Plain values (maps, lists, strings, numbers, booleans, null: what {@link Result#toMap()} holds) as JSON
 * text, written as Lambda's Java runtime wrote the handler's map when it still did (docs/behaviour.md §10),
 * so that the answer is the same to the byte: a map entry without a value is left out; in strings a
 * quote, a backslash, a control character and each half of a surrogate pair (characters beyond the Basic
 * Multilingual Plane, such as emoji) are escaped, everything else is written as it is, for UTF-8. A number
 * that is not finite is written as a string ("NaN"), as the runtime did; any other object as the string of
 * its {@code toString()}.
 */
public final class JsonText {
    private JsonText() {
    }

    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Double d when d.isNaN() || d.isInfinite() -> string(d.toString(), out);
            case Float f when f.isNaN() || f.isInfinite() -> string(f.toString(), out);
            case Number n -> out.append(n);
            case Map<?, ?> map -> {
                out.append('{');
                String comma = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (e.getValue() != null) {
                        string(String.valueOf(e.getKey()), out.append(comma));
                        write(e.getValue(), out.append(':'));
                        comma = ",";
                    }
                }
                out.append('}');
            }
            case Iterable<?> list -> {
                out.append('[');
                String comma = "";
                for (Object item : list) {
                    write(item, out.append(comma));
                    comma = ",";
                }
                out.append(']');
            }
            default -> string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < ' ' || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
