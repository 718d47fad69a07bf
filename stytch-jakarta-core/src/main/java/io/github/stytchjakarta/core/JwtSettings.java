package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code stytch.jwt.*} settings of a {@link StytchConfig}: which session JWTs are accepted.
 * Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param issuers     every accepted {@code iss}: {@code stytch.com/{project-id}}, the base URL when one was
 *                    configured, and {@code stytch.jwt.issuers}
 * @param audience    the audience a JWT must contain
 * @param clockSkew   the tolerated clock skew
 * @param maxTokenAge the maximum JWT age since {@code iat}; empty for no limit
 */
public record JwtSettings(Set<String> issuers, String audience, Duration clockSkew, Optional<Duration> maxTokenAge) {

    /** Checks that every part is present and copies the issuers, keeping their order. */
    public JwtSettings {
        issuers = Collections.unmodifiableSet(new LinkedHashSet<>(issuers));
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxTokenAge, "maxTokenAge");
    }
}
