package io.github.stytchjakarta.cdi;

import io.github.stytchjakarta.core.StytchAuthorizer;
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
 * <p>Code that cannot run without a caller may instead inject {@link StytchPrincipal},
 * {@link StytchUser}, {@link StytchMember}, {@link StytchSession} or {@link StytchMemberSession}
 * directly: those are {@code @Dependent} (the types are final records), so inject them into
 * request-scoped beans or through {@code Instance<>}, and an anonymous request makes the injection throw
 * {@link StytchNotAuthenticatedException} (401).
 *
 * <p>Where the caller comes from, decided once per request on first use:
 * <ol>
 *   <li>the {@link StytchAttributes#AUTHENTICATION} request attribute that the
 *       {@code StytchAuthenticationMechanism} or the {@code StytchAuthenticationFilter} set when it
 *       authenticated the request (then {@link #roles()} are exactly the roles the container was given);</li>
 *   <li>otherwise (no HTTP request on this thread, e.g. an EJB called with a propagated security context),
 *       the {@link StytchPrincipal} of Jakarta Security's {@link SecurityContext}, with the roles the
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
     * Whether the request is authenticated by a Stytch session.
     *
     * @return {@code true} if there is a caller
     */
    public boolean isAuthenticated() {
        return caller().isPresent();
    }

    /**
     * The caller.
     *
     * @return the {@link StytchUser} or {@link StytchMember}, empty for an anonymous request
     */
    public Optional<StytchPrincipal> principal() {
        return caller().map(Caller::principal);
    }

    /**
     * The caller, who must be there.
     *
     * @return the {@link StytchUser} or {@link StytchMember}
     * @throws StytchNotAuthenticatedException for an anonymous request
     */
    public StytchPrincipal requirePrincipal() {
        return principal().orElseThrow(StytchNotAuthenticatedException::new);
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
     * @return the roles, unmodifiable; empty for an anonymous request
     */
    public Set<String> roles() {
        return caller().map(Caller::roles).orElse(Set.of());
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
        return caller().flatMap(Caller::source);
    }

    private Optional<Caller> caller() {
        if (caller == null) {
            caller = lookUp();
        }
        return caller;
    }

    private Optional<Caller> lookUp() {
        Object authentication = requestAttribute(StytchAttributes.AUTHENTICATION);
        if (authentication instanceof WebAuthentication.Authenticated authenticated) {
            // an access token's caller is no session: not a caller here (this module's support for them comes later)
            return authenticated.principal().map(principal -> new Caller(principal, authenticated.roles(),
                    Optional.of(authenticated.source())));
        }
        if (authentication != null) {
            return Optional.empty(); // handled by the filter or the mechanism: anonymous
        }
        return callerPrincipal().map(principal -> new Caller(principal, rolesOf(principal), Optional.empty()));
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

    private Optional<StytchPrincipal> callerPrincipal() {
        if (!securityContexts.isResolvable()) {
            return Optional.empty();
        }
        try {
            return securityContexts.get().getPrincipalsByType(StytchPrincipal.class).stream().findFirst();
        } catch (RuntimeException e) {
            return Optional.empty(); // no security context on this thread
        }
    }

    private Set<String> rolesOf(StytchPrincipal principal) {
        return webConfig.isResolvable() && authorizer.isResolvable() ? webConfig.get().rolesOf(principal, authorizer.get())
                : new LinkedHashSet<>(principal.roles());
    }

    private record Caller(StytchPrincipal principal, Set<String> roles, Optional<CredentialSource> source) {

        Caller {
            roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        }
    }
}
