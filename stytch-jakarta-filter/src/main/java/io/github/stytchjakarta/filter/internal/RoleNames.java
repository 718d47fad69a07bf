package io.github.stytchjakarta.filter.internal;

import java.util.regex.Pattern;

/**
 * The syntax of a role name in the role mapping keys, Stytch's and the application's alike: no white
 * space and no comma, the list separator.
 *
 * <p>Stateless and thread-safe.
 */
public final class RoleNames {

    private static final Pattern ROLE = Pattern.compile("[^\\s,]+");

    private RoleNames() {
    }

    /**
     * Whether a string is a valid role name.
     *
     * @param role the name, may be {@code null}
     * @return {@code true} if it is non-empty and holds no white space or comma
     */
    public static boolean isValid(String role) {
        return role != null && ROLE.matcher(role).matches();
    }
}
