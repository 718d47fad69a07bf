package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.filter.WebAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The request as the application sees it after authentication: {@link #getUserPrincipal()} is the
 * {@link StytchCaller} (a session's {@code StytchPrincipal}, or an access token's caller), {@link #getRemoteUser()}
 * its user, member or M2M client id, {@link #isUserInRole} answers the Stytch roles and the application roles mapped
 * from them (an access-token caller has none: its scopes decide, through the permission rules),
 * {@link #getAuthType()} is {@code STYTCH_BEARER} or {@code STYTCH_COOKIE}. Immutable apart from the wrapped request.
 */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final WebAuthentication.Authenticated authentication;

    /**
     * Wraps a request.
     *
     * @param request        the container's request
     * @param authentication its authentication
     */
    public AuthenticatedRequest(HttpServletRequest request, WebAuthentication.Authenticated authentication) {
        super(request);
        this.authentication = authentication;
    }

    @Override
    public Principal getUserPrincipal() {
        return authentication.caller();
    }

    @Override
    public String getRemoteUser() {
        return authentication.caller().getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && authentication.roles().contains(role);
    }

    @Override
    public String getAuthType() {
        return authentication.source().authType();
    }
}
