package io.github.stytchjakarta.cdi.jaxrs;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.filter.CredentialSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Makes JAX-RS's {@link SecurityContext} reflect the Stytch caller whatever the server does with
 * custom principals: {@code getUserPrincipal()} is the {@link StytchCaller} (a session's
 * {@link io.github.stytchjakarta.core.StytchUser} or {@link io.github.stytchjakarta.core.StytchMember}, an
 * {@link io.github.stytchjakarta.core.M2mCaller} or a
 * {@link io.github.stytchjakarta.core.ConnectedAppCaller}),
 * {@code isUserInRole} answers the Stytch roles and the mapped application roles (none for an access token),
 * {@code getAuthenticationScheme()} is {@code STYTCH_BEARER} or {@code STYTCH_COOKIE}. Runs at
 * {@link Priorities#AUTHENTICATION}, before role checks such as Jersey's {@code @RolesAllowed} filter. Anonymous
 * requests keep the container's context. Found by JAX-RS provider scanning; a CDI bean. Thread-safe.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class StytchSecurityContextFilter implements ContainerRequestFilter {

    @Inject
    private CurrentStytchSession current;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<StytchCaller> principal = current.caller();
        if (principal.isEmpty()) {
            return;
        }
        SecurityContext container = request.getSecurityContext();
        String scheme = current.credentialSource().map(CredentialSource::authType)
                .orElseGet(container::getAuthenticationScheme);
        request.setSecurityContext(new StytchSecurityContext(principal.get(), current.roles(), container.isSecure(), scheme));
    }

    private record StytchSecurityContext(StytchCaller principal, Set<String> roles, boolean secure, String scheme)
            implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
