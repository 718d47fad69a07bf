package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code stytch.rbac.*} settings of a {@link StytchConfig}. Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param policyTtl how long an RBAC policy is used before it is refreshed in the background
 */
public record RbacSettings(Duration policyTtl) {

    /** Checks that the lifetime is present. */
    public RbacSettings {
        Objects.requireNonNull(policyTtl, "policyTtl");
    }
}
