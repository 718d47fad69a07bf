package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code stytch.connected-apps.introspection.*} settings of a {@link StytchConfig}: the Connected App whose
 * client id and secret authenticate RFC 7662 introspection calls ({@link ConnectedAppTokenVerifier#introspect}),
 * and how long an answer is reused. Without a client there is no introspection. Validated by
 * {@link StytchConfigBuilder#build()} (client id and secret are set together); {@link #toString()} masks the secret.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientId     the Connected App's client id, empty for no introspection
 * @param clientSecret the Connected App's client secret, empty for no introspection; never logged
 * @param cacheTtl     how long Stytch's "active" answer for a token is reused, never past the token's {@code exp};
 *                     zero asks Stytch on every request
 */
public record IntrospectionSettings(Optional<String> clientId, Optional<String> clientSecret, Duration cacheTtl) {

    /** Checks that every part is present. */
    public IntrospectionSettings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** @return whether introspection is configured (client id and secret are set) */
    public boolean enabled() {
        return clientId.isPresent() && clientSecret.isPresent();
    }

    @Override
    public String toString() {
        return "IntrospectionSettings[clientId=" + clientId.orElse("none") + ", clientSecret="
                + (clientSecret.isPresent() ? "****" : "none") + ", cacheTtl=" + cacheTtl + ']';
    }
}
