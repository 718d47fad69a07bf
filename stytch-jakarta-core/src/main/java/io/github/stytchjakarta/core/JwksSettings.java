package io.github.stytchjakarta.core;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code stytch.jwks.*} settings of a {@link StytchConfig}: where the signing keys come from and how
 * they are cached. Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param url             the JWKS URL
 * @param cacheTtl        how long a fetched key set is used before it is fetched again
 * @param refreshAhead    how long before the cache expires a background refresh starts
 * @param rateLimit       the minimum interval between two fetches caused by unknown key ids
 * @param outageTolerance how long a cached key set keeps being used while the JWKS endpoint fails
 * @param prefetch        whether the key set is fetched when the library starts
 */
public record JwksSettings(URI url, Duration cacheTtl, Duration refreshAhead, Duration rateLimit, Duration outageTolerance,
        boolean prefetch) {

    /** Checks that every part is present. */
    public JwksSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(refreshAhead, "refreshAhead");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(outageTolerance, "outageTolerance");
    }
}
