package io.github.stytchjakarta.core.model;

import java.util.List;

/**
 * Stytch's answer to a passed {@link AuthorizationCheck}.
 *
 * @param authorized    always {@code true} (a failed check is an HTTP 403 instead)
 * @param grantingRoles the session roles that grant the permission
 */
public record AuthorizationVerdict(boolean authorized, List<String> grantingRoles) {

    /** Replaces an absent list with an empty one. */
    public AuthorizationVerdict {
        grantingRoles = grantingRoles == null ? List.of() : List.copyOf(grantingRoles);
    }
}
