package io.github.stytchjakarta.core;

import java.util.Objects;

/**
 * An RBAC permission as Stytch's policies grant it: an action on a resource.
 *
 * <p>Immutable and thread-safe; the compact constructor checks both parts. Ids are compared exactly, as
 * Stytch compares them (no case folding, no trimming).
 *
 * @param resourceId the resource, e.g. {@code documents} or {@code stytch.organization}
 * @param action     the action, e.g. {@code read}
 */
public record Permission(String resourceId, String action) {

    /** Requires both parts, not blank. */
    public Permission {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(action, "action");
        if (resourceId.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("the resource and the action must not be blank");
        }
    }

    /**
     * Parses {@code RESOURCE:ACTION}, split at the last colon (resource ids may contain colons, actions
     * may not).
     *
     * @param text the permission; must not be {@code null}
     * @return the permission
     * @throws IllegalArgumentException when the text is not {@code RESOURCE:ACTION} (the message does not
     *                                  repeat it)
     */
    public static Permission parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a permission must be RESOURCE:ACTION");
        }
        return new Permission(text.substring(0, colon), text.substring(colon + 1));
    }

    /** @return {@code RESOURCE:ACTION} */
    @Override
    public String toString() {
        return resourceId + ":" + action;
    }
}
