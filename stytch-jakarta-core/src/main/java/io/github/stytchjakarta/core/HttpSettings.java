package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code stytch.http.*} settings of a {@link StytchConfig}: timeouts, retries, the bulkhead and the circuit
 * breaker of every call to Stytch. Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param connectTimeout the TCP connect timeout
 * @param requestTimeout the timeout of one HTTP exchange, per attempt
 * @param maxRetries              the retries of idempotent calls on 429, 5xx and I/O errors other than timeouts
 * @param maxConcurrentCalls      the calls in flight at once
 * @param circuitFailureThreshold the failed calls in a row that open the circuit; 0 for no circuit breaker
 * @param circuitOpenDuration     how long an open circuit fails calls before a probe
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxRetries, int maxConcurrentCalls,
                           int circuitFailureThreshold, Duration circuitOpenDuration) {

    /** Checks that the durations are present. */
    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(circuitOpenDuration, "circuitOpenDuration");
    }
}
