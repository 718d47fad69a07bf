package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchClient;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.WebAuthentication;
import io.github.stytchjakarta.filter.WebFailure;
import io.github.stytchjakarta.filter.internal.CredentialResolver.Resolution;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Logs the caller out: checks the origin of any request not authenticated by a bearer header (also one
 * carrying no cookie or several, since the answer clears the browser's cookies), revokes the session at
 * Stytch (a session Stytch no longer knows counts as revoked), clears both session cookies, then redirects
 * browser navigations to {@code stytch.web.logout-redirect} and answers others 204. When Stytch cannot be
 * reached the cookies are still cleared and the answer is 503 with {@code Retry-After}, since the session may
 * still be live. Immutable and thread-safe.
 */
public final class Logout {

    private final StytchWebConfig config;
    private final StytchClient client;
    private final CsrfGuard csrf;
    private final SessionCheck check;
    private final SessionEstablishment session;
    private final FailureResponder failures;
    private final WebLog log;

    /**
     * Creates the logout.
     *
     * @param config   the web configuration
     * @param client   core's API client, to revoke sessions
     * @param csrf     the origin check
     * @param check    the session check
     * @param session  clears the session cookies
     * @param failures answers refusals
     * @param log      the log
     */
    public Logout(StytchWebConfig config, StytchClient client, CsrfGuard csrf, SessionCheck check, SessionEstablishment session,
                  FailureResponder failures, WebLog log) {
        this.config = config;
        this.client = client;
        this.csrf = csrf;
        this.check = check;
        this.session = session;
        this.failures = failures;
        this.log = log;
    }

    /**
     * Answers a logout request.
     *
     * @param request  the logout request
     * @param response the response, written
     * @throws IOException when writing the response fails
     */
    public void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Resolution resolution = check.resolve(request);
        // whatever cookies came (one, two of a name, unreadable ones, none: a cross-site form post carries no
        // Lax cookie, yet the browser applies the clearing Set-Cookie): only a bearer header shows that no
        // foreign page made the browser send this
        if (config.csrf().enabled() && resolution.source() != CredentialSource.BEARER_HEADER && !csrf.allows(request)) {
            failures.send(request, response, WebFailures.csrf());
            return;
        }
        WebAuthentication authentication = check.authenticate(request, resolution);
        Optional<WebFailure> unavailable = Optional.empty();
        // an access token has no session to revoke
        if (authentication instanceof WebAuthentication.Authenticated authenticated && authenticated.principal().isPresent()) {
            unavailable = revoke(authenticated.principal().get());
        } else if (authentication instanceof WebAuthentication.Failed failed
                && failed.failure().kind() == WebFailure.Kind.UNAVAILABLE) {
            unavailable = Optional.of(failed.failure());
        }
        session.clear(request, response);
        if (unavailable.isPresent()) {
            failures.send(request, response, unavailable.get());
        } else if (resolution.source() != CredentialSource.BEARER_HEADER && failures.isBrowserNavigation(request)) {
            FailureResponder.redirect(response, request.getContextPath() + config.logout().redirect());
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    private Optional<WebFailure> revoke(StytchPrincipal principal) {
        try {
            if (principal instanceof StytchMember member) {
                client.b2bSessions().revoke(member.sessionId());
            } else {
                client.sessions().revoke(principal.sessionId());
            }
            log.debug(() -> "session " + principal.sessionId() + " revoked");
            return Optional.empty();
        } catch (StytchApiException e) {
            if (e.statusCode() == HttpServletResponse.SC_NOT_FOUND) {
                return Optional.empty();
            }
            log.throttledWarning("Stytch refused to revoke a session: HTTP " + e.statusCode() + " " + e.errorType());
            return Optional.of(WebFailures.unavailable(config.retryAfter()));
        } catch (StytchUnavailableException e) {
            log.throttledWarning("cannot revoke a session, Stytch is unavailable: " + e.getMessage());
            return Optional.of(WebFailures.unavailable(e.retryAfter().orElse(config.retryAfter())));
        }
    }
}
