package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.internal.json.StrictJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a compact JWS the way Stytch signs it, and nothing else (RFC 8725):
 * <ol>
 *   <li>shape: {@link CompactJws#parse}, done by the caller, which looks the token up in its cache first
 *       ({@code MALFORMED}; five parts, a JWE, is {@code UNSUPPORTED_ALGORITHM});</li>
 *   <li>header: {@code alg} exactly {@code RS256} (so not {@code none}, not HS256 keyed with the public
 *       key); none of {@code crit}, {@code jku}, {@code x5u}, {@code jwk}, {@code x5c}, {@code x5t}, {@code x5t#S256},
 *       {@code enc}, {@code b64}, {@code cty}, which Stytch never sets, so a key is never taken from the token
 *       ({@code UNSUPPORTED_HEADER});
 *       {@code typ} {@code JWT}, case-insensitive ({@code WRONG_TYPE}); a {@code kid};</li>
 *   <li>claims parse as one JSON object without duplicate names and with well-typed registered
 *       claims ({@link JwtClaims#read});</li>
 *   <li>the rules' identity checks (issuer, audience), before any key lookup;</li>
 *   <li>the key for {@code kid} from the {@link JwksKeyStore} and the RS256 signature
 *       ({@link Rs256Signature}: the JCA's {@code SHA256withRSA});</li>
 *   <li>the rules' validity checks (times, Stytch claims).</li>
 * </ol>
 * Only steps 5 and 6 may touch the network (a key set fetch). Hence an {@code EXPIRED} or
 * {@code TOO_OLD} rejection always concerns a validly signed token.
 *
 * <p>The hot path is kept lean, as a verification should cost little more than the RSA operation:
 * the header of a verified token is remembered ({@link KnownHeaders}), so the header of the next token
 * from the same key is compared, not parsed; the payload is read in one pass of Jackson's streaming parser into {@link JwtClaims}; the
 * JDK's base64 decoder; and a public key converted once per key set.
 *
 * <p>Thread-safe.
 */
public final class JwtProcessor {

    private static final String RS256 = "RS256";
    // key sources and hints (a key never comes from the token), crit, and what changes how the payload is read
    // (b64, RFC 7797; cty, a nested token): Stytch sets none of them
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("crit", "jku", "x5u", "jwk", "x5c", "x5t", "x5t#S256",
            "enc", "b64", "cty");
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final JwksKeyStore keys;
    private final JwtRules rules;
    private final KnownHeaders knownHeaders = new KnownHeaders();

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
     * @param jws       the token, {@linkplain CompactJws#parse parsed}
     * @param nowMillis the current time, epoch milliseconds
     * @return the verified claims
     * @throws InvalidTokenException      when the token is not acceptable
     * @throws StytchUnavailableException when no signing keys can be had
     */
    public JwtClaims process(CompactJws jws, long nowMillis) {
        byte[] token = jws.token();
        int headerEnd = jws.headerEnd();
        String knownKeyId = knownHeaders.keyId(token, headerEnd);
        String keyId = knownKeyId != null ? knownKeyId : checkHeader(header(token, headerEnd));
        ByteBuffer payload = payload(jws);
        JwtClaims claims = JwtClaims.read(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        for (ClaimValidator validator : rules.beforeSignature()) {
            validator.validate(claims, nowMillis);
        }
        RSAPublicKey key = keys.publicKey(keyId);
        if (!verifies(key, jws)) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }
        if (knownKeyId == null) {
            knownHeaders.add(token, headerEnd, keyId); // only new headers take the lock
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

    private static Map<String, Object> header(byte[] token, int headerEnd) {
        try {
            ByteBuffer json = BASE64URL.decode(ByteBuffer.wrap(token, 0, headerEnd));
            return StrictJson.readObject(json.array(), json.arrayOffset() + json.position(), json.remaining());
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    private static ByteBuffer payload(CompactJws jws) {
        try {
            return BASE64URL.decode(jws.encodedPayload());
        } catch (IllegalArgumentException e) {
            // not base64url; a dot in it means more than three parts
            throw new InvalidTokenException(jws.isFiveParts() ? Reason.UNSUPPORTED_ALGORITHM : Reason.MALFORMED);
        }
    }

    private static boolean verifies(RSAPublicKey key, CompactJws jws) {
        ByteBuffer signature;
        try {
            signature = BASE64URL.decode(jws.encodedSignature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Rs256Signature.verifies(key, jws, signature.array(),
                signature.arrayOffset() + signature.position(), signature.remaining());
    }
}
