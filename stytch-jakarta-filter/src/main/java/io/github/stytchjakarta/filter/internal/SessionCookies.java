package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.filter.StytchWebConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Renders the {@code Set-Cookie} headers for Stytch's session cookies with the attributes Stytch's
 * frontend SDK uses, so that a cookie re-set or cleared here replaces the one the SDK wrote:
 * <pre>
 * stytch_session_jwt=&lt;jwt&gt;; Path=/; Expires=&lt;session expiry&gt;; Max-Age=&lt;seconds&gt;; SameSite=Lax[; Secure][; HttpOnly]
 * stytch_session_jwt=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; SameSite=Lax[; Secure][; HttpOnly]
 * </pre>
 * ({@code Domain=} follows {@code Path} when configured.) The headers are built by hand rather than
 * with {@code jakarta.servlet.http.Cookie}, whose rendering of {@code SameSite} and {@code Expires}
 * differs between containers; {@code Expires} is for old browsers, {@code Max-Age} wins in new ones.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionCookies {

    /** The header name. */
    public static final String SET_COOKIE = "Set-Cookie";

    private static final DateTimeFormatter COOKIE_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final String EPOCH = COOKIE_DATE.format(Instant.EPOCH);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final String attributes;
    private final boolean httpOnly;
    private final StytchWebConfig.SecureCookies secure;

    /**
     * Creates the renderer.
     *
     * @param config the web configuration (path, domain, {@code Secure} policy, {@code HttpOnly})
     */
    public SessionCookies(StytchWebConfig config) {
        this.attributes = "; Path=" + config.cookiePath() + config.cookieDomain().map(domain -> "; Domain=" + domain).orElse("");
        this.httpOnly = config.cookieHttpOnly();
        this.secure = config.cookieSecure();
    }

    /**
     * A header setting a cookie until the session expires.
     *
     * @param request   the request being answered (its host decides {@code Secure} in auto mode)
     * @param name      the cookie name
     * @param value     the value; must consist of cookie-safe characters ({@link #isSafeValue})
     * @param expiresAt the session expiry, {@code null} for a browser-session cookie
     * @param now       the current time
     * @return the header value
     */
    public String set(HttpServletRequest request, String name, String value, Instant expiresAt, Instant now) {
        String lifetime = "";
        if (expiresAt != null) {
            long maxAge = Math.max(0, Duration.between(now, expiresAt).getSeconds());
            lifetime = "; Expires=" + COOKIE_DATE.format(expiresAt) + "; Max-Age=" + maxAge;
        }
        return name + "=" + value + attributes + lifetime + flags(request);
    }

    /**
     * A header deleting a cookie, with the attributes it was set with.
     *
     * @param request the request being answered
     * @param name    the cookie name
     * @return the header value
     */
    public String clear(HttpServletRequest request, String name) {
        return name + "=" + attributes + "; Expires=" + EPOCH + "; Max-Age=0" + flags(request);
    }

    /**
     * Whether a value can go into a cookie unquoted (RFC 6265 cookie-octets); true of session JWTs and
     * tokens, which are base64url with dots.
     *
     * @param value the value
     * @return {@code true} if it is non-empty and safe
     */
    public static boolean isSafeValue(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private String flags(HttpServletRequest request) {
        return "; SameSite=Lax" + (isSecure(request) ? "; Secure" : "") + (httpOnly ? "; HttpOnly" : "");
    }

    private boolean isSecure(HttpServletRequest request) {
        return switch (secure) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> !LOCAL_HOSTS.contains(request.getServerName().toLowerCase(Locale.ROOT));
        };
    }
}
