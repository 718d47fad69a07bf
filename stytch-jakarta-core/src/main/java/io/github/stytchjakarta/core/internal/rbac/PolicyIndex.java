package io.github.stytchjakarta.core.internal.rbac;

import io.github.stytchjakarta.core.model.RbacPolicy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Roles' and OAuth scopes' permissions precomputed as {@code role → resource → actions} (and the same for
 * scopes), so that "does this role (scope) allow this action on this resource" is two hash lookups and a set
 * lookup. The semantics are the Stytch SDKs' (stytch-semantics §4.2; for scopes stytch-node's
 * {@code performScopeAuthorizationCheck}): the resource must match exactly, and the action must be listed or
 * be covered by {@code *}. Roles, scopes or permissions listed twice are merged.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyIndex {

    /** An index granting nothing. */
    public static final PolicyIndex EMPTY = new PolicyIndex(Map.of(), Map.of());

    private static final String ANY_ACTION = "*";

    private final Map<String, Map<String, Actions>> roles;
    private final Map<String, Map<String, Actions>> scopes;

    private PolicyIndex(Map<String, Map<String, Actions>> roles, Map<String, Map<String, Actions>> scopes) {
        this.roles = roles;
        this.scopes = scopes;
    }

    /**
     * @param roles the roles of a policy (an organization's custom roles, which come without scopes)
     * @return the index
     */
    public static PolicyIndex of(List<RbacPolicy.Role> roles) {
        return new PolicyIndex(index(roles, RbacPolicy.Role::roleId, RbacPolicy.Role::permissions), Map.of());
    }

    /**
     * @param policy a project policy, roles and scopes
     * @return the index
     */
    public static PolicyIndex of(RbacPolicy policy) {
        return new PolicyIndex(index(policy.roles(), RbacPolicy.Role::roleId, RbacPolicy.Role::permissions),
                index(policy.scopes(), RbacPolicy.Scope::scope, RbacPolicy.Scope::permissions));
    }

    private static <T> Map<String, Map<String, Actions>> index(List<T> grants, Function<T, String> idOf,
                                                               Function<T, List<RbacPolicy.Permission>> permissionsOf) {
        Map<String, Map<String, Set<String>>> collected = new HashMap<>();
        for (T grant : grants) {
            if (idOf.apply(grant) == null) {
                continue;
            }
            Map<String, Set<String>> resources = collected.computeIfAbsent(idOf.apply(grant), id -> new HashMap<>());
            for (RbacPolicy.Permission permission : permissionsOf.apply(grant)) {
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
        return Map.copyOf(index);
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
        return allows(roles.get(roleId), resourceId, action);
    }

    /**
     * @param scope      an OAuth scope a token grants
     * @param resourceId a resource id
     * @param action     an action
     * @return whether the policy's scope of that name allows the action on the resource
     */
    public boolean scopeGrants(String scope, String resourceId, String action) {
        return allows(scopes.get(scope), resourceId, action);
    }

    /**
     * @param resourceId a resource id
     * @param action     an action
     * @return the policy's scopes that allow the action on the resource, sorted
     */
    public List<String> scopesGranting(String resourceId, String action) {
        return scopes.keySet().stream().filter(scope -> scopeGrants(scope, resourceId, action)).sorted().toList();
    }

    private static boolean allows(Map<String, Actions> resources, String resourceId, String action) {
        if (resources == null) {
            return false;
        }
        Actions actions = resources.get(resourceId);
        return actions != null && (actions.any || actions.names.contains(action));
    }

    private record Actions(Set<String> names, boolean any) {
    }
}
