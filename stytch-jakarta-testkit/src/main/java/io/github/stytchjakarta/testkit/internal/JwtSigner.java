package io.github.stytchjakarta.testkit.internal;

import com.nimbusds.jose.JOSEException;
import io.github.stytchjakarta.testkit.EmulatorKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Produces compact JWS strings from a header and claims given as maps, signed RS256 with the JDK. Building the JSON
 * by hand (instead of through Nimbus' typed header) lets tests put any header parameter into a token, even a wrong
 * {@code alg} or a {@code jku}. Thread-safe (stateless).
 */
public final class JwtSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JwtSigner() {
    }

    /**
     * @param header the JOSE header
     * @param claims the claims
     * @param key    the signing key
     * @return {@code base64url(header).base64url(claims).base64url(RS256 signature)}
     */
    public static String sign(Map<String, Object> header, Map<String, Object> claims, EmulatorKey key) {
        String signingInput = BASE64URL.encodeToString(Json.write(header)) + "." + BASE64URL.encodeToString(Json.write(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.rsaKey().toRSAPrivateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot sign a JWT", e);
        }
    }
}
