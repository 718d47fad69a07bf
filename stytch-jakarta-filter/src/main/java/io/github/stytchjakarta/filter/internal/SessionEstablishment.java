package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.filter.StytchAttributes;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.WebAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What a session leaves on the request and the response: for an authenticated request the
 * {@link StytchAttributes} and, when Stytch issued a fresh JWT for a cookie credential, the re-set JWT
 * cookie (and the opaque token cookie, so both follow the session's expiry); on logout or a rejected
 * cookie, both session cookies cleared. Every response setting or clearing a cookie gets
 * {@code Cache-Control: no-store} ({@link SessionCookies#forbidStorage}). Bearer clients get no cookies.
 * Immutable and thread-safe.
 */
public final class SessionEstablishment {

    private final String tokenCookie;
    private final String sessionCookie;
    private final SessionCookies cookies;
    private final CredentialResolver credentials;
    private final Clock clock;
    private final WebLog log;

    /**
     * Creates the establishment.
     *
     * @param core        core's configuration, for the cookie names
     * @param config      the web configuration, for the cookie attributes
     * @param credentials the credential resolver, for the session cookie's value
     * @param clock       the clock of the cookies' {@code Max-Age}
     * @param log         the log
     */
    public SessionEstablishment(StytchConfig core, StytchWebConfig config, CredentialResolver credentials, Clock clock,
                                WebLog log) {
        this.tokenCookie = core.token().cookie();
        this.sessionCookie = core.session().cookie();
        this.cookies = new SessionCookies(config);
        this.credentials = credentials;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Records an authenticated request; nothing is written to a committed response.
     *
     * @param request        the request
     * @param response       the response (headers only)
     * @param authentication the authentication
     */
    public void establish(HttpServletRequest request, HttpServletResponse response, WebAuthentication.Authenticated authentication) {
        request.setAttribute(StytchAttributes.AUTHENTICATION, authentication);
        request.setAttribute(StytchAttributes.PRINCIPAL, authentication.caller());
        if (authentication.session().isEmpty()) {
            return; // an access token: no session, no cookie
        }
        StytchPrincipal principal = authentication.principal().orElseThrow();
        request.setAttribute(StytchAttributes.SESSION, principal instanceof StytchMember member ? member.session()
                : ((StytchUser) principal).session());
        Optional<String> refreshed = authentication.session().get().refreshedJwt();
        if (!authentication.source().isCookie() || refreshed.isEmpty() || response.isCommitted()) {
            return;
        }
        if (!SessionCookies.isSafeValue(refreshed.get())) {
            log.throttledWarning("the JWT Stytch issued cannot be put into a cookie; the cookie is not refreshed");
            return;
        }
        Instant now = clock.instant();
        Instant expiresAt = principal.sessionExpiresAt();
        response.addHeader(SessionCookies.SET_COOKIE, cookies.set(request, tokenCookie, refreshed.get(), expiresAt, now));
        credentials.sessionCookieValue(request).filter(SessionCookies::isSafeValue).ifPresent(token ->
                response.addHeader(SessionCookies.SET_COOKIE, cookies.set(request, sessionCookie, token, expiresAt, now)));
        SessionCookies.forbidStorage(response);
    }

    /**
     * Clears both session cookies.
     *
     * @param request  the request
     * @param response the uncommitted response
     */
    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(SessionCookies.SET_COOKIE, cookies.clear(request, tokenCookie));
        response.addHeader(SessionCookies.SET_COOKIE, cookies.clear(request, sessionCookie));
        SessionCookies.forbidStorage(response);
    }
}
