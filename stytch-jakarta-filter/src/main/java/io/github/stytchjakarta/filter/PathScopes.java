package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.filter.internal.PathPattern;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A scope rule of {@code stytch.web.scopes}: requests with this method and a path matching the pattern need an access
 * token granting every one of the scopes. An M2M token grants {@code action:resource} by its scopes as Stytch's SDKs
 * check them ({@code read:*} grants {@code read:documents}); a Connected-App token grants the scopes it names; a
 * session grants none.
 *
 * <p>Immutable and thread-safe; the compact constructor checks every part.
 *
 * @param method      an HTTP method of letters in any case, kept in upper case, or {@code *} for any
 *                    ({@code GET} also covers {@code HEAD})
 * @param pathPattern a path pattern (see {@link StytchWebConfig})
 * @param scopes      the scopes the requests need, not empty, each an RFC 6749 scope token
 */
public record PathScopes(String method, String pathPattern, List<String> scopes) {

    private static final Pattern METHOD = Pattern.compile("\\*|[A-Za-z]+");
    // RFC 6749 §3.3 scope-token: %x21 / %x23-5B / %x5D-7E
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    /** Checks every part, puts the method in upper case and copies the scopes. */
    public PathScopes {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPattern, "pathPattern");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("the method must be an HTTP method (letters only) or *");
        }
        method = method.toUpperCase(Locale.ROOT);
        PathPattern.compile(pathPattern);
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty() || !scopes.stream().allMatch(PathScopes::isScope)) {
            throw new IllegalArgumentException("a scope rule must name scopes of printable ASCII without spaces, \" or \\");
        }
    }

    /**
     * Parses {@code METHOD PATTERN SCOPE[ SCOPE...]}.
     *
     * @param rule the rule; must not be {@code null}
     * @return the rule
     * @throws IllegalArgumentException when the rule does not follow the syntax (the message does not repeat it)
     */
    public static PathScopes parse(String rule) {
        String[] parts = rule.trim().split("\\s+");
        if (parts.length < 3) {
            throw new IllegalArgumentException("a scope rule must be METHOD PATTERN SCOPE[ SCOPE...]");
        }
        return new PathScopes(parts[0], parts[1], Arrays.asList(parts).subList(2, parts.length));
    }

    /**
     * @param scope a candidate
     * @return whether it is an RFC 6749 scope token
     */
    public static boolean isScope(String scope) {
        return scope != null && SCOPE.matcher(scope).matches();
    }
}
