package io.github.stytchjakarta.core;

import java.time.Instant;
import java.util.List;

/**
 * The caller of a request authenticated by a session: a consumer {@link StytchUser} or a B2B {@link StytchMember}
 * (the callers of access tokens are the other {@link StytchCaller}s).
 * {@link #getName()} is the user or member id. Implementations are immutable records whose
 * {@code toString()} shows ids only (user or member id, session id, organization id): principals end up
 * in logs, and e-mail addresses, factor details, IP addresses or custom claims must not.
 */
public sealed interface StytchPrincipal extends StytchCaller permits StytchUser, StytchMember {

    /**
     * The Stytch id of the caller.
     *
     * @return the user id ({@code user-...}) or member id ({@code member-...})
     */
    @Override
    String getName();

    /**
     * The Stytch session id.
     *
     * @return the session id
     */
    String sessionId();

    /**
     * The role ids of the session, as Stytch put them in the session ({@code stytch_user} /
     * {@code stytch_member} plus assigned roles).
     *
     * @return the role ids, unmodifiable
     */
    List<String> roles();

    /**
     * When the session (not the JWT) expires.
     *
     * @return the session expiry, {@code null} if Stytch did not say
     */
    Instant sessionExpiresAt();

    /**
     * Whether the session has a role.
     *
     * @param roleId a Stytch role id
     * @return {@code true} if {@link #roles()} contains it
     */
    default boolean hasRole(String roleId) {
        return roles().contains(roleId);
    }
}
