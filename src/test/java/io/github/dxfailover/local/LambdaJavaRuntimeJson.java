package io.github.dxfailover.local;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What Lambda's Java runtime did with JSON when the handler took and returned a {@code Map<String, Object>}:
 * its own serializer (aws-lambda-java-serialization, the one the runtime interface client uses for such a
 * handler) reading the payload into the map and writing the returned map. The handler now reads and writes
 * JSON itself; this is what it is compared with.
 */
public final class LambdaJavaRuntimeJson {
    @SuppressWarnings("unused")
    private static Map<String, Object> handlerType;
    private static final PojoSerializer<Object> MAPS = JacksonFactory.getInstance().getSerializer(mapType());

    private LambdaJavaRuntimeJson() {
    }

    /** The payload as the runtime handed it to a Map handler (null for what it read as no input). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String payload) {
        return (Map<String, Object>) MAPS.fromJson(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** The answer the runtime wrote for a map a handler returned. */
    public static String write(Map<String, Object> result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MAPS.toJson(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Type mapType() {
        try {
            return LambdaJavaRuntimeJson.class.getDeclaredField("handlerType").getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
