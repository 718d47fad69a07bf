package io.github.stytchjakarta.core.internal.rbac;

import io.github.stytchjakarta.core.model.RbacPolicy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roles' permissions precomputed as {@code role → resource → actions}, so that "does this role
 * allow this action on this resource" is two hash lookups and a set lookup. The semantics are the
 * Stytch SDKs' (stytch-semantics §4.2): the resource must match exactly, and the action must be
 * listed or be covered by {@code *}. Roles or permissions listed twice are merged.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyIndex {

    /** An index granting nothing. */
    public static final PolicyIndex EMPTY = new PolicyIndex(Map.of());

    private static final String ANY_ACTION = "*";

    private final Map<String, Map<String, Actions>> roles;

    private PolicyIndex(Map<String, Map<String, Actions>> roles) {
        this.roles = roles;
    }

    /**
     * @param roles the roles of a policy
     * @return the index
     */
    public static PolicyIndex of(List<RbacPolicy.Role> roles) {
        Map<String, Map<String, Set<String>>> collected = new HashMap<>();
        for (RbacPolicy.Role role : roles) {
            if (role.roleId() == null) {
                continue;
            }
            Map<String, Set<String>> resources = collected.computeIfAbsent(role.roleId(), id -> new HashMap<>());
            for (RbacPolicy.Permission permission : role.permissions()) {
                if (permission.resourceId() != null) {
                    resources.computeIfAbsent(permission.resourceId(), id -> new HashSet<>()).addAll(permission.actions());
                }
            }
        }
        Map<String, Map<String, Actions>> index = new HashMap<>();
        collected.forEach((roleId, resources) -> {
            Map<String, Actions> byResource = new HashMap<>();
            resources.forEach((resourceId, actions) ->
                    byResource.put(resourceId, new Actions(Set.copyOf(actions), actions.contains(ANY_ACTION))));
            index.put(roleId, Map.copyOf(byResource));
        });
        return new PolicyIndex(Map.copyOf(index));
    }

    /**
     * @param roleId a role id
     * @return whether the policy lists the role (with or without permissions)
     */
    public boolean defines(String roleId) {
        return roles.containsKey(roleId);
    }

    /**
     * @param roleId     a role id
     * @param resourceId a resource id
     * @param action     an action
     * @return whether the role allows the action on the resource
     */
    public boolean grants(String roleId, String resourceId, String action) {
        Map<String, Actions> resources = roles.get(roleId);
        if (resources == null) {
            return false;
        }
        Actions actions = resources.get(resourceId);
        return actions != null && (actions.any || actions.names.contains(action));
    }

    private record Actions(Set<String> names, boolean any) {
    }
}
