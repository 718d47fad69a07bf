package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.filter.StytchWebConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
 * <p>In {@link StytchWebConfig.SecureCookies#AUTO} mode {@code Secure} is left out only for a browser on
 * the server's own machine: the request came over plain HTTP ({@code !isSecure()}, which the container's
 * forwarding rules decide behind a proxy) to a loopback address of the server ({@code getLocalAddr()}), for
 * a loopback host name, and carries no {@code X-Forwarded-Proto: https} or {@code Forwarded: proto=https}.
 * Headers a client sets ({@code Host}, the forwarding headers) can only add {@code Secure}, never remove
 * it. A response setting or clearing a cookie must not be stored by a shared cache, which could hand
 * one user's session to another: see {@link #forbidStorage}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionCookies {

    /** The header name. */
    public static final String SET_COOKIE = "Set-Cookie";

    /** The header that keeps a response carrying a session cookie out of caches. */
    public static final String CACHE_CONTROL = "Cache-Control";

    /** Its value: no cache may store the response (RFC 9111 §5.2.2.5). */
    public static final String NO_STORE = "no-store";

    private static final DateTimeFormatter COOKIE_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final String EPOCH = COOKIE_DATE.format(Instant.EPOCH);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<String> LOOPBACK_IPV6 = Set.of("::1", "0:0:0:0:0:0:0:1");
    private static final Pattern FORWARDED_HTTPS = Pattern.compile("(?i)(?:^|[;,\\s])proto=\"?https\"?(?:$|[;,\\s])");

    private final String attributes;
    private final boolean httpOnly;
    private final StytchWebConfig.SecureCookies secure;

    /**
     * Creates the renderer.
     *
     * @param config the web configuration (path, domain, {@code Secure} policy, {@code HttpOnly})
     */
    public SessionCookies(StytchWebConfig config) {
        this.attributes = "; Path=" + config.cookies().path() + config.cookies().domain().map(domain -> "; Domain=" + domain).orElse("");
        this.httpOnly = config.cookies().httpOnly();
        this.secure = config.cookies().secure();
    }

    /**
     * A header setting a cookie until the session expires.
     *
     * @param request   the request being answered (its connection decides {@code Secure} in auto mode)
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
     * Keeps the response out of every cache ({@code Cache-Control: no-store}), called whenever a session
     * cookie is set or cleared, before the application may commit the response. A {@code Cache-Control}
     * already naming {@code no-store} (an application's own, perhaps with more directives) is kept.
     * {@code Vary: Cookie} is not added: it matters only for responses a cache may store, and this one
     * may not be stored at all.
     *
     * @param response the response, not yet committed
     */
    public static void forbidStorage(HttpServletResponse response) {
        String current = response.getHeader(CACHE_CONTROL);
        if (current == null || !current.toLowerCase(Locale.ROOT).contains(NO_STORE)) {
            response.setHeader(CACHE_CONTROL, NO_STORE);
        }
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
            case AUTO -> !isLocalPlainHttp(request);
        };
    }

    // all four must hold to leave Secure out, so that no header a client sets can remove it
    private static boolean isLocalPlainHttp(HttpServletRequest request) {
        return !request.isSecure() && isLoopback(request.getLocalAddr())
                && LOCAL_HOSTS.contains(request.getServerName().toLowerCase(Locale.ROOT))
                && !"https".equalsIgnoreCase(trimmed(request.getHeader("X-Forwarded-Proto")))
                && !isForwardedHttps(request.getHeaders("Forwarded"));
    }

    // getLocalAddr is the IP literal of the interface the connection arrived on: the server knows it, a
    // client cannot choose it. Compared as text, so that nothing is ever resolved
    private static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String literal = address.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        return literal.startsWith("127.") || LOOPBACK_IPV6.contains(literal) || literal.startsWith("::ffff:127.");
    }

    private static boolean isForwardedHttps(Enumeration<String> headers) {
        while (headers != null && headers.hasMoreElements()) {
            String value = headers.nextElement();
            if (value != null && FORWARDED_HTTPS.matcher(value).find()) {
                return true;
            }
        }
        return false;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
