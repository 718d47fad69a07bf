package io.github.stytchjakarta.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one warning of a kind through per interval, so that a misconfiguration, which fails every
 * request the same way, logs one WARNING a minute instead of one per request. The caller passes the
 * time, so a test clock drives it like the checks it belongs to. Thread-safe.
 */
public final class LogThrottle {

    /** The interval of the library's throttled warnings: one minute. */
    public static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final long intervalMillis;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

    /** Creates a throttle letting one warning through per {@link #WARNING_INTERVAL}. */
    public LogThrottle() {
        this.intervalMillis = WARNING_INTERVAL.toMillis();
    }

    /**
     * Claims the right to warn now.
     *
     * @param nowMillis the current time, epoch milliseconds
     * @return {@code true} for the first caller of each interval
     */
    public boolean tryWarn(long nowMillis) {
        long next = nextAllowed.get();
        return nowMillis >= next && nextAllowed.compareAndSet(next, nowMillis + intervalMillis);
    }
}
