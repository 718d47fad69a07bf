package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.filter.StytchWebConfig.SecureCookies;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code stytch.web.cookie.*} settings of a {@link StytchWebConfig}: the attributes of re-issued and
 * cleared session cookies. Validated by {@link StytchWebConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param httpOnly whether the cookies are {@code HttpOnly}
 * @param secure   when they carry {@code Secure}
 * @param path     their {@code Path}
 * @param domain   their {@code Domain}; empty for host-only cookies
 */
public record CookieSettings(boolean httpOnly, SecureCookies secure, String path, Optional<String> domain) {

    /** Checks that every part is present. */
    public CookieSettings {
        Objects.requireNonNull(secure, "secure");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(domain, "domain");
    }
}
