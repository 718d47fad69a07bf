package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.filter.internal.PathPattern;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission rule of {@code stytch.web.permissions}: requests with this method and a path matching the
 * pattern need the permission.
 *
 * <p>Immutable and thread-safe; the compact constructor checks every part.
 *
 * @param method      an HTTP method of letters in any case, kept in upper case, or {@code *} for any
 *                    ({@code GET} also covers {@code HEAD})
 * @param pathPattern a path pattern (see {@link StytchWebConfig})
 * @param resourceId  the Stytch RBAC resource, e.g. {@code documents}
 * @param action      the action, e.g. {@code read}
 */
public record PathPermission(String method, String pathPattern, String resourceId, String action) {

    private static final Pattern METHOD = Pattern.compile("\\*|[A-Za-z]+");

    /** Checks every part and puts the method in upper case. */
    public PathPermission {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPattern, "pathPattern");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(action, "action");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("the method must be an HTTP method (letters only) or *");
        }
        method = method.toUpperCase(Locale.ROOT);
        PathPattern.compile(pathPattern);
        if (resourceId.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("the resource and the action must not be blank");
        }
    }

    /**
     * Parses {@code METHOD PATTERN RESOURCE:ACTION}.
     *
     * @param rule the rule; must not be {@code null}
     * @return the permission
     * @throws IllegalArgumentException when the rule does not follow the syntax (the message does not repeat it)
     */
    public static PathPermission parse(String rule) {
        String[] parts = rule.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a permission rule must be METHOD PATTERN RESOURCE:ACTION");
        }
        int colon = parts[2].lastIndexOf(':');
        if (colon <= 0 || colon == parts[2].length() - 1) {
            throw new IllegalArgumentException("the permission of a rule must be RESOURCE:ACTION");
        }
        return new PathPermission(parts[0], parts[1], parts[2].substring(0, colon), parts[2].substring(colon + 1));
    }
}
