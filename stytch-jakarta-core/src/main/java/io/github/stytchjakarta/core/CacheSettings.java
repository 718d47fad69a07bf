package io.github.stytchjakarta.core;

/**
 * The {@code stytch.cache.*} settings of a {@link StytchConfig}: the bounds of each verified-token cache
 * (sessions, M2M). Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxEntries the number of entries; 0 disables the cache
 * @param maxBytes   the estimated memory in bytes; 0 disables the cache
 */
public record CacheSettings(int maxEntries, int maxBytes) {
}
