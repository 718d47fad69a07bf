package io.github.stytchjakarta.filter;

import java.util.Objects;

/**
 * The {@code stytch.web.logout-*} settings of a {@link StytchWebConfig}: the logout endpoint. Validated by
 * {@link StytchWebConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path     the context-relative path of the logout endpoint (POST)
 * @param allowGet whether GET logs out too
 * @param redirect the context-relative path browser navigations are sent to after logout
 */
public record LogoutSettings(String path, boolean allowGet, String redirect) {

    /** Checks that both paths are present. */
    public LogoutSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(redirect, "redirect");
    }
}
