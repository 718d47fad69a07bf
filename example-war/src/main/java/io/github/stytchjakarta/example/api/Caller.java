package io.github.stytchjakarta.example.api;

import io.github.stytchjakarta.core.ConnectedAppCaller;
import io.github.stytchjakarta.core.M2mCaller;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.example.documents.Workspace;
import java.util.List;
import java.util.Set;

/**
 * The answer of {@code GET /api/me}: who the Stytch session or access token speaks for.
 *
 * @param kind           {@code member} (B2B) or {@code user} (consumer) for a session, {@code connected-app} or
 *                       {@code m2m} for an access token
 * @param id             the member or user id, or the M2M client id
 * @param organizationId the member's organization (for an M2M client: its {@value Workspace#M2M_ORGANIZATION_CLAIM}
 *                       claim), {@code null} for a user or a client without one
 * @param sessionId      the session id, {@code null} for an access token
 * @param roles          the caller's roles (Stytch roles and mapped application roles); none for an access token
 */
public record Caller(String kind, String id, String organizationId, String sessionId, List<String> roles) {

    /** Copies the roles. */
    public Caller {
        roles = List.copyOf(roles);
    }

    /**
     * @param caller the caller, of any kind
     * @param roles  the caller's roles
     * @return the answer
     */
    public static Caller of(StytchCaller caller, Set<String> roles) {
        if (caller instanceof StytchMember member) {
            return new Caller("member", member.memberId(), member.organizationId(), member.sessionId(), List.copyOf(roles));
        }
        if (caller instanceof StytchPrincipal principal) {
            return new Caller("user", principal.getName(), null, principal.sessionId(), List.copyOf(roles));
        }
        if (caller instanceof ConnectedAppCaller app) {
            return new Caller("connected-app", app.subject(), app.organizationId().orElse(null), null, List.copyOf(roles));
        }
        String organization = Workspace.forCaller(caller).map(Workspace::id).orElse(null);
        return new Caller("m2m", ((M2mCaller) caller).clientId(), organization, null, List.copyOf(roles));
    }
}
