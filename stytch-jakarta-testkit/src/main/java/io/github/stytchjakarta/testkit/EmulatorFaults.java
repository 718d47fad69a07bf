package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.FaultRules;
import java.time.Duration;

/**
 * Fault injection ({@link StytchEmulator#faults()}). Rules match request paths by prefix and apply in this order:
 * latency, then connection reset, then forced status. A rule with a count is used up after that many matching
 * requests. Thread-safe.
 *
 * <pre>
 * emulator.faults().latency("/v1/sessions/authenticate", Duration.ofSeconds(2));
 * emulator.faults().respond("/v1/sessions/authenticate", 429, 1);   // once, with Retry-After
 * emulator.faults().resetConnection("/v1/b2b/sessions/authenticate");
 * emulator.faults().jwksOutage(true);
 * emulator.faults().clear();
 * </pre>
 *
 * Note that HTTP clients may silently retry an idempotent request (GET) once after a reset connection; to make a GET
 * fail, reset until cleared.
 */
public final class EmulatorFaults {

    private final FaultRules rules;

    EmulatorFaults(FaultRules rules) {
        this.rules = rules;
    }

    /**
     * Delays every matching request until cleared (the longest matching delay wins). The delay ends early when the
     * faults are cleared (the request is then answered) or the emulator closes.
     *
     * @param pathPrefix e.g. {@code /v1/sessions/authenticate}
     * @param delay      how long
     * @return this
     */
    public EmulatorFaults latency(String pathPrefix, Duration delay) {
        rules.addLatency(pathPrefix, delay);
        return this;
    }

    /**
     * Answers every matching request with a status and a full Stytch error body until cleared.
     *
     * @param pathPrefix a path prefix
     * @param status     4xx or 5xx
     * @return this
     * @see #respond(String, int, int)
     */
    public EmulatorFaults respond(String pathPrefix, int status) {
        rules.addStatus(pathPrefix, status, FaultRules.UNLIMITED);
        return this;
    }

    /**
     * Answers the next {@code times} matching requests with a status and a full Stytch error body. The
     * {@code error_type} follows the status: 400 {@code bad_request}, 401 {@code unauthorized_credentials}, 403
     * {@code unauthorized_action}, 404 {@code route_not_found}, 429 {@code too_many_requests}, 500
     * {@code internal_server_error}, 502/503/504 {@code server_unavailable}; other 4xx {@code bad_request}, other 5xx
     * {@code internal_server_error}. 429 and 503 carry {@code Retry-After: 1}.
     *
     * @param pathPrefix a path prefix
     * @param status     4xx or 5xx
     * @param times      at least 1
     * @return this
     */
    public EmulatorFaults respond(String pathPrefix, int status, int times) {
        rules.addStatus(pathPrefix, status, times);
        return this;
    }

    /**
     * Closes the connection of every matching request without an answer until cleared.
     *
     * @param pathPrefix a path prefix
     * @return this
     */
    public EmulatorFaults resetConnection(String pathPrefix) {
        rules.addReset(pathPrefix, FaultRules.UNLIMITED);
        return this;
    }

    /**
     * Closes the connection of the next {@code times} matching requests without an answer.
     *
     * @param pathPrefix a path prefix
     * @param times      at least 1
     * @return this
     */
    public EmulatorFaults resetConnection(String pathPrefix, int times) {
        rules.addReset(pathPrefix, times);
        return this;
    }

    /**
     * While on, both JWKS endpoints answer 503 {@code server_unavailable} with {@code Retry-After}.
     *
     * @param outage whether the JWKS is down
     * @return this
     */
    public EmulatorFaults jwksOutage(boolean outage) {
        rules.setJwksOutage(outage);
        return this;
    }

    /**
     * Removes every rule and ends a JWKS outage.
     */
    public void clear() {
        rules.clear();
    }
}
