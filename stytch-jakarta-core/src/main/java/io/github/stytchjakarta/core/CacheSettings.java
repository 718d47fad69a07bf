package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code stytch.cache.*} settings of a {@link StytchConfig}: the bounds of each verified-token cache
 * (sessions, M2M), how long refused credentials are remembered, and whether remote results are cached.
 * Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxEntries   the number of entries; 0 disables the cache
 * @param maxBytes     the estimated memory in bytes; 0 disables the cache
 * @param refusedTtl   how long a credential Stytch refused is refused without a call; zero disables it
 * @param opaqueTokens whether remote results are cached until the session JWT returned with them expires
 */
public record CacheSettings(int maxEntries, int maxBytes, Duration refusedTtl, boolean opaqueTokens) {

    /** Checks that the duration is present. */
    public CacheSettings {
        Objects.requireNonNull(refusedTtl, "refusedTtl");
    }
}
