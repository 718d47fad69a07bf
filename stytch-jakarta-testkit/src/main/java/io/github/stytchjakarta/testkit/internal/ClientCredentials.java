package io.github.stytchjakarta.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The credentials an OAuth client presents to the token and introspection endpoints: {@code client_id} and
 * {@code client_secret} in the body or, if both are absent, HTTP Basic (RFC 6749 §2.3.1). Immutable.
 *
 * @param clientId     the client id, or {@code null}
 * @param clientSecret the client secret, or {@code null}
 */
public record ClientCredentials(String clientId, String clientSecret) {

    /**
     * @param clientId      the body's {@code client_id}, or {@code null}
     * @param clientSecret  the body's {@code client_secret}, or {@code null}
     * @param authorization the {@code Authorization} header, or {@code null}
     * @return the body's credentials, else those of a Basic header, else none
     */
    public static ClientCredentials of(String clientId, String clientSecret, String authorization) {
        if (clientId == null && clientSecret == null && authorization != null
                && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return new ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException e) {
                // not client credentials: the caller reports a failed client authentication
            }
        }
        return new ClientCredentials(clientId, clientSecret);
    }

    /**
     * @param expected a client's secret
     * @return whether the presented secret is it (in constant time)
     */
    public boolean secretMatches(String expected) {
        return clientSecret != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8));
    }
}
