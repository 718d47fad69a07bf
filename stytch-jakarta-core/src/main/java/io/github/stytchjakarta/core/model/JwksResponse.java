package io.github.stytchjakarta.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@code GET /v1/sessions/jwks/{project_id}} and its B2B twin
 * ({@code api_session_v1_GetJWKSResponse}).
 *
 * @param requestId  Stytch's request id
 * @param statusCode the HTTP status
 * @param keys       the published signing keys
 */
public record JwksResponse(String requestId, int statusCode, List<Jwk> keys) {

    /** Replaces an absent list with an empty one. */
    public JwksResponse {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * A published JSON Web Key ({@code api_session_v1_JWK}).
     *
     * @param kty     key type, {@code RSA}
     * @param use     {@code sig}
     * @param keyOps  key operations, e.g. {@code verify}
     * @param alg     {@code RS256}
     * @param kid     the key id
     * @param x5c     the X.509 certificate chain (base64 DER)
     * @param x5tS256 the certificate's SHA-256 thumbprint (Stytch's spelling of {@code x5t#S256})
     * @param n       the RSA modulus (base64url)
     * @param e       the RSA public exponent (base64url)
     */
    public record Jwk(String kty, String use, List<String> keyOps, String alg, String kid, List<String> x5c,
                      @JsonProperty("x5tS256") String x5tS256, String n, String e) {

        /** Replaces absent lists with empty ones. */
        public Jwk {
            keyOps = keyOps == null ? List.of() : List.copyOf(keyOps);
            x5c = x5c == null ? List.of() : List.copyOf(x5c);
        }
    }
}
