package io.github.stytchjakarta.core.internal.jwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.json.StrictJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of a JWS payload as the validators, {@link ValidityWindow}, {@link SessionClaimsMapper}
 * and {@link M2mClaims} use them: the registered claims typed, Stytch's session and organization
 * claims and the custom claims as JSON values ({@link StrictJson}). Other {@code https://stytch.com/}
 * claims are read (so they are checked like the others) and dropped, as nothing reads them.
 *
 * <p>{@link #read} types the registered claims as RFC 7519 does (and as Nimbus's {@code JWTClaimsSet}
 * did here before): {@code iss} and {@code jti} strings, {@code sub} a string (a number is read as its
 * text, as Nimbus does for interoperability), {@code aud} a string or an array of strings, and
 * {@code exp}, {@code nbf}, {@code iat} numbers of seconds within {@link #MAX_EPOCH_SECOND} of the
 * epoch (a fraction is truncated); {@code null} reads as absent. Any other type is {@code MALFORMED}.
 *
 * @param issuer          {@code iss}, or {@code null}
 * @param subject         {@code sub}, or {@code null}
 * @param audience        {@code aud} (unmodifiable), empty when absent
 * @param expiresAtMillis {@code exp} in epoch milliseconds, or {@link #ABSENT}
 * @param notBeforeMillis {@code nbf} in epoch milliseconds, or {@link #ABSENT}
 * @param issuedAtMillis  {@code iat} in epoch milliseconds, or {@link #ABSENT}
 * @param session         the {@code https://stytch.com/session} claim as read, or {@code null}
 * @param organization    the {@code https://stytch.com/organization} claim as read, or {@code null}
 * @param custom          every claim that is neither registered nor Stytch's own, in token order (unmodifiable)
 */
public record JwtClaims(String issuer, String subject, List<String> audience, long expiresAtMillis,
                        long notBeforeMillis, long issuedAtMillis, Object session, Object organization,
                        Map<String, Object> custom) {

    /** The value of an absent time claim; never a valid time, as times are bounded by {@link #MAX_EPOCH_SECOND}. */
    public static final long ABSENT = Long.MIN_VALUE;

    /** Largest time claim accepted, in seconds from the epoch either way: 9999-12-31T23:59:59Z. */
    public static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    /**
     * Reads a payload in one streaming pass.
     *
     * @param json   the decoded payload, UTF-8
     * @param offset where it starts
     * @param length its length
     * @return the claims
     * @throws InvalidTokenException {@code MALFORMED} when the payload is not one JSON object without
     *                               duplicate names and with well-typed registered claims
     */
    public static JwtClaims read(byte[] json, int offset, int length) {
        try (JsonParser parser = StrictJson.parser(json, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            String issuer = null;
            String subject = null;
            List<String> audience = List.of();
            long expiresAt = ABSENT;
            long notBefore = ABSENT;
            long issuedAt = ABSENT;
            Object session = null;
            Object organization = null;
            Map<String, Object> custom = new LinkedHashMap<>();
            Map<String, Object> unused = new HashMap<>();
            int seen = 0;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                // each claim read into a variable has a bit, to refuse its duplicate
                int bit = switch (name) {
                    case "iss" -> {
                        issuer = string(parser, value);
                        yield 1;
                    }
                    case "sub" -> {
                        // an integer within a long reads as its digits, as Nimbus does; any other number is MALFORMED,
                        // as Nimbus reads 1e3 or 2^63 differently (1000.0, 9.223372036854776E18) and 1e400 not at all
                        subject = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                ? Long.toString(parser.getLongValue()) : string(parser, value);
                        yield 1 << 1;
                    }
                    case "aud" -> {
                        audience = audience(parser, value);
                        yield 1 << 2;
                    }
                    case "exp" -> {
                        expiresAt = epochMillis(parser, value);
                        yield 1 << 3;
                    }
                    case "nbf" -> {
                        notBefore = epochMillis(parser, value);
                        yield 1 << 4;
                    }
                    case "iat" -> {
                        issuedAt = epochMillis(parser, value);
                        yield 1 << 5;
                    }
                    case "jti" -> {
                        string(parser, value);
                        yield 1 << 6;
                    }
                    case StytchClaims.SESSION -> {
                        session = StrictJson.readValue(parser);
                        yield 1 << 7;
                    }
                    case StytchClaims.ORGANIZATION -> {
                        organization = StrictJson.readValue(parser);
                        yield 1 << 8;
                    }
                    default -> {
                        StrictJson.putNew(parser, StytchClaims.isCustom(name) ? custom : unused, name,
                                StrictJson.readValue(parser));
                        yield 0;
                    }
                };
                if ((seen & bit) != 0) {
                    throw malformed();
                }
                seen |= bit;
            }
            StrictJson.requireEnd(parser);
            return new JwtClaims(issuer, subject, audience, expiresAt, notBefore, issuedAt, session, organization,
                    Collections.unmodifiableMap(custom));
        } catch (IOException e) {
            throw malformed();
        }
    }

    private static String string(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> throw malformed();
        };
    }

    private static List<String> audience(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> List.of(parser.getText());
            case VALUE_NULL -> List.of();
            case START_ARRAY -> {
                List<String> audience = new ArrayList<>(1);
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                    if (element != JsonToken.VALUE_STRING) {
                        throw malformed();
                    }
                    audience.add(parser.getText());
                }
                yield Collections.unmodifiableList(audience);
            }
            default -> throw malformed();
        };
    }

    private static long epochMillis(JsonParser parser, JsonToken value) throws IOException {
        long seconds;
        if (value == JsonToken.VALUE_NULL) {
            return ABSENT;
        } else if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            seconds = parser.getLongValue();
        } else if (value == JsonToken.VALUE_NUMBER_FLOAT && Math.abs(parser.getDoubleValue()) <= MAX_EPOCH_SECOND) {
            seconds = (long) parser.getDoubleValue();
        } else {
            throw malformed();
        }
        if (seconds > MAX_EPOCH_SECOND || seconds < -MAX_EPOCH_SECOND) {
            throw malformed();
        }
        return seconds * 1000;
    }

    private static InvalidTokenException malformed() {
        return new InvalidTokenException(Reason.MALFORMED);
    }
}
