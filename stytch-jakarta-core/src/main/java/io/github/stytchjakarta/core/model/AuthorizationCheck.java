package io.github.stytchjakarta.core.model;

import java.util.Objects;

/**
 * An RBAC check Stytch evaluates while authenticating a session ({@code authorization_check}).
 *
 * @param organizationId the organization the resource belongs to (B2B; {@code null} for consumer)
 * @param resourceId     the resource, e.g. {@code documents}
 * @param action         the action, e.g. {@code read}
 */
public record AuthorizationCheck(String organizationId, String resourceId, String action) {

    /** Requires resource and action. */
    public AuthorizationCheck {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(action, "action");
    }

    /**
     * A consumer check.
     *
     * @param resourceId the resource
     * @param action     the action
     * @return the check
     */
    public static AuthorizationCheck of(String resourceId, String action) {
        return new AuthorizationCheck(null, resourceId, action);
    }

    /**
     * A B2B check, including the tenancy check on the organization.
     *
     * @param organizationId the organization
     * @param resourceId     the resource
     * @param action         the action
     * @return the check
     */
    public static AuthorizationCheck of(String organizationId, String resourceId, String action) {
        return new AuthorizationCheck(Objects.requireNonNull(organizationId, "organizationId"), resourceId, action);
    }
}
