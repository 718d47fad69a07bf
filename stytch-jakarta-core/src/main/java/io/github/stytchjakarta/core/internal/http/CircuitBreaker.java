package io.github.stytchjakarta.core.internal.http;

import java.time.Clock;
import java.time.Duration;

/**
 * A circuit breaker for the calls to Stytch, with three states:
 * <ul>
 *   <li><b>closed</b>: calls go through; {@code failureThreshold} failed calls in a row open it;</li>
 *   <li><b>open</b>: every call fails at once, told how long until the circuit may close, for the open
 *       duration (or the longer {@code Retry-After} Stytch sent with the last failure, up to
 *       {@link #MAX_OPEN_FACTOR} times the open duration);</li>
 *   <li><b>half open</b>: after that time, the first call is let through as the probe while the others still
 *       fail at once; the probe's success closes the circuit, its failure opens it again.</li>
 * </ul>
 * A failure is a call that got no usable answer: a timeout, an I/O error, HTTP 429 or 5xx after the retries, or
 * an answer that is not Stytch's. Any answer of Stytch's own, a 4xx error included, is a success: Stytch is up.
 * A success of a call that started before the circuit opened closes it too, for the same reason.
 *
 * <p>Thread-safe: a few fields under one lock, taken once before and once after each call.
 */
final class CircuitBreaker {

    /** An open circuit stays open at most this many open durations, whatever {@code Retry-After} asks. */
    static final int MAX_OPEN_FACTOR = 12;

    private final int failureThreshold;
    private final long openMillis;
    private final Clock clock;
    private int failures; // guarded by this
    private long openUntil = Long.MIN_VALUE; // guarded by this; set while open or half open
    private boolean probing; // guarded by this

    /**
     * @param failureThreshold failed calls in a row that open the circuit; 0 disables the breaker
     * @param openDuration     how long an open circuit fails calls before a probe
     * @param clock            the time source
     */
    CircuitBreaker(int failureThreshold, Duration openDuration, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openMillis = openDuration.toMillis();
        this.clock = clock;
    }

    /**
     * Asks to make a call.
     *
     * @return {@link Duration#ZERO} when the call may go ahead (then {@link #succeeded()} or {@link #failed(Duration)}
     *         must follow), otherwise how long until the circuit may close (at least one millisecond)
     */
    synchronized Duration tryAcquire() {
        if (openUntil == Long.MIN_VALUE) {
            return Duration.ZERO;
        }
        long now = clock.millis();
        if (now < openUntil) {
            return Duration.ofMillis(openUntil - now);
        }
        if (probing) {
            return Duration.ofMillis(openMillis);
        }
        probing = true;
        return Duration.ZERO;
    }

    /** A call got an answer of Stytch's own: the circuit closes. */
    synchronized void succeeded() {
        failures = 0;
        openUntil = Long.MIN_VALUE;
        probing = false;
    }

    /**
     * A call failed.
     *
     * @param retryAfter what Stytch asked for, or {@link Duration#ZERO}
     */
    synchronized void failed(Duration retryAfter) {
        if (failureThreshold == 0) {
            return;
        }
        boolean probeFailed = probing;
        probing = false;
        if (probeFailed || ++failures >= failureThreshold) {
            long open = Math.min(Math.max(openMillis, retryAfter.toMillis()), openMillis * MAX_OPEN_FACTOR);
            long until = clock.millis() + open;
            // failures of calls that started before the circuit opened do not push the probe back
            if (probeFailed || openUntil == Long.MIN_VALUE) {
                openUntil = until;
            }
        }
    }

    /** @return whether calls are failed at once now (open, or half open with a probe in flight) */
    synchronized boolean isOpen() {
        return openUntil != Long.MIN_VALUE && (probing || clock.millis() < openUntil);
    }
}
