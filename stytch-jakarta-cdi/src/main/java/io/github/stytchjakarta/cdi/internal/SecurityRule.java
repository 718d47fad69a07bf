package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.cdi.OrganizationId;
import io.github.stytchjakarta.cdi.RequiresAuthentication;
import io.github.stytchjakarta.cdi.RequiresPermission;
import io.github.stytchjakarta.cdi.RequiresRole;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a call must satisfy, read from the Stytch security annotations of one method of one bean class:
 * the method's annotations if it has any, else the class's (inherited ones included). An authenticated
 * caller is always required; then one of {@link #anyOfRoles()} if not empty, then every permission.
 *
 * @param anyOfRoles            roles of which the caller must hold one (empty: no role check)
 * @param permissions           permissions that must all be granted
 * @param organizationParameter index of the {@link OrganizationId} parameter, {@code -1} if none
 */
public record SecurityRule(Set<String> anyOfRoles, List<Permission> permissions, int organizationParameter) {

    /**
     * One {@link RequiresPermission}.
     *
     * @param resource the resource id
     * @param action   the action
     */
    public record Permission(String resource, String action) {

        @Override
        public String toString() {
            return resource + ":" + action;
        }
    }

    public SecurityRule {
        anyOfRoles = Set.copyOf(anyOfRoles);
        permissions = List.copyOf(permissions);
    }

    /**
     * Reads the rule of a method as called on a bean class.
     *
     * @param beanClass the bean class (whose class-level annotations apply when the method has none)
     * @param method    the method
     * @return the rule, empty when no Stytch security annotation applies to the method
     * @throws IllegalArgumentException when the annotations are not usable, with a message naming the mistake
     */
    static Optional<SecurityRule> of(Class<?> beanClass, Method method) {
        int organizationParameter = organizationParameter(method);
        AnnotatedElement source = hasRuleAnnotation(method) ? method : beanClass;
        if (!hasRuleAnnotation(source)) {
            if (organizationParameter >= 0) {
                throw new IllegalArgumentException("@OrganizationId on " + describe(method)
                        + " has no effect: the method has no @RequiresPermission");
            }
            return Optional.empty();
        }
        Set<String> roles = new LinkedHashSet<>();
        RequiresRole requiresRole = source.getAnnotation(RequiresRole.class);
        if (requiresRole != null) {
            if (requiresRole.value().length == 0) {
                throw new IllegalArgumentException("@RequiresRole on " + describe(source) + " lists no role");
            }
            for (String role : requiresRole.value()) {
                if (role.isBlank()) {
                    throw new IllegalArgumentException("@RequiresRole on " + describe(source) + " has a blank role");
                }
                roles.add(role.strip());
            }
        }
        List<Permission> permissions = new ArrayList<>();
        for (RequiresPermission permission : source.getAnnotationsByType(RequiresPermission.class)) {
            if (permission.resource().isBlank() || permission.action().isBlank()) {
                throw new IllegalArgumentException("@RequiresPermission on " + describe(source)
                        + " needs a resource and an action");
            }
            Permission checked = new Permission(permission.resource().strip(), permission.action().strip());
            if (!permissions.contains(checked)) {
                permissions.add(checked);
            }
        }
        if (organizationParameter >= 0 && permissions.isEmpty()) {
            throw new IllegalArgumentException("@OrganizationId on " + describe(method)
                    + " has no effect: no @RequiresPermission applies to the method");
        }
        return Optional.of(new SecurityRule(roles, permissions, organizationParameter));
    }

    /**
     * Whether an element carries a Stytch security annotation (a class: directly or inherited).
     *
     * @param element a class or method
     * @return {@code true} if it does
     */
    static boolean hasRuleAnnotation(AnnotatedElement element) {
        return element.isAnnotationPresent(RequiresAuthentication.class)
                || element.isAnnotationPresent(RequiresRole.class)
                || element.isAnnotationPresent(RequiresPermission.class)
                || element.isAnnotationPresent(RequiresPermission.List.class);
    }

    private static int organizationParameter(Method method) {
        int found = -1;
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(OrganizationId.class)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("more than one @OrganizationId parameter on " + describe(method));
                }
                if (parameters[i].getType() != String.class) {
                    throw new IllegalArgumentException("@OrganizationId parameter " + (i + 1) + " of " + describe(method)
                            + " is not a String");
                }
                found = i;
            }
        }
        return found;
    }

    private static String describe(AnnotatedElement element) {
        return element instanceof Method method ? method.getDeclaringClass().getName() + "." + method.getName() + "()"
                : ((Class<?>) element).getName();
    }
}
