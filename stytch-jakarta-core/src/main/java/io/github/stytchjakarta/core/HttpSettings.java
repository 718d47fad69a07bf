package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code stytch.http.*} settings of a {@link StytchConfig}: timeouts and retries of every call to
 * Stytch. Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param connectTimeout the TCP connect timeout
 * @param requestTimeout the timeout of one HTTP exchange, per attempt
 * @param maxRetries     the retries of idempotent calls on 429, 5xx and I/O errors
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxRetries) {

    /** Checks that the timeouts are present. */
    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }
}
