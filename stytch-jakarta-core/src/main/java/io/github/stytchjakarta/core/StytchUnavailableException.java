package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Stytch could not be used right now: a timeout, an I/O error, HTTP 429 or 5xx after the allowed
 * retries, an unreadable answer, or no JWT signing keys available. The request may succeed later;
 * map it to 503 with {@code Retry-After}, not to 401.
 */
public final class StytchUnavailableException extends StytchException {

    private static final long serialVersionUID = 1L;

    private final Integer statusCode;
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message    what failed, without tokens or secrets; must not be {@code null}
     * @param statusCode the HTTP status Stytch answered, {@code null} when there was no answer
     * @param retryAfter the delay Stytch asked for, {@code null} if none
     * @param cause      the underlying failure, {@code null} if none
     */
    public StytchUnavailableException(String message, Integer statusCode, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
    }

    /** @return the HTTP status Stytch answered, empty when it did not answer */
    public OptionalInt statusCode() {
        return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /** @return the delay Stytch asked for with {@code Retry-After}, if any */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
