package io.github.stytchjakarta.core;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The {@code stytch.session.*} settings of a {@link StytchConfig}: the opaque session token's cookie and
 * whether remote checks extend sessions. Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cookie          the cookie holding the opaque session token
 * @param durationMinutes the minutes remote session checks extend the session by; empty when they do not
 */
public record SessionSettings(String cookie, OptionalInt durationMinutes) {

    /** Checks that both parts are present. */
    public SessionSettings {
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(durationMinutes, "durationMinutes");
    }
}
