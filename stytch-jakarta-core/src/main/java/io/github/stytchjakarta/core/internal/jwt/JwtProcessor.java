package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.internal.json.StrictJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a compact JWS the way Stytch signs it, and nothing else (RFC 8725):
 * <ol>
 *   <li>size and shape: at most {@link #MAX_TOKEN_LENGTH} bytes, three parts ({@code MALFORMED};
 *       five parts, a JWE, is {@code UNSUPPORTED_ALGORITHM});</li>
 *   <li>header: {@code alg} exactly {@code RS256} (so not {@code none}, not HS256 keyed with the public
 *       key); none of {@code crit}, {@code jku}, {@code x5u}, {@code jwk}, {@code x5c}, {@code enc},
 *       which Stytch never sets, so a key is never taken from the token ({@code UNSUPPORTED_HEADER});
 *       {@code typ} {@code JWT}, case-insensitive ({@code WRONG_TYPE}); a {@code kid};</li>
 *   <li>claims parse as one JSON object without duplicate names and with well-typed registered
 *       claims ({@link JwtClaims#read});</li>
 *   <li>the rules' identity checks (issuer, audience), before any key lookup;</li>
 *   <li>the key for {@code kid} from the {@link JwksKeyStore} and the RS256 signature;</li>
 *   <li>the rules' validity checks (times, Stytch claims).</li>
 * </ol>
 * Only steps 5 and 6 may touch the network (a key set fetch). Hence an {@code EXPIRED} or
 * {@code TOO_OLD} rejection always concerns a validly signed token.
 *
 * <p>The hot path is kept lean, as a verification should cost little more than the RSA operation:
 * the token is read from one byte array; the header of a verified token is remembered
 * ({@link KnownHeaders}), so the header of the next token from the same key is compared, not parsed;
 * the payload is read in one pass of Jackson's streaming parser into {@link JwtClaims}; the JDK's
 * base64 decoder; and the JCA {@code SHA256withRSA} verifier, one per thread (a {@link Signature} is
 * stateful, and {@code initVerify} resets it), with a public key converted once per key set.
 *
 * <p>Thread-safe.
 */
public final class JwtProcessor {

    /** Longest token accepted, in bytes: Stytch session JWTs are 1-2 KiB, custom claims add at most 4 KiB. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private static final String RS256 = "RS256";
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("crit", "jku", "x5u", "jwk", "x5c", "enc");
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final ThreadLocal<Signature> SHA256_WITH_RSA = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA256withRSA", e);
        }
    });

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
     * @param token     the compact JWS as UTF-8 bytes (any byte outside base64url and {@code .} fails
     *                  decoding); not modified
     * @param nowMillis the current time, epoch milliseconds
     * @return the verified claims
     * @throws InvalidTokenException      when the token is not acceptable
     * @throws StytchUnavailableException when no signing keys can be had
     */
    public JwtClaims process(byte[] token, long nowMillis) {
        if (token.length == 0 || token.length > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        int firstDot = indexOfDot(token, 0);
        int secondDot = firstDot < 0 ? -1 : indexOfDot(token, firstDot + 1);
        if (firstDot <= 0 || secondDot < 0) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (indexOfDot(token, secondDot + 1) >= 0) {
            throw new InvalidTokenException(dotCount(token) == 4 ? Reason.UNSUPPORTED_ALGORITHM : Reason.MALFORMED);
        }
        String knownKeyId = knownHeaders.keyId(token, firstDot);
        String keyId = knownKeyId != null ? knownKeyId : checkHeader(header(token, firstDot));
        ByteBuffer payload = decode(token, firstDot + 1, secondDot);
        JwtClaims claims = JwtClaims.read(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        for (ClaimValidator validator : rules.beforeSignature()) {
            validator.validate(claims, nowMillis);
        }
        RSAPublicKey key = keys.publicKey(keyId);
        if (!verifies(key, token, secondDot)) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }
        if (knownKeyId == null) {
            knownHeaders.add(token, firstDot, keyId); // only new headers take the lock
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

    private static Map<String, Object> header(byte[] token, int firstDot) {
        ByteBuffer json = decode(token, 0, firstDot);
        try {
            return StrictJson.readObject(json.array(), json.arrayOffset() + json.position(), json.remaining());
        } catch (IOException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    private static ByteBuffer decode(byte[] token, int from, int to) {
        try {
            return BASE64URL.decode(ByteBuffer.wrap(token, from, to - from));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    private static boolean verifies(RSAPublicKey key, byte[] token, int secondDot) {
        try {
            ByteBuffer signature = BASE64URL.decode(ByteBuffer.wrap(token, secondDot + 1, token.length - secondDot - 1));
            Signature verifier = SHA256_WITH_RSA.get();
            verifier.initVerify(key);
            verifier.update(token, 0, secondDot);
            return verifier.verify(signature.array(), signature.arrayOffset() + signature.position(), signature.remaining());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static int indexOfDot(byte[] token, int from) {
        for (int i = from; i < token.length; i++) {
            if (token[i] == '.') {
                return i;
            }
        }
        return -1;
    }

    private static int dotCount(byte[] token) {
        int count = 0;
        for (int i = indexOfDot(token, 0); i >= 0; i = indexOfDot(token, i + 1)) {
            count++;
        }
        return count;
    }
}
