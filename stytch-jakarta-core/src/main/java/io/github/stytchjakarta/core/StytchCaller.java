package io.github.stytchjakarta.core;

import java.security.Principal;
import java.util.List;

/**
 * Whoever a verified Stytch credential speaks for, of one of three kinds:
 * <ul>
 *   <li>a {@link StytchPrincipal} (a {@link StytchUser} or {@link StytchMember}), from a session;</li>
 *   <li>an {@link M2mCaller}, an M2M client, from an M2M access token;</li>
 *   <li>a {@link ConnectedAppCaller}, a user or member acting through a Connected App, from a Connected-App access
 *       token.</li>
 * </ul>
 * {@link #getName()} is the user or member id for sessions and Connected-App tokens, the client id for M2M tokens.
 * {@link StytchAuthorizer#check} answers a permission for each kind. Implementations are immutable records whose
 * {@code toString()} shows ids and scopes only: callers end up in logs.
 */
public sealed interface StytchCaller extends Principal permits StytchPrincipal, M2mCaller, ConnectedAppCaller {

    /**
     * The id of the caller.
     *
     * @return the user or member id, or the M2M client id
     */
    @Override
    String getName();

    /**
     * The scopes the caller's access token grants, in token order: none for a session, which is authorized by its
     * roles ({@link StytchAuthorizer#missingScopes} compares them as the token's kind does).
     *
     * @return the scopes, unmodifiable
     */
    default List<String> scopes() {
        return List.of();
    }
}
