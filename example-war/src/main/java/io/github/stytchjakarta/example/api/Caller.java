package io.github.stytchjakarta.example.api;

import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import java.util.List;
import java.util.Set;

/**
 * The answer of {@code GET /api/me}: who the Stytch session belongs to.
 *
 * @param kind           {@code member} (B2B) or {@code user} (consumer)
 * @param id             the member or user id
 * @param organizationId the member's organization, {@code null} for a user
 * @param sessionId      the session id
 * @param roles          the caller's roles (Stytch roles and mapped application roles)
 */
public record Caller(String kind, String id, String organizationId, String sessionId, List<String> roles) {

    /** Copies the roles. */
    public Caller {
        roles = List.copyOf(roles);
    }

    /**
     * @param principal the caller
     * @param roles     the caller's roles
     * @return the answer
     */
    public static Caller of(StytchPrincipal principal, Set<String> roles) {
        if (principal instanceof StytchMember member) {
            return new Caller("member", member.memberId(), member.organizationId(), member.sessionId(), List.copyOf(roles));
        }
        return new Caller("user", principal.getName(), null, principal.sessionId(), List.copyOf(roles));
    }
}
