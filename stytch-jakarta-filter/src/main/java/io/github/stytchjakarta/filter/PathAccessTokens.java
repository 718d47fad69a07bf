package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.filter.StytchWebConfig.AccessTokenKind;
import io.github.stytchjakarta.filter.internal.PathPattern;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A rule of {@code stytch.web.access-tokens.paths}: a bearer header on a path matching the pattern may carry these
 * kinds of token, whatever {@code stytch.web.access-tokens} says; the first matching rule applies.
 *
 * <p>Immutable and thread-safe; the compact constructor checks every part.
 *
 * @param pathPattern a path pattern (see {@link StytchWebConfig})
 * @param kinds       the kinds a bearer header may carry there, not empty
 */
public record PathAccessTokens(String pathPattern, Set<AccessTokenKind> kinds) {

    /** Checks every part; copies the kinds. */
    public PathAccessTokens {
        Objects.requireNonNull(pathPattern, "pathPattern");
        PathPattern.compile(pathPattern);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a rule must name at least one kind of token");
        }
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    /**
     * Parses {@code PATTERN=KIND[,KIND...]}, kinds {@code session}, {@code m2m}, {@code connected-app} in any case.
     *
     * @param rule the rule; must not be {@code null}
     * @return the rule
     * @throws IllegalArgumentException when the rule does not follow the syntax (the message does not repeat it)
     */
    public static PathAccessTokens parse(String rule) {
        int equals = rule.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("a rule must be PATTERN=KIND[,KIND...]");
        }
        Set<AccessTokenKind> kinds = EnumSet.noneOf(AccessTokenKind.class);
        for (String name : rule.substring(equals + 1).split(",")) {
            kinds.add(kind(name));
        }
        return new PathAccessTokens(rule.substring(0, equals).trim(), kinds);
    }

    /**
     * Parses the name of a kind as the configuration writes it.
     *
     * @param name {@code session}, {@code m2m} or {@code connected-app}, in any case, blanks around
     * @return the kind
     * @throws IllegalArgumentException for another name (the message does not repeat it)
     */
    public static AccessTokenKind kind(String name) {
        String constant = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(AccessTokenKind.values()).filter(kind -> kind.name().equals(constant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the kinds are session, m2m, connected-app"));
    }
}
