package io.github.stytchjakarta.core.internal.http;

import io.github.stytchjakarta.core.HttpSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether a call to Stytch may be made now: a bulkhead of {@link HttpSettings#maxConcurrentCalls()} slots
 * (a call waits up to {@link #BULKHEAD_WAIT} for one) and the {@link CircuitBreaker}. Every admitted call ends with
 * exactly one of {@link #succeeded()} or {@link #failed(Duration)}, which also free its slot.
 *
 * <p>Thread-safe.
 */
final class CallAdmission {

    /** Longest wait for a bulkhead slot before the call fails as unavailable. */
    static final Duration BULKHEAD_WAIT = Duration.ofMillis(500);

    /** {@code Retry-After} of a call refused by the bulkhead. */
    static final Duration BULKHEAD_RETRY_AFTER = Duration.ofSeconds(1);

    private final int maxConcurrentCalls;
    private final Semaphore slots;
    private final CircuitBreaker breaker;

    CallAdmission(HttpSettings settings, Clock clock) {
        this.maxConcurrentCalls = settings.maxConcurrentCalls();
        this.slots = new Semaphore(maxConcurrentCalls);
        this.breaker = new CircuitBreaker(settings.circuitFailureThreshold(), settings.circuitOpenDuration(), clock);
    }

    /**
     * Takes a bulkhead slot unless the circuit is open.
     *
     * @return {@code null} when the call may be made, or why not and how long to wait
     */
    Refusal admit() {
        try {
            if (!slots.tryAcquire(BULKHEAD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Refusal("Stytch not called: " + maxConcurrentCalls + " calls are in flight already",
                        BULKHEAD_RETRY_AFTER, "bulkhead_full");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refusal("interrupted while waiting to call Stytch", BULKHEAD_RETRY_AFTER, "interrupted");
        }
        // the slot first: a caller let through as the circuit's probe must then make its call
        Duration open = breaker.tryAcquire();
        if (open.isZero()) {
            return null;
        }
        slots.release();
        return new Refusal("Stytch not called: the circuit breaker is open after failed calls, for "
                + open.toMillis() + " ms", open, "circuit_open");
    }

    /** The admitted call got an answer of Stytch's own. */
    void succeeded() {
        breaker.succeeded();
        slots.release();
    }

    /**
     * The admitted call failed.
     *
     * @param retryAfter what Stytch asked for, or {@link Duration#ZERO}
     */
    void failed(Duration retryAfter) {
        breaker.failed(retryAfter);
        slots.release();
    }

    /** @return whether the circuit breaker fails calls at once now */
    boolean isCircuitOpen() {
        return breaker.isOpen();
    }

    /**
     * A call not made.
     *
     * @param reason     why, for the exception message
     * @param retryAfter how long to wait
     * @param errorType  the telemetry's {@code error.type}
     */
    record Refusal(String reason, Duration retryAfter, String errorType) {
    }
}
