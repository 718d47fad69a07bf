package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedPolicy;
import java.util.List;

/**
 * The RBAC check of the Stytch SDKs and API (stytch-semantics §4.2, after the B2B tenancy check): a role grants the
 * check if the session holds it and one of its permissions names the resource exactly with the action or {@code *}.
 */
public final class Authorizer {

    private Authorizer() {
    }

    /**
     * @param policyRoles  the project roles (for B2B followed by the organization's custom roles)
     * @param sessionRoles the session's role ids
     * @param resourceId   the checked resource
     * @param action       the checked action
     * @return the ids of the session roles that grant it, in policy order, without duplicates; empty if denied
     */
    public static List<String> grantingRoles(List<EmulatedPolicy.Role> policyRoles, List<String> sessionRoles, String resourceId,
            String action) {
        return policyRoles.stream()
                .filter(role -> sessionRoles.contains(role.roleId()))
                .filter(role -> role.permissions().stream().anyMatch(permission -> permission.resourceId().equals(resourceId)
                        && (permission.actions().contains(action) || permission.actions().contains(EmulatedPolicy.ANY_ACTION))))
                .map(EmulatedPolicy.Role::roleId)
                .distinct()
                .toList();
    }
}
