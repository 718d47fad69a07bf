package io.github.stytchjakarta.core.model;

import java.util.List;

/**
 * A project's RBAC policy ({@code api_b2b_rbac_v1_Policy} / {@code api_consumer_rbac_v1_Policy}).
 *
 * @param roles     the roles and the permissions each grants
 * @param resources the resources and their actions
 * @param scopes    the OAuth scopes and the permissions each grants
 */
public record RbacPolicy(List<Role> roles, List<Resource> resources, List<Scope> scopes) {

    /** Replaces absent lists with empty ones. */
    public RbacPolicy {
        roles = roles == null ? List.of() : List.copyOf(roles);
        resources = resources == null ? List.of() : List.copyOf(resources);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /**
     * A role.
     *
     * @param roleId      the role id, e.g. {@code stytch_member}
     * @param description the description
     * @param permissions what the role may do
     */
    public record Role(String roleId, String description, List<Permission> permissions) {

        /** Replaces absent values with empty ones. */
        public Role {
            description = description == null ? "" : description;
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }

    /**
     * Actions allowed on one resource; the action {@code *} allows every action.
     *
     * @param resourceId the resource id
     * @param actions    the allowed actions
     */
    public record Permission(String resourceId, List<String> actions) {

        /** Replaces an absent list with an empty one. */
        public Permission {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /**
     * A resource.
     *
     * @param resourceId  the resource id
     * @param description the description
     * @param actions     the actions defined on it
     */
    public record Resource(String resourceId, String description, List<String> actions) {

        /** Replaces absent values with empty ones. */
        public Resource {
            description = description == null ? "" : description;
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /**
     * An OAuth scope.
     *
     * @param scope       the scope name
     * @param description the description
     * @param permissions what the scope allows
     */
    public record Scope(String scope, String description, List<Permission> permissions) {

        /** Replaces absent values with empty ones. */
        public Scope {
            description = description == null ? "" : description;
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }
}
