package io.github.stytchjakarta.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Stytch RBAC policy: roles, resources and scopes, served by {@code GET /v1/rbac/policy} and
 * {@code GET /v1/b2b/rbac/policy} and used by {@code sessions/authenticate} to evaluate {@code authorization_check}.
 *
 * <pre>
 * EmulatedPolicy policy = EmulatedPolicy.builder()
 *     .role("editor", "Edits documents", EmulatedPolicy.permission("documents", "read", "write"))
 *     .resource("documents", "Documents", "read", "write", "delete")
 *     .scope("read:documents", "Read documents", EmulatedPolicy.permission("documents", "read"))
 *     .build();
 * </pre>
 *
 * Immutable and thread-safe.
 *
 * @param roles     the roles
 * @param resources the resources
 * @param scopes    the scopes (for M2M and Connected-App tokens)
 */
public record EmulatedPolicy(List<Role> roles, List<Resource> resources, List<Scope> scopes) {

    /** The consumer role Stytch assigns to every user. */
    public static final String STYTCH_USER = "stytch_user";

    /** The B2B role Stytch assigns to every member. */
    public static final String STYTCH_MEMBER = "stytch_member";

    /** The B2B administrator role. */
    public static final String STYTCH_ADMIN = "stytch_admin";

    /** The reserved action that grants every action on a resource. */
    public static final String ANY_ACTION = "*";

    private static final List<Resource> STYTCH_RESOURCES = List.of(
            new Resource("stytch.organization", "Stytch organization", List.of("update.info.name", "update.info.slug",
                    "update.info.logo_url", "update.info.untrusted_metadata", "update.settings.allowed-auth-methods",
                    "update.settings.allowed-domains", "update.settings.default-sso-connection",
                    "update.settings.email-invites", "update.settings.email-jit-provisioning",
                    "update.settings.implicit-roles", "update.settings.mfa-policy", "update.settings.sso-jit-provisioning",
                    "delete")),
            new Resource("stytch.member", "Stytch member", List.of("create", "search", "update.info.name",
                    "update.info.email", "update.info.untrusted-metadata", "update.info.mfa-phone",
                    "update.settings.is-breakglass", "update.settings.mfa-enrolled", "update.settings.roles",
                    "delete")),
            new Resource("stytch.sso", "Stytch SSO connections", List.of("create", "get", "update", "delete")),
            new Resource("stytch.scim", "Stytch SCIM connections", List.of("create", "get", "update", "delete")),
            new Resource("stytch.self", "The member itself", List.of("update.info.name", "update.info.untrusted-metadata",
                    "update.info.mfa-phone", "update.info.delete.mfa-phone", "update.info.delete.password",
                    "update.settings.mfa-enrolled", "revoke-sessions", "delete")));

    public EmulatedPolicy {
        roles = List.copyOf(roles);
        resources = List.copyOf(resources);
        scopes = List.copyOf(scopes);
    }

    /**
     * The policy of a fresh consumer project: the role {@value #STYTCH_USER} without permissions, no resources, no
     * scopes.
     *
     * @return the policy
     */
    public static EmulatedPolicy defaultConsumerPolicy() {
        return new EmulatedPolicy(List.of(new Role(STYTCH_USER, "Granted to all Users.", List.of())), List.of(), List.of());
    }

    /**
     * The policy of a fresh B2B project: the resources {@code stytch.organization}, {@code stytch.member},
     * {@code stytch.sso}, {@code stytch.scim}, {@code stytch.self}; the role {@value #STYTCH_MEMBER} with
     * {@code stytch.self *}; the role {@value #STYTCH_ADMIN} with {@code *} on every {@code stytch.*} resource.
     *
     * @return the policy
     */
    public static EmulatedPolicy defaultB2bPolicy() {
        List<Permission> adminPermissions = STYTCH_RESOURCES.stream()
                .map(resource -> permission(resource.resourceId(), ANY_ACTION)).toList();
        return new EmulatedPolicy(List.of(
                new Role(STYTCH_ADMIN, "Granted to Members who create an Organization or are made admins.", adminPermissions),
                new Role(STYTCH_MEMBER, "Granted to all Members upon creation.", List.of(permission("stytch.self", ANY_ACTION)))),
                STYTCH_RESOURCES, List.of());
    }

