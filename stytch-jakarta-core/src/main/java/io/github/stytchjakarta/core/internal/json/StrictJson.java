package io.github.stytchjakarta.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads untrusted JSON (JWS headers and payloads) with Jackson's streaming parser, strictly: duplicate
 * member names are refused at every level (two parsers reading different values of one claim is an
 * attack vector; checked as the objects are built, which costs less than Jackson's
 * {@code STRICT_DUPLICATE_DETECTION}, so a caller that skips a value must read it instead), nesting is limited to
 * {@link #MAX_NESTING_DEPTH}, and a document is exactly one
 * value (trailing content is refused), and the bytes are strictly UTF-8 without a byte order mark (RFC 8259
 * §8.1, RFC 7519 §7.2): Jackson alone would detect a byte order mark, UTF-16 and UTF-32 and decode
 * over-long forms and encoded surrogates, so that a signed {@code "\xC1\xA1dmin"} read as {@code admin}
 * while other parsers read something else. Values are read as the plain Java objects {@link Claims} reads:
 * {@link LinkedHashMap}, {@link ArrayList}, {@link String}, {@link Long} (a {@link java.math.BigInteger}
 * beyond it), {@link Double}, {@link Boolean} and {@code null}.
 *
 * <p>Thread-safe.
 */
public final class StrictJson {

    /** Deepest nesting of objects and arrays accepted; Stytch's claims nest five deep. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ThreadLocal<CharsetDecoder> UTF_8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private StrictJson() {
    }

    /**
     * Opens a parser on a document; the caller reads it, refusing duplicate names itself (see
     * {@link #putNew}), and then calls {@link #requireEnd(JsonParser)}.
     *
     * @param json   UTF-8 bytes
     * @param offset where the document starts
     * @param length its length
     * @return a parser before the first token
     * @throws IOException when the bytes are not strictly UTF-8 or start with a byte order mark
     */
    public static JsonParser parser(byte[] json, int offset, int length) throws IOException {
        requireUtf8(json, offset, length);
        return FACTORY.createParser(json, offset, length);
    }

    /**
     * Reads a document that must be one JSON object.
     *
     * @param json   UTF-8 bytes
     * @param offset where the document starts
     * @param length its length
     * @return the object
     * @throws IOException when the document is not exactly one well-formed object
     */
    public static Map<String, Object> readObject(byte[] json, int offset, int length) throws IOException {
        try (JsonParser parser = parser(json, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "not a JSON object");
            }
            Map<String, Object> object = readObject(parser);
            requireEnd(parser);
            return object;
        }
    }

    /**
     * Reads the value at the parser's current token, leaving the parser on its last token.
     *
     * @param parser a parser on the first token of a value
     * @return the value
     * @throws IOException when the JSON is malformed, nests too deep or repeats a member name
     */
    public static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : Long.valueOf(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    /**
     * Adds a member to an object being read.
     *
     * @param parser the parser, for the error
     * @param object the object
     * @param name   the member name
     * @param value  its value
     * @throws IOException when the object already has a member of that name
     */
    public static void putNew(JsonParser parser, Map<String, Object> object, String name, Object value) throws IOException {
        int size = object.size();
        object.put(name, value);
        if (object.size() == size) {
            throw new JsonParseException(parser, "duplicate member name");
        }
    }

    /**
     * Checks that nothing follows the value just read.
     *
     * @param parser a parser on the last token of the document's value
     * @throws IOException when more content follows
     */
    public static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "content after the JSON value");
        }
    }

    private static void requireUtf8(byte[] json, int offset, int length) throws IOException {
        // Jackson picks UTF-16 or UTF-32 when one of the first two bytes is zero (no JSON text starts so in
        // UTF-8), and skips a UTF-8 byte order mark (which RFC 8259 forbids a sender to add)
        if (length > 0 && json[offset] == 0 || length > 1 && json[offset + 1] == 0
                || length > 2 && json[offset] == (byte) 0xEF && json[offset + 1] == (byte) 0xBB
                && json[offset + 2] == (byte) 0xBF) {
            throw new JsonParseException(null, "not UTF-8 without a byte order mark");
        }
        for (int i = offset; i < offset + length; i++) {
            if (json[i] < 0) {
                // rare in tokens: only then the JDK's strict decoder, which refuses every ill-formed sequence
                CharsetDecoder decoder = UTF_8.get().reset();
                if (decoder.decode(ByteBuffer.wrap(json, i, offset + length - i), CharBuffer.allocate(offset + length - i),
                        true).isError()) {
                    throw new JsonParseException(null, "not well-formed UTF-8");
                }
                return;
            }
        }
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            putNew(parser, object, name, readValue(parser));
        }
        return object;
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(readValue(parser));
        }
        return array;
    }
}
