package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.filter.StytchWebConfig.UnmatchedMethods;
import java.util.List;
import java.util.Objects;

/**
 * The {@code stytch.web.permissions*} settings of a {@link StytchWebConfig}: the path permission rules.
 * Validated by {@link StytchWebConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rules            the rules, in order; the first matching one applies
 * @param unmatchedMethods what a request to a rule's path gets when no rule names its method
 */
public record PermissionSettings(List<PathPermission> rules, UnmatchedMethods unmatchedMethods) {

    /** Copies the rules and checks that every part is present. */
    public PermissionSettings {
        rules = List.copyOf(rules);
        Objects.requireNonNull(unmatchedMethods, "unmatchedMethods");
    }
}
