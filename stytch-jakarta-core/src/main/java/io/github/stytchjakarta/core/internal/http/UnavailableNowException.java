package io.github.stytchjakarta.core.internal.http;

import java.io.IOException;
import java.time.Duration;

/** A key set fetch was not made: the circuit breaker is open, or too many calls to Stytch are in flight. */
public final class UnavailableNowException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    UnavailableNowException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** @return how long to wait before trying again */
    public Duration retryAfter() {
        return retryAfter;
    }
}
