package io.github.stytchjakarta.filter;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code stytch.web.csrf.*} settings of a {@link StytchWebConfig}: the origin check of cookie-authenticated
 * state-changing requests. Validated by {@link StytchWebConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled        whether the origin check is on
 * @param allowedOrigins the normalised origins accepted besides the request's own, in configured order
 */
public record CsrfSettings(boolean enabled, Set<String> allowedOrigins) {

    /** Copies the origins, keeping their order. */
    public CsrfSettings {
        allowedOrigins = Collections.unmodifiableSet(new LinkedHashSet<>(allowedOrigins));
    }
}
