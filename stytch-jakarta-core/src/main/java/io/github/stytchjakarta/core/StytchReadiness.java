package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this node can authenticate and authorize without waiting for Stytch: the signing keys and the RBAC
 * policy are loaded, and the circuit breaker towards Stytch is closed ({@link Stytch#readiness()}).
 *
 * <p>Note for operators: every node sees the same Stytch, so an open circuit makes every node unready at once,
 * although requests with a JWT verifiable with the cached keys are still served. Route on it only where that is
 * wanted; the individual fields are there to alert on instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @param keysLoaded    whether a key set was fetched
 * @param policyLoaded  whether the project's RBAC policy was fetched
 * @param circuitClosed whether calls to Stytch are being made (the circuit breaker is not open)
 * @param keySetAge     how long ago the key set was fetched, if it was
 * @param policyAge     how long ago the policy was fetched, if it was
 */
public record StytchReadiness(boolean keysLoaded, boolean policyLoaded, boolean circuitClosed,
                              Optional<Duration> keySetAge, Optional<Duration> policyAge) {

    /** Requires the ages. */
    public StytchReadiness {
        Objects.requireNonNull(keySetAge, "keySetAge");
        Objects.requireNonNull(policyAge, "policyAge");
    }

    /** @return whether all three hold */
    public boolean ready() {
        return keysLoaded && policyLoaded && circuitClosed;
    }

    /**
     * The fields as a health check's data, in this order: {@code keys-loaded}, {@code policy-loaded},
     * {@code circuit-closed} and, when known, {@code key-set-age-seconds} and {@code policy-age-seconds}.
     *
     * @return a new ordered map
     */
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keys-loaded", keysLoaded);
        data.put("policy-loaded", policyLoaded);
        data.put("circuit-closed", circuitClosed);
        keySetAge.ifPresent(age -> data.put("key-set-age-seconds", age.toSeconds()));
        policyAge.ifPresent(age -> data.put("policy-age-seconds", age.toSeconds()));
        return data;
    }
}
