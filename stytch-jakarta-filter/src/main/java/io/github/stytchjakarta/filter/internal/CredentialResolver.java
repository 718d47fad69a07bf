package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.filter.CredentialSource;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Finds the one Stytch session credential of a request, in this order: {@code Authorization: Bearer}
 * (a session JWT), the {@code stytch_session_jwt} cookie, the {@code stytch_session} cookie (an opaque
 * token); names from core's configuration. The first source present decides: a bearer header wins
 * over cookies the browser happens to send along.
 *
 * <p>A header with another scheme ({@code Basic ...}) is not a Stytch credential and is ignored. Two
 * different values from the deciding source (two bearer headers, or two cookies of one name, e.g.
 * set for different paths) are ambiguous: the request is refused rather than one of them guessed.
 * Empty cookie values count as absent. Values are not checked here; core rejects malformed ones.
 *
 * <p>Immutable and thread-safe.
 */
public final class CredentialResolver {

    private static final String BEARER = "Bearer";

    private final String tokenHeader;
    private final String tokenCookie;
    private final String sessionCookie;

    /**
     * Creates a resolver.
     *
     * @param config core's configuration, for the header and cookie names
     */
    public CredentialResolver(StytchConfig config) {
        this.tokenHeader = config.token().header();
        this.tokenCookie = config.token().cookie();
        this.sessionCookie = config.session().cookie();
    }

    /**
     * What a request carries.
     *
     * @param status     whether a credential was found
     * @param source     the deciding source ({@code null} for {@link Status#NONE} and {@link Status#UNREADABLE})
     * @param credential the credential ({@code null} unless {@link Status#FOUND})
     */
    public record Resolution(Status status, CredentialSource source, SessionCredential credential) {

        static final Resolution NONE = new Resolution(Status.NONE, null, null);
        static final Resolution UNREADABLE = new Resolution(Status.UNREADABLE, null, null);

        /** The possible findings. */
        public enum Status {
            /** No credential. */
            NONE,
            /** Exactly one credential. */
            FOUND,
            /** Two different values from the deciding source. */
            AMBIGUOUS,
            /** The container could not parse the request's cookies. */
            UNREADABLE
        }
    }

    /**
     * Resolves the credential of a request.
     *
     * @param request the request
     * @return what was found
     */
    public Resolution resolve(HttpServletRequest request) {
        List<String> bearer = bearerTokens(request);
        if (!bearer.isEmpty()) {
            return found(CredentialSource.BEARER_HEADER, bearer, new SessionCredential.SessionJwt(bearer.get(0)));
        }
        Cookie[] cookies;
        try {
            cookies = request.getCookies();
        } catch (RuntimeException e) {
            return Resolution.UNREADABLE;
        }
        List<String> jwts = values(cookies, tokenCookie);
        if (!jwts.isEmpty()) {
            return found(CredentialSource.JWT_COOKIE, jwts, new SessionCredential.SessionJwt(jwts.get(0)));
        }
        List<String> tokens = values(cookies, sessionCookie);
        if (!tokens.isEmpty()) {
            return found(CredentialSource.SESSION_COOKIE, tokens, new SessionCredential.SessionToken(tokens.get(0)));
        }
        return Resolution.NONE;
    }

    /**
     * The value of the opaque session token cookie, when the request carries exactly one.
     *
     * @param request the request
     * @return the token
     */
    public Optional<String> sessionCookieValue(HttpServletRequest request) {
        try {
            List<String> tokens = values(request.getCookies(), sessionCookie);
            return tokens.size() == 1 ? Optional.of(tokens.get(0)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Resolution found(CredentialSource source, List<String> values, SessionCredential credential) {
        return values.size() == 1 ? new Resolution(Resolution.Status.FOUND, source, credential)
                : new Resolution(Resolution.Status.AMBIGUOUS, source, null);
    }

    private List<String> bearerTokens(HttpServletRequest request) {
        List<String> tokens = new ArrayList<>(1);
        Enumeration<String> headers = request.getHeaders(tokenHeader);
        while (headers != null && headers.hasMoreElements()) {
            String value = headers.nextElement();
            if (value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    && (value.length() == BEARER.length() || value.charAt(BEARER.length()) == ' ')) {
                addDistinct(tokens, value.substring(BEARER.length()).trim());
            }
        }
        return tokens;
    }

    private static List<String> values(Cookie[] cookies, String name) {
        List<String> values = new ArrayList<>(1);
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                    addDistinct(values, cookie.getValue());
                }
            }
        }
        return values;
    }

    // a list, not a hash set: values are usually one, and hashing a 2 KB token costs more than comparing it
    private static void addDistinct(List<String> values, String value) {
        if (!values.contains(value)) {
            values.add(value);
        }
    }
}
