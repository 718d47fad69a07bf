package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.internal.LogThrottle;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The log of one {@link StytchWebAuthenticator} and its parts, under that class's logger name so that
 * operators set one level for the whole request flow. Client mistakes go to DEBUG; problems of this
 * application or of Stytch to WARNING, throttled to one per {@link LogThrottle#WARNING_INTERVAL} (the
 * rest at DEBUG) so that an outage does not flood the log. Callers never pass a token or a secret.
 * Thread-safe.
 */
public final class WebLog {

    private static final System.Logger LOG = System.getLogger(StytchWebAuthenticator.class.getName());

    private final Clock clock;
    private final LogThrottle warnings = new LogThrottle();

    /**
     * Creates the log.
     *
     * @param clock the clock of the throttling
     */
    public WebLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Logs a client mistake or a step of the flow.
     *
     * @param message the message
     */
    public void debug(String message) {
        LOG.log(Level.DEBUG, message);
    }

    /**
     * Logs a client mistake or a step of the flow, built only when DEBUG is on.
     *
     * @param message the message
     */
    public void debug(Supplier<String> message) {
        LOG.log(Level.DEBUG, message);
    }

    /**
     * Logs a problem of Stytch or of this application's setup, at WARNING at most once per interval.
     *
     * @param message the message
     */
    public void throttledWarning(String message) {
        LOG.log(warnings.tryWarn(clock.millis()) ? Level.WARNING : Level.DEBUG, message);
    }

    /**
     * Logs a bug of this library at WARNING, unthrottled.
     *
     * @param message the message
     */
    public void warning(String message) {
        LOG.log(Level.WARNING, message);
    }
}
