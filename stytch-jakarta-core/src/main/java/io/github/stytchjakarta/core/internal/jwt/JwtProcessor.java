package io.github.stytchjakarta.core.internal.jwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.internal.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a compact JWS the way Stytch signs it, and nothing else (RFC 8725):
 * <ol>
 *   <li>size and shape: at most {@link #MAX_TOKEN_LENGTH} characters, three parts ({@code MALFORMED};
 *       five parts, a JWE, is {@code UNSUPPORTED_ALGORITHM});</li>
 *   <li>header: {@code alg} exactly {@code RS256} (so not {@code none}, not HS256 keyed with the public
 *       key); none of {@code crit}, {@code jku}, {@code x5u}, {@code jwk}, {@code x5c}, {@code enc},
 *       which Stytch never sets, so a key is never taken from the token ({@code UNSUPPORTED_HEADER});
 *       {@code typ} {@code JWT}, case-insensitive ({@code WRONG_TYPE}); a {@code kid};</li>
 *   <li>claims parse as a JSON object without duplicate names and with well-typed registered claims;</li>
 *   <li>the rules' identity checks (issuer, audience), before any key lookup;</li>
 *   <li>the key for {@code kid} from the {@link JwksKeyStore} and the RS256 signature;</li>
 *   <li>the rules' validity checks (times, Stytch claims).</li>
 * </ol>
 * Only steps 5 and 6 may touch the network (a key set fetch). Hence an {@code EXPIRED} or
 * {@code TOO_OLD} rejection always concerns a validly signed token.
 *
 * <p>The hot path is kept lean, as a verification should cost little more than the RSA operation:
 * the JDK's base64 decoder, Jackson for the JSON (Nimbus's decoder and Gson cost several times more),
 * Nimbus's {@link JWTClaimsSet} for the typed claims, and the JCA {@code SHA256withRSA} verifier with
 * a public key converted once per key set.
 *
 * <p>Immutable and thread-safe.
 */
public final class JwtProcessor {

    /** Longest token accepted: Stytch session JWTs are 1-2 KiB, custom claims add at most 4 KiB. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private static final String RS256 = "RS256";
    private static final String SHA256_WITH_RSA = "SHA256withRSA";
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("crit", "jku", "x5u", "jwk", "x5c", "enc");
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    // duplicate names are refused: two parsers reading different values of one claim is an attack vector
    private static final ObjectReader JSON_OBJECT = Json.mapper().readerFor(new TypeReference<Map<String, Object>>() { })
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JwksKeyStore keys;
    private final JwtRules rules;

    /**
     * Creates the processor.
     *
     * @param keys  where signing keys come from
     * @param rules the claim checks
     */
    public JwtProcessor(JwksKeyStore keys, JwtRules rules) {
        this.keys = keys;
        this.rules = rules;
    }

    /**
     * Verifies a token.
     *
     * @param token     the compact JWS
     * @param nowMillis the current time, epoch milliseconds
     * @return the verified claims
     * @throws InvalidTokenException      when the token is not acceptable
     * @throws StytchUnavailableException when no signing keys can be had
     */
    public JWTClaimsSet process(String token, long nowMillis) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (token.indexOf('.', secondDot + 1) >= 0) {
            throw new InvalidTokenException(dotCount(token) == 4 ? Reason.UNSUPPORTED_ALGORITHM : Reason.MALFORMED);
        }
        // one ASCII copy serves decoding and the signature; a non-ASCII character becomes '?' and fails decoding
        byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        String keyId = checkHeader(jsonObject(ascii, 0, firstDot));
        JWTClaimsSet claims = parseClaims(jsonObject(ascii, firstDot + 1, secondDot));
        for (ClaimValidator validator : rules.beforeSignature()) {
            validator.validate(claims, nowMillis);
        }
        RSAPublicKey key = keys.publicKey(keyId);
        if (!verifies(key, ascii, secondDot)) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }
        for (ClaimValidator validator : rules.afterSignature()) {
            validator.validate(claims, nowMillis);
        }
        return claims;
    }

    private static String checkHeader(Map<String, Object> header) {
        Object algorithm = header.get("alg");
        if (!(algorithm instanceof String)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!RS256.equals(algorithm)) {
            throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM);
        }
        for (String name : FORBIDDEN_HEADERS) {
            if (header.containsKey(name)) {
                throw new InvalidTokenException(Reason.UNSUPPORTED_HEADER);
            }
        }
        if (!(header.get("typ") instanceof String type) || !type.equalsIgnoreCase("JWT")) {
            throw new InvalidTokenException(Reason.WRONG_TYPE);
        }
        if (!(header.get("kid") instanceof String keyId) || keyId.isEmpty()) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY);
        }
        return keyId;
    }

    private static JWTClaimsSet parseClaims(Map<String, Object> payload) {
        try {
            return JWTClaimsSet.parse(payload);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    private static Map<String, Object> jsonObject(byte[] ascii, int from, int to) {
        Map<String, Object> object;
        try {
            ByteBuffer json = BASE64URL.decode(ByteBuffer.wrap(ascii, from, to - from));
            object = JSON_OBJECT.readValue(json.array(), json.arrayOffset() + json.position(), json.remaining());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (object == null) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        return object;
    }

    private static boolean verifies(RSAPublicKey key, byte[] ascii, int secondDot) {
        try {
            ByteBuffer signature = BASE64URL.decode(ByteBuffer.wrap(ascii, secondDot + 1, ascii.length - secondDot - 1));
            Signature verifier = Signature.getInstance(SHA256_WITH_RSA);
            verifier.initVerify(key);
            verifier.update(ascii, 0, secondDot);
            return verifier.verify(signature.array(), signature.arrayOffset() + signature.position(), signature.remaining());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static int dotCount(String token) {
        int count = 0;
        for (int i = token.indexOf('.'); i >= 0; i = token.indexOf('.', i + 1)) {
            count++;
        }
        return count;
    }
}
