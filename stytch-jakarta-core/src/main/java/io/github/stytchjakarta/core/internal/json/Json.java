package io.github.stytchjakarta.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.stytchjakarta.core.AuthenticationFactor;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The one Jackson configuration for Stytch's JSON: snake_case names, unknown properties ignored,
 * {@code null}s not written, RFC 3339 timestamps as {@link Instant}, and authentication factors read
 * with {@link Claims#factor(Map)} so that API and JWT factors map the same way.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // integers as Long, as Nimbus reads JWT claims, so custom claims compare equal either way
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .addModule(new SimpleModule("stytch-jakarta")
                    .addDeserializer(Instant.class, new InstantDeserializer())
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(AuthenticationFactor.class, new FactorDeserializer()))
            .build();

    private Json() {
    }

    /**
     * The shared, thread-safe mapper.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes plain values (maps, lists, strings, numbers, booleans) as UTF-8 JSON, for sibling modules,
     * which see no Jackson type: it is relocated into this module's jar.
     *
     * @param value the value
     * @return the JSON
     * @throws IllegalArgumentException when the value is not made of plain values
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName(), e);
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            if (text.isEmpty()) {
                return null;
            }
            Instant instant = Claims.instant(text);
            if (instant == null) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 timestamp");
            }
            return instant;
        }
    }

    private static final class FactorDeserializer extends JsonDeserializer<AuthenticationFactor> {

        private static final TypeReference<Map<String, Object>> FACTOR_OBJECT = new TypeReference<>() { };

        @Override
        public AuthenticationFactor deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return (AuthenticationFactor) context.handleUnexpectedToken(AuthenticationFactor.class, parser);
            }
            return Claims.factor(parser.readValueAs(FACTOR_OBJECT));
        }
    }
}
