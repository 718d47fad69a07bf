package io.github.stytchjakarta.core.internal.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a retried Stytch call waits: the longer of the answer's {@code Retry-After} and a jittered
 * exponential backoff ("full jitter": a random time up to a bound that doubles per attempt). Stateless and
 * thread-safe.
 */
final class RetryTiming {

    /** First backoff bound; the n-th retry waits a random time up to this times 2^(n-1). */
    static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);

    /** Largest backoff bound. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    /** A {@code Retry-After} longer than this is not waited for: the call fails at once, passing it on. */
    static final Duration MAX_RETRY_AFTER_WAIT = Duration.ofSeconds(5);

    private RetryTiming() {
    }

    /**
     * @param response an answer
     * @return its {@code Retry-After}, in seconds or as an HTTP date (never negative); empty when absent or unreadable
     */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String trimmed = value.trim();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException ignored) {
                    return Optional.empty();
                }
            }
        });
    }

    /**
     * @param retryAfter what the answer asked for ({@link Duration#ZERO} when nothing)
     * @param attempt    the attempt that failed, from 1
     * @return how long to wait before the next attempt
     */
    static Duration delay(Duration retryAfter, int attempt) {
        long bound = Math.min(MAX_BACKOFF.toMillis(), INITIAL_BACKOFF.toMillis() << Math.min(attempt - 1, 20));
        Duration backoff = Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
        return retryAfter.compareTo(backoff) >= 0 ? retryAfter : backoff;
    }
}