    /**
     * @param resourceId the resource
     * @param actions    the actions allowed on it; {@value #ANY_ACTION} for all
     * @return a permission
     */
    public static Permission permission(String resourceId, String... actions) {
        return new Permission(resourceId, List.of(actions));
    }

    /**
     * @param roleId      the role id
     * @param description the description
     * @param permissions the role's permissions
     * @return a role (for {@link EmulatorRbac#setOrganizationRoles} and {@link Builder#role(Role)})
     */
    public static Role role(String roleId, String description, Permission... permissions) {
        return new Role(roleId, description, List.of(permissions));
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding this policy's roles, resources and scopes, to add more
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.roles.addAll(roles);
        builder.resources.addAll(resources);
        builder.scopes.addAll(scopes);
        return builder;
    }

    /**
     * A permission: actions on one resource.
     *
     * @param resourceId the resource id
     * @param actions    the actions, or {@value #ANY_ACTION}
     */
    public record Permission(String resourceId, List<String> actions) {
        public Permission {
            Objects.requireNonNull(resourceId, "resourceId");
            actions = List.copyOf(actions);
        }
    }

    /**
     * A role.
     *
     * @param roleId      the role id
     * @param description the description ({@code ""} for none)
     * @param permissions the permissions
     */
    public record Role(String roleId, String description, List<Permission> permissions) {
        public Role {
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(description, "description");
            permissions = List.copyOf(permissions);
        }
    }

    /**
     * A resource.
     *
     * @param resourceId  the resource id
     * @param description the description ({@code ""} for none)
     * @param actions     the actions defined on the resource
     */
    public record Resource(String resourceId, String description, List<String> actions) {
        public Resource {
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(description, "description");
            actions = List.copyOf(actions);
        }
    }

    /**
     * A scope (for M2M and Connected-App access tokens).
     *
     * @param scope       the scope, e.g. {@code read:documents}
     * @param description the description ({@code ""} for none)
     * @param permissions the permissions the scope grants
     */
    public record Scope(String scope, String description, List<Permission> permissions) {
        public Scope {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(description, "description");
            permissions = List.copyOf(permissions);
        }
    }

    /**
     * Builds a {@link EmulatedPolicy}. Not thread-safe.
     */
    public static final class Builder {

        private final List<Role> roles = new ArrayList<>();
        private final List<Resource> resources = new ArrayList<>();
        private final List<Scope> scopes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a role.
         *
         * @param roleId      the role id
         * @param description the description
         * @param permissions the permissions
         * @return this builder
         */
        public Builder role(String roleId, String description, Permission... permissions) {
            return role(EmulatedPolicy.role(roleId, description, permissions));
        }

        /**
         * Adds a role.
         *
         * @param role the role
         * @return this builder
         */
        public Builder role(Role role) {
            roles.add(Objects.requireNonNull(role, "role"));
            return this;
        }

        /**
         * Adds a resource.
         *
         * @param resourceId  the resource id
         * @param description the description
         * @param actions     the actions defined on it
         * @return this builder
         */
        public Builder resource(String resourceId, String description, String... actions) {
            resources.add(new Resource(resourceId, description, List.of(actions)));
            return this;
        }

        /**
         * Adds a scope.
         *
         * @param scope       the scope
         * @param description the description
         * @param permissions what it grants
         * @return this builder
         */
        public Builder scope(String scope, String description, Permission... permissions) {
            scopes.add(new Scope(scope, description, List.of(permissions)));
            return this;
        }

        /**
         * @return the policy
         */
        public EmulatedPolicy build() {
            return new EmulatedPolicy(roles, resources, scopes);
        }
    }
}
