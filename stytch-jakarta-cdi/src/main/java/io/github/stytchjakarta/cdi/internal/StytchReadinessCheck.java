package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchReadiness;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health readiness check {@code stytch}: {@link Stytch#readiness()}, with whether the key set
 * and the policy are loaded, whether the circuit breaker is closed, and their ages. Never a liveness check: a
 * restart does not fix Stytch.
 *
 * <p>Not a bean by discovery (this class must not be loaded where the MicroProfile Health API is absent):
 * {@link StytchExtension} adds it, application-scoped, when the API is there and the library is enabled.
 * Thread-safe.
 */
@Readiness
public class StytchReadinessCheck implements HealthCheck {

    /** The check's name in {@code /health/ready}. */
    public static final String NAME = "stytch";

    @Inject
    Stytch stytch;

    @Override
    public HealthCheckResponse call() {
        StytchReadiness readiness = stytch.readiness();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keys-loaded", readiness.keysLoaded());
        data.put("policy-loaded", readiness.policyLoaded());
        data.put("circuit-closed", readiness.circuitClosed());
        readiness.keySetAge().ifPresent(age -> data.put("key-set-age-seconds", age.toSeconds()));
        readiness.policyAge().ifPresent(age -> data.put("policy-age-seconds", age.toSeconds()));
        // the constructor, not HealthCheckResponse.named(): no provider lookup, the same on every server
        return new HealthCheckResponse(NAME, readiness.ready() ? Status.UP : Status.DOWN, Optional.of(data));
    }
}
