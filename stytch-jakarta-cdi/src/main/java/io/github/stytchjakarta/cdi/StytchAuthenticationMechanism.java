package io.github.stytchjakarta.cdi;

import io.github.stytchjakarta.cdi.internal.WildFlySecurityDomainCheck;
import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.internal.LogThrottle;
import io.github.stytchjakarta.filter.Problem;
import io.github.stytchjakarta.filter.StytchAttributes;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.WebAuthentication;
import io.github.stytchjakarta.filter.WebOutcome;
import io.github.stytchjakarta.filter.internal.ProblemResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Stytch sessions and access tokens as a Jakarta Security authentication mechanism: the container learns the caller
 * ({@link io.github.stytchjakarta.core.StytchUser} or {@link io.github.stytchjakarta.core.StytchMember}; an
 * {@link io.github.stytchjakarta.core.M2mCaller} or {@link io.github.stytchjakarta.core.ConnectedAppCaller} where
 * {@code stytch.web.access-tokens} allows them) and its roles as groups (none for an access token), so
 * {@code @RolesAllowed}, {@code isCallerInRole}, {@code getUserPrincipal()} and {@code SecurityContext} work as with
 * any built-in mechanism.
 *
 * <p>It is a thin adapter around the filter module's {@link StytchWebAuthenticator}, so it behaves
 * exactly like the {@code StytchAuthenticationFilter}: the same token resolution (bearer header, JWT
 * cookie, session cookie), local-then-remote verification, refreshed JWT cookie, CSRF check, path
 * permission rules, logout endpoint, RFC 6750 challenges, login redirects, problem bodies and 503s, and
 * the same {@code stytch.web.*} keys. A request needs a caller when the container says so (a security
 * constraint, or {@code authenticate()}) or the configured paths do.
 *
 * <ul>
 *   <li>authenticated: {@code notifyContainerAboutLogin(principal, roles)}, the roles being the Stytch
 *       roles followed by the application roles mapped with {@code stytch.roles.mapping.*};</li>
 *   <li>anonymous where no caller is needed: {@code doNothing()}, the request proceeds anonymously;</li>
 *   <li>otherwise the response is written by the shared code (401 challenge, 302 to the login page, 400,
 *       403, 503, the logout answer) and committed, so that the container does not replace it.</li>
 * </ul>
 * It fires {@link StytchAuthenticationSucceeded} and {@link StytchAuthenticationFailed}.
 *
 * <p>Beside other mechanisms (Jakarta EE 11), an application's {@code HttpAuthenticationMechanismHandler}
 * picks it for the requests where {@link #hasCredential} holds; the definition's
 * {@link StytchAuthenticationMechanismDefinition#qualifiers() qualifiers} tell the beans apart.
 *
 * <p>Enabled by {@link StytchAuthenticationMechanismDefinition} or
 * {@code stytch.security.mechanism.enabled=true}; otherwise the library's extension vetoes the bean.
 * Thread-safe.
 */
@ApplicationScoped
public class StytchAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final System.Logger LOG = System.getLogger(StytchAuthenticationMechanism.class.getName());

    private final LogThrottle refusals = new LogThrottle();

    @Inject
    private StytchWebAuthenticator web;

    @Inject
    private Event<StytchAuthenticationSucceeded> succeeded;

    @Inject
    private Event<StytchAuthenticationFailed> failed;

    /** For the container. */
    protected StytchAuthenticationMechanism() {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        boolean firstTime = request.getAttribute(StytchAttributes.AUTHENTICATION) == null;
        boolean protectedResource = context.isProtected() || context.isAuthenticationRequest() || web.isProtected(request);
        WebOutcome outcome;
        try {
            outcome = web.handle(request, response, protectedResource);
        } catch (IOException e) {
            throw new AuthenticationException("the response could not be written", e);
        }
        if (firstTime) {
            // a refusal is not recorded in the attribute: the request never reaches the application
            notifyObservers(outcome instanceof WebOutcome.Responded responded && responded.failure().isPresent()
                    ? new WebAuthentication.Failed(responded.failure().get())
                    : request.getAttribute(StytchAttributes.AUTHENTICATION));
        }
        if (outcome instanceof WebOutcome.Proceed proceed) {
            if (proceed.authentication().isEmpty()) {
                return context.doNothing();
            }
            WebAuthentication.Authenticated authenticated = proceed.authentication().get();
            try {
                return context.notifyContainerAboutLogin(authenticated.caller(), authenticated.roles());
            } catch (RuntimeException e) {
                refused(response, e);
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        commit(response);
        return response.getStatus() < HttpServletResponse.SC_BAD_REQUEST ? AuthenticationStatus.SEND_CONTINUE
                : AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The container refused the caller Stytch vouched for: a server setting the mechanism cannot work with (on
     * WildFly, {@code integrated-jaspi=true} where {@link WildFlySecurityDomainCheck} could not read it while the
     * server booted). Answers 500 with a problem body rather than the container's error page, which can carry a
     * stack trace, and logs what to change, at most once a minute.
     */
    private void refused(HttpServletResponse response, RuntimeException e) throws AuthenticationException {
        if (refusals.tryWarn(System.currentTimeMillis())) {
            LOG.log(Level.ERROR, "the server refused a caller Stytch authenticated (" + e.getMessage() + "): "
                    + WildFlySecurityDomainCheck.advice());
        }
        try {
            ProblemResponses.write(response, Problem.of(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "stytch.caller_refused",
                    "the server refused the authenticated caller"));
        } catch (IOException io) {
            throw new AuthenticationException("the response could not be written", io);
        }
        commit(response);
    }

    /**
     * Whether the request carries a Stytch credential (bearer header, JWT cookie or session cookie, under
     * their configured names), valid or not: an application's {@code HttpAuthenticationMechanismHandler}
     * (Jakarta EE 11) that combines this mechanism with another one asks this to pick it. Checks nothing.
     *
     * @param request the request
     * @return {@code true} if this mechanism should handle the request
     */
    public boolean hasCredential(HttpServletRequest request) {
        return web.hasCredential(request);
    }

    private void notifyObservers(Object authentication) {
        try {
            if (authentication instanceof WebAuthentication.Authenticated authenticated) {
                succeeded.fire(new StytchAuthenticationSucceeded(authenticated.caller(), authenticated.source(),
                        authenticated.session().map(AuthenticatedSession::verifiedBy)));
            } else if (authentication instanceof WebAuthentication.Failed failure) {
                failed.fire(new StytchAuthenticationFailed(failure.failure()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of a Stytch authentication event failed: " + e.getClass().getName());
        }
    }

    private static void commit(HttpServletResponse response) {
        try {
            response.flushBuffer();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "client went away before the response was sent");
        }
    }
}
