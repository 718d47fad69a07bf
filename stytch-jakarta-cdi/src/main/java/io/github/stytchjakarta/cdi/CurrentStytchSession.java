package io.github.stytchjakarta.cdi;

import io.github.stytchjakarta.core.ConnectedAppCaller;
import io.github.stytchjakarta.core.M2mCaller;
import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchMemberSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchSession;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.StytchAttributes;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.WebAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Stytch caller of the current request, for any bean: servlets, JAX-RS resources, EJBs, and
 * application-scoped beans (it is request-scoped, so they get a proxy to the current request's one).
 * An anonymous request is a normal case here, not an error: everything is {@link Optional}.
 *
 * <pre>
 * &#64;Inject CurrentStytchSession current;
 *
 * String who = current.member().map(StytchMember::memberId).orElse("anonymous");
 * </pre>
 *
 * <p>The caller is of one of three kinds ({@link StytchCaller}): a session's user or member
 * ({@link #principal()}, with its session and roles), an M2M client ({@link #m2mClient()}) or a user or member acting
 * through a Connected App ({@link #connectedApp()}), the last two from bearer access tokens where
 * {@code stytch.web.access-tokens} allows them. Access-token callers have scopes ({@link #scopes()}) and no roles
 * (docs/adr-011-access-token-callers.md); {@link #caller()} is any kind.
 *
 * <p>Code that cannot run without a caller may instead inject {@link StytchCaller}, {@link StytchPrincipal},
 * {@link StytchUser}, {@link StytchMember}, {@link StytchSession}, {@link StytchMemberSession}, {@link M2mCaller} or
 * {@link ConnectedAppCaller} directly: those are {@code @Dependent} (the types are final records), so inject them into
 * request-scoped beans or through {@code Instance<>}, and a request without a caller of that kind makes the injection
 * throw {@link StytchNotAuthenticatedException} (401).
 *
 * <p>Where the caller comes from, decided once per request on first use:
 * <ol>
 *   <li>the {@link StytchAttributes#AUTHENTICATION} request attribute that the
 *       {@code StytchAuthenticationMechanism} or the {@code StytchAuthenticationFilter} set when it
 *       authenticated the request (then {@link #roles()} are exactly the roles the container was given);</li>
 *   <li>otherwise (no HTTP request on this thread, e.g. an EJB called with a propagated security context),
 *       the {@link StytchCaller} of Jakarta Security's {@link SecurityContext}, with the roles the
 *       mechanism gives (which may need the project's RBAC policy: {@code StytchUnavailableException} when
 *       it cannot be had).</li>
 * </ol>
 * Not thread-safe, like every request-scoped bean: use it on the request's thread.
 */
@RequestScoped
public class CurrentStytchSession {

    @Inject
    private Instance<HttpServletRequest> requests;

    @Inject
    private Instance<SecurityContext> securityContexts;

    @Inject
    private Instance<StytchWebConfig> webConfig;

    @Inject
    private Instance<StytchAuthorizer> authorizer;

    private Optional<Caller> caller;

    /** For the container. */
    protected CurrentStytchSession() {
    }

    /**
     * Whether the request is authenticated by Stytch: by a session, or by an access token where allowed.
     *
     * @return {@code true} if there is a caller of any kind
     */
    public boolean isAuthenticated() {
        return current().isPresent();
    }

    /**
     * The caller, of any kind.
     *
     * @return the session's {@link StytchPrincipal}, the {@link M2mCaller} or the {@link ConnectedAppCaller}; empty for
     *         an anonymous request
     */
    public Optional<StytchCaller> caller() {
        return current().map(Caller::caller);
    }

    /**
     * The caller, of any kind, who must be there.
     *
     * @return the caller
     * @throws StytchNotAuthenticatedException for an anonymous request
     */
    public StytchCaller requireCaller() {
        return caller().orElseThrow(StytchNotAuthenticatedException::new);
    }

    /**
     * The caller authenticated by a session.
     *
     * @return the {@link StytchUser} or {@link StytchMember}, empty for an anonymous request or an access token
     */
    public Optional<StytchPrincipal> principal() {
        return caller().filter(StytchPrincipal.class::isInstance).map(StytchPrincipal.class::cast);
    }

    /**
     * The caller authenticated by a session, who must be there.
     *
     * @return the {@link StytchUser} or {@link StytchMember}
     * @throws StytchNotAuthenticatedException for an anonymous request or an access token
     */
    public StytchPrincipal requirePrincipal() {
        return principal().orElseThrow(StytchNotAuthenticatedException::new);
    }

    /** @return the M2M client, empty unless the request carries an M2M access token */
    public Optional<M2mCaller> m2mClient() {
        return caller().filter(M2mCaller.class::isInstance).map(M2mCaller.class::cast);
    }

    /** @return the user or member acting through a Connected App, empty unless the request carries its access token */
    public Optional<ConnectedAppCaller> connectedApp() {
        return caller().filter(ConnectedAppCaller.class::isInstance).map(ConnectedAppCaller.class::cast);
    }

    /**
     * The scopes the caller's access token grants; for a permission, ask core's {@link StytchAuthorizer}.
     *
     * @return the scopes in token order, unmodifiable; empty for a session or an anonymous request
     */
    public List<String> scopes() {
        return caller().map(StytchCaller::scopes).orElse(List.of());
    }

    /** @return the consumer user, empty for an anonymous request or a B2B member */
    public Optional<StytchUser> user() {
        return principal().filter(StytchUser.class::isInstance).map(StytchUser.class::cast);
    }

    /** @return the B2B member, empty for an anonymous request or a consumer user */
    public Optional<StytchMember> member() {
        return principal().filter(StytchMember.class::isInstance).map(StytchMember.class::cast);
    }

    /** @return the consumer session, empty for an anonymous request or a B2B member */
    public Optional<StytchSession> session() {
        return user().map(StytchUser::session);
    }

    /** @return the B2B member session, empty for an anonymous request or a consumer user */
    public Optional<StytchMemberSession> memberSession() {
        return member().map(StytchMember::session);
    }

    /**
     * The caller's roles: the session's Stytch roles (by default only those of the project's RBAC policy,
     * see {@code stytch.roles.organization-roles}) followed by the application roles mapped from them.
     *
     * @return the roles, unmodifiable; empty for an anonymous request and an access token (a machine has no roles)
     */
    public Set<String> roles() {
        return current().map(Caller::roles).orElse(Set.of());
    }

    /**
     * Whether the caller holds a Stytch role or a mapped application role.
     *
     * @param role a role name
     * @return {@code true} if the request is authenticated and the caller holds it
     */
    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /**
     * Where the request's credential came from, which decides {@code getAuthType()}:
     * {@link CredentialSource#authType()}.
     *
     * @return the source; empty for an anonymous request and for a caller found through
     *         Jakarta Security's {@link SecurityContext} only
     */
    public Optional<CredentialSource> credentialSource() {
        return current().flatMap(Caller::source);
    }

    private Optional<Caller> current() {
        if (caller == null) {
            caller = lookUp();
        }
        return caller;
    }

    private Optional<Caller> lookUp() {
        Object authentication = requestAttribute(StytchAttributes.AUTHENTICATION);
        if (authentication instanceof WebAuthentication.Authenticated authenticated) {
            return Optional.of(new Caller(authenticated.caller(), authenticated.roles(), Optional.of(authenticated.source())));
        }
        if (authentication != null) {
            return Optional.empty(); // handled by the filter or the mechanism: anonymous
        }
        return callerPrincipal().map(caller -> new Caller(caller, rolesOf(caller), Optional.empty()));
    }

    private Object requestAttribute(String name) {
        if (!requests.isResolvable()) {
            return null; // not a web application
        }
        try {
            return requests.get().getAttribute(name);
        } catch (RuntimeException e) {
            return null; // no servlet request on this thread (a timer, an asynchronous EJB)
        }
    }

    private Optional<StytchCaller> callerPrincipal() {
        if (!securityContexts.isResolvable()) {
            return Optional.empty();
        }
        try {
            return securityContexts.get().getPrincipalsByType(StytchCaller.class).stream().findFirst();
        } catch (RuntimeException e) {
            return Optional.empty(); // no security context on this thread
        }
    }

    private Set<String> rolesOf(StytchCaller caller) {
        if (!(caller instanceof StytchPrincipal principal)) {
            return Set.of();
        }
        return webConfig.isResolvable() && authorizer.isResolvable() ? webConfig.get().rolesOf(principal, authorizer.get())
                : new LinkedHashSet<>(principal.roles());
    }

    private record Caller(StytchCaller caller, Set<String> roles, Optional<CredentialSource> source) {

        Caller {
            roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        }
    }
}
