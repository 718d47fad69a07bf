package io.github.stytchjakarta.filter.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The origin check for state-changing requests that a browser authenticated with a cookie (OWASP's
 * "verifying origin with standard headers"). A request is accepted when
 * <ol>
 *   <li>its method is safe ({@code GET}, {@code HEAD}, {@code OPTIONS}, {@code TRACE}), or</li>
 *   <li>{@code Sec-Fetch-Site} is {@code same-origin} or {@code none} (typed or bookmarked by the user), or</li>
 *   <li>it has an {@code Origin} header equal to the request's own origin or an allowed one, or</li>
 *   <li>it has no {@code Origin} (older browsers) and a {@code Referer} whose origin is the request's own
 *       or an allowed one.</li>
 * </ol>
 * Anything else (a foreign or {@code null} origin, no header at all) is refused. Bearer-authenticated
 * requests are never checked: a browser does not attach a bearer token on its own.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsrfGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> TRUSTED_FETCH_SITES = Set.of("same-origin", "none");

    private final Set<String> allowedOrigins;

    /**
     * Creates the guard.
     *
     * @param allowedOrigins canonical origins ({@link Origins#normalise}) accepted besides the request's own
     */
    public CsrfGuard(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /**
     * Whether the request may proceed.
     *
     * @param request a request authenticated by a cookie
     * @return {@code true} unless it is a state change from a foreign or unknown origin
     */
    public boolean allows(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && TRUSTED_FETCH_SITES.contains(fetchSite)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return isAccepted(Origins.normalise(origin), request);
        }
        String referer = request.getHeader("Referer");
        return referer != null && isAccepted(Origins.ofUrl(referer), request);
    }

    private boolean isAccepted(Optional<String> origin, HttpServletRequest request) {
        return origin.isPresent() && (origin.get().equals(Origins.of(request)) || allowedOrigins.contains(origin.get()));
    }
}
