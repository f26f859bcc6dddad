package io.github.dxfailover.input;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * The invocation's payload as Lambda delivers it, read by the function itself with the AWS SDK's own JSON
 * parser (docs/behaviour.md §2), into the plain values {@link RequestParser} reads: maps, lists, strings,
 * numbers, booleans and null. Numbers get the Java types Lambda's Java runtime gave them when it read the
 * payload into a map, so every check on a number reads as it did: a whole number is an Integer, else a
 * Long, else a BigInteger; a number with a fraction or an exponent is a Double.
 */
final class Payload {
    private static final JsonNodeParser PARSER = JsonNode.parser();
    /** Where the parser's message says it stopped; the last such mention is the error's own. */
    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private Payload() {
    }

    /** The payload's JSON value as plain values; null for an empty payload and for JSON {@code null}. */
    static Object read(byte[] payload) throws Malformed {
        JsonNode root;
        try {
            root = PARSER.parse(payload);
        } catch (RuntimeException e) { // the SDK wraps the parser's exception in an UncheckedIOException
            throw new Malformed(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        return root == null ? null : plain(root);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.asObject().forEach((key, value) -> map.put(key, plain(value)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.asArray().forEach(value -> list.add(plain(value)));
            return list;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return number(node.asNumber());
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return null; // JSON null (JSON text holds no embedded object)
    }

    private static Number number(String text) {
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return Double.valueOf(text);
        }
        BigInteger n = new BigInteger(text);
        return n.bitLength() < Integer.SIZE ? Integer.valueOf(n.intValue())
                : n.bitLength() < Long.SIZE ? Long.valueOf(n.longValue()) : n;
    }

    /**
     * A payload that is not JSON text; the message is the parser's on one line (its first 120 characters: it
     * may quote the payload), with where it stopped.
     */
    static final class Malformed extends Exception {
        Malformed(String parserMessage) {
            super(oneLine(String.valueOf(parserMessage)), null, false, false);
        }

        private static String oneLine(String message) {
            String first = message.lines().findFirst().orElse("")
                    .replaceAll("\\s*\\(start marker at \\[Source:.*", "").strip();
            Matcher at = LOCATION.matcher(message);
            String where = null;
            while (at.find()) {
                where = "line " + at.group(1) + ", column " + at.group(2);
            }
            return RequestParser.shortened(first, 120) + (where == null ? "" : " at " + where);
        }
    }
}
