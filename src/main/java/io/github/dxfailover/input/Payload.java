package io.github.dxfailover.input;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonLocation;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * The invocation's payload as Lambda delivers it, read by the function itself (docs/behaviour.md §2: strict, bounded,
 * stateless) into the plain values {@link RequestParser} reads: maps, lists, strings, numbers, booleans and null.
 * <ul>
 * <li>Bounded: a payload over {@value #MAX_BYTES} bytes (EventBridge's own limit for an event) is refused unread.</li>
 * <li>Strict: one JSON value (RFC 8259) in UTF-8, nothing but white space after it; no comments, no key twice in an
 * object, no bytes that are not UTF-8 (encoded surrogates included).</li>
 * <li>Stateless: the parser keeps no table of field names between invocations (Jackson's canonicalization is off),
 * so crafted keys cannot fill one and make later payloads unreadable.</li>
 * </ul>
 * Numbers get the Java types Lambda's Java runtime gave them when it read the payload into a map: a whole number is
 * an Integer, else a Long, else a BigInteger; a number with a fraction or an exponent is a Double.
 */
final class Payload {
    /** EventBridge's limit for one event, 256 KB: no input the function serves is larger. */
    static final int MAX_BYTES = 256 * 1024;
    /**
     * The AWS SDK's own JSON parser (Jackson, shaded), configured here rather than shared with the SDK: no field-name
     * canonicalization (no state that input fills), duplicate keys refused; comments and every other extension of
     * JSON are off by default.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Payload() {
    }

    /** The payload's JSON value as plain values; null for an empty payload and for JSON {@code null}. */
    static Object read(byte[] payload) throws Malformed {
        if (payload.length > MAX_BYTES) {
            throw new Malformed("a payload of " + payload.length + " bytes, over the " + MAX_BYTES + " bytes (256 KB) "
                    + "an EventBridge event may have (not read)");
        }
        requireUtf8(payload);
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Object value = plain(parser, first);
            if (parser.nextToken() != null) {
                throw Malformed.notJson("content after the JSON value", at(parser.currentTokenLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw Malformed.notJson(e.getOriginalMessage(), at(e.getLocation()));
        } catch (IOException e) {
            throw Malformed.notJson(String.valueOf(e.getMessage()), "");
        }
    }

    /** Every byte is UTF-8 as RFC 3629 has it: no overlong form, no encoded surrogate, nothing cut short. */
    private static void requireUtf8(byte[] payload) throws Malformed {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(payload);
        CharBuffer out = CharBuffer.allocate(Math.max(16, payload.length));
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            throw new Malformed("bytes that are not UTF-8 at byte " + in.position() + " (" + hex(payload,
                    in.position(), result.length()) + ")");
        }
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + length); i++) {
            out.append(out.isEmpty() ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return out.toString();
    }

    private static String at(JsonLocation where) {
        return where == null || where.getLineNr() < 0 ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    private static Object plain(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, plain(parser, parser.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(plain(parser, t));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null; // JSON null (JSON text holds no embedded object)
        };
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
     * A payload that is not one strict JSON value; the message says what was found, to follow "expected a JSON
     * object, found …".
     */
    static final class Malformed extends Exception {
        Malformed(String found) {
            super(found, null, false, false);
        }

        /** Text that is not JSON: the parser's reason on one line (its first 120 characters: it may quote the payload). */
        static Malformed notJson(String reason, String where) {
            String first = String.valueOf(reason).lines().findFirst().orElse("")
                    .replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "").strip();
            return new Malformed("text that is not JSON (" + RequestParser.shortened(first, 120) + where + ")");
        }
    }
}
