package io.github.stytchjakarta.filter.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one warning through per interval, so that an outage of Stytch, which fails every request,
 * logs one WARNING a minute instead of one per request (the rest go to DEBUG). Thread-safe.
 */
public final class LogThrottle {

    private final Clock clock;
    private final long intervalMillis;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

    /**
     * Creates a throttle.
     *
     * @param clock    the clock
     * @param interval the minimum time between two warnings
     */
    public LogThrottle(Clock clock, Duration interval) {
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    /**
     * Claims the right to warn now.
     *
     * @return {@code true} for the first caller of each interval
     */
    public boolean tryWarn() {
        long now = clock.millis();
        long next = nextAllowed.get();
        return now >= next && nextAllowed.compareAndSet(next, now + intervalMillis);
    }
}
