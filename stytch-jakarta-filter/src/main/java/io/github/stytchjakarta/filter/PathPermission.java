package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.Permission;
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
 * @param permission  the Stytch RBAC permission the requests need
 */
public record PathPermission(String method, String pathPattern, Permission permission) {

    private static final Pattern METHOD = Pattern.compile("\\*|[A-Za-z]+");

    /** Checks every part and puts the method in upper case. */
    public PathPermission {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPattern, "pathPattern");
        Objects.requireNonNull(permission, "permission");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("the method must be an HTTP method (letters only) or *");
        }
        method = method.toUpperCase(Locale.ROOT);
        PathPattern.compile(pathPattern);
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
        return new PathPermission(parts[0], parts[1], Permission.parse(parts[2]));
    }
}
