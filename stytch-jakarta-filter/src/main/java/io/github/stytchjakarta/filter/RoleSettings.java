package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.filter.StytchWebConfig.OrganizationRoles;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code stytch.roles.*} settings of a {@link StytchWebConfig}: which roles become container roles and
 * the application roles they map to. Validated by {@link StytchWebConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mapping           application roles by Stytch role, in configured order
 * @param organizationRoles whether a B2B organization's own custom roles become container roles
 */
public record RoleSettings(Map<String, Set<String>> mapping, OrganizationRoles organizationRoles) {

    /** Copies the mapping, keeping its order, and checks that every part is present. */
    public RoleSettings {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        mapping.forEach((role, appRoles) -> copy.put(role, Collections.unmodifiableSet(new LinkedHashSet<>(appRoles))));
        mapping = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(organizationRoles, "organizationRoles");
    }
}
