package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.WebAuthentication;
import io.github.stytchjakarta.filter.internal.CredentialResolver.Resolution;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Checks a request's session credential ({@link CredentialResolver}) with core, locally when possible, and
 * gives the caller's roles ({@link StytchWebConfig#rolesOf}); a bearer token, when {@code stytch.web.access-tokens}
 * allows more than sessions, by the verifier of its kind ({@link BearerTokens}). A JWT cookie refused only because no published
 * key has its {@code kid} (a rotation this application has not seen yet), sent with an opaque session cookie,
 * is decided by that session token instead. Never throws for anything the client sent: a rejected, ambiguous
 * or unreadable credential, an unavailable Stytch, even a bug, become {@link WebAuthentication.Failed}.
 * Immutable and thread-safe.
 */
public final class SessionCheck {

    private final Stytch stytch;
    private final StytchWebConfig config;
    private final CredentialResolver credentials;
    private final WebLog log;
    private final BearerTokens bearerTokens;

    /**
     * Creates the check.
     *
     * @param stytch      the core facade
     * @param config      the web configuration
     * @param credentials the credential resolver
     * @param log         the log
     */
    public SessionCheck(Stytch stytch, StytchWebConfig config, CredentialResolver credentials, WebLog log) {
        this.stytch = stytch;
        this.config = config;
        this.credentials = credentials;
        this.log = log;
        this.bearerTokens = new BearerTokens(stytch, config);
    }

    /**
     * @param request the request
     * @return its credential, found but not checked
     */
    public Resolution resolve(HttpServletRequest request) {
        return credentials.resolve(request);
    }

    /**
     * @param request    the request
     * @param resolution its credential ({@link #resolve})
     * @return anonymous (no credential), authenticated, or failed
     */
    public WebAuthentication authenticate(HttpServletRequest request, Resolution resolution) {
        return switch (resolution.status()) {
            case NONE -> WebAuthentication.Anonymous.INSTANCE;
            case FOUND -> check(request, resolution);
            case AMBIGUOUS -> {
                log.debug(() -> "more than one credential from " + resolution.source());
                yield new WebAuthentication.Failed(WebFailures.duplicateCredentials(resolution.source()));
            }
            case UNREADABLE -> {
                log.debug("request cookies unreadable");
                yield new WebAuthentication.Failed(WebFailures.unreadableCookies());
            }
        };
    }

    private WebAuthentication check(HttpServletRequest request, Resolution resolution) {
        CredentialSource source = resolution.source();
        try {
            if (source == CredentialSource.BEARER_HEADER && !bearerTokens.sessionsOnly()) {
                return bearerTokens.authenticate(((SessionCredential.SessionJwt) resolution.credential()).value(),
                        RequestPath.normalise(request));
            }
            AuthenticatedSession session = stytch.authenticator().authenticate(resolution.credential());
            // the project policy may be needed to tell project roles from organization roles: same failures
            return new WebAuthentication.Authenticated(session, source, config.rolesOf(session.principal(), stytch.authorizer()));
        } catch (InvalidTokenException e) {
            Optional<String> sessionToken = e.reason() == InvalidTokenException.Reason.UNKNOWN_KEY
                    && source == CredentialSource.JWT_COOKIE ? credentials.sessionCookieValue(request) : Optional.empty();
            if (sessionToken.isPresent()) {
                // a key this application has not fetched yet (a rotation) must not log out a live session; any
                // client can already make us check an opaque token, so this costs an attacker nothing new
                log.debug("JWT cookie signed with an unknown key: the session cookie decides");
                return check(request, new Resolution(Resolution.Status.FOUND, CredentialSource.SESSION_COOKIE,
                        new SessionCredential.SessionToken(sessionToken.get())));
            }
            log.debug(() -> "credential from " + source + " rejected: " + e.reason());
            return new WebAuthentication.Failed(WebFailures.invalidToken(e.reason(), source));
        } catch (StytchUnavailableException e) {
            log.throttledWarning("cannot authenticate a session, Stytch is unavailable: " + e.getMessage());
            return new WebAuthentication.Failed(WebFailures.unavailable(e.retryAfter().orElse(config.retryAfter())));
        } catch (StytchApiException e) {
            log.throttledWarning("Stytch refused this application's call (check stytch.project-id and stytch.secret, or for "
                    + "token introspection stytch.connected-apps.introspection.*): HTTP " + e.statusCode() + " " + e.errorType());
            return new WebAuthentication.Failed(WebFailures.unavailable(config.retryAfter()));
        } catch (RuntimeException e) {
            // a bug must not turn client input into a 500; the exception's message might quote the input
            log.warning("unexpected " + e.getClass().getName() + " while authenticating a credential from " + source
                    + "; it is treated as malformed");
            return new WebAuthentication.Failed(WebFailures.invalidToken(InvalidTokenException.Reason.MALFORMED, source));
        }
    }
}
