package io.github.stytchjakarta.core;

import java.util.Objects;

/**
 * The {@code stytch.token.*} settings of a {@link StytchConfig}: where a session JWT is looked for.
 * Validated by {@link StytchConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cookie the cookie holding the session JWT
 * @param header the header carrying {@code Bearer <jwt>}
 */
public record TokenSettings(String cookie, String header) {

    /** Checks that both names are present. */
    public TokenSettings {
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(header, "header");
    }
}
