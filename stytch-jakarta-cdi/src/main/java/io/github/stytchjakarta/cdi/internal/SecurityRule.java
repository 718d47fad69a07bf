package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.cdi.OrganizationId;
import io.github.stytchjakarta.cdi.RequiresAuthentication;
import io.github.stytchjakarta.cdi.RequiresPermission;
import io.github.stytchjakarta.cdi.RequiresRole;
import io.github.stytchjakarta.cdi.RequiresScope;
import io.github.stytchjakarta.core.Permission;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a call must satisfy, read from the security annotations of one method of one bean class: the
 * method's annotations if it has any, else the class's (inherited ones included). An authenticated caller
 * is always required; then one of {@link #anyOfRoles()} if not empty, then every scope, then every permission.
 *
 * <p>The security annotations are the Stytch ones and, except on enterprise beans (whose container enforces
 * them itself), Jakarta Annotations' {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll}: a CDI
 * bean otherwise has them enforced only by some JAX-RS runtimes (Jersey with a feature, RESTEasy with a
 * context parameter, not CXF), so the library enforces them wherever it runs, from the same roles as
 * {@code isUserInRole}. {@code @RolesAllowed} reads like {@code @RequiresRole}; {@code @PermitAll} on a
 * method lifts its class's rule. A rule of the Jakarta annotations alone also admits a caller another
 * mechanism of the application authenticated, by the container's roles ({@link #containerCallers()}).
 *
 * @param denyAll               whether every call is refused ({@code @DenyAll})
 * @param anyOfRoles            roles of which the caller must hold one (empty: no role check)
 * @param scopes                scopes the caller's access token must all grant (empty: no scope check)
 * @param permissions           permissions that must all be granted
 * @param organizationParameter index of the {@link OrganizationId} parameter, {@code -1} if none
 * @param containerCallers      whether a caller without a Stytch session whom the container authenticated is
 *                              judged by the container's roles (the rule has no Stytch annotation)
 */
public record SecurityRule(boolean denyAll, Set<String> anyOfRoles, List<String> scopes, List<Permission> permissions,
                           int organizationParameter, boolean containerCallers) {

    // enterprise beans, whose container enforces the Jakarta annotations (the EJB API may be absent)
    private static final Set<String> ENTERPRISE_BEAN_ANNOTATIONS = Set.of("jakarta.ejb.Stateless",
            "jakarta.ejb.Stateful", "jakarta.ejb.Singleton", "jakarta.ejb.MessageDriven");

    public SecurityRule {
        anyOfRoles = Set.copyOf(anyOfRoles);
        scopes = List.copyOf(scopes);
        permissions = List.copyOf(permissions);
    }

    /**
     * Reads the rule of a method as called on a bean class.
     *
     * @param beanClass the bean class (whose class-level annotations apply when the method has none)
     * @param method    the method
     * @return the rule, empty when no security annotation applies to the method, or {@code @PermitAll} does
     * @throws IllegalArgumentException when the annotations are not usable, with a message naming the mistake
     */
    static Optional<SecurityRule> of(Class<?> beanClass, Method method) {
        boolean jakarta = enforcesJakartaAnnotations(beanClass);
        int organizationParameter = organizationParameter(method);
        AnnotatedElement source = hasRuleAnnotation(method, jakarta) ? method : beanClass;
        if (!hasRuleAnnotation(source, jakarta) || jakarta && permitsAll(source)) {
            if (organizationParameter >= 0) {
                throw new IllegalArgumentException("@OrganizationId on " + describe(method)
                        + " has no effect: the method has no @RequiresPermission");
            }
            return Optional.empty();
        }
        Set<String> roles = new LinkedHashSet<>();
        RequiresRole requiresRole = source.getAnnotation(RequiresRole.class);
        RolesAllowed rolesAllowed = jakarta ? source.getAnnotation(RolesAllowed.class) : null;
        if (requiresRole != null && rolesAllowed != null) {
            throw new IllegalArgumentException("@RequiresRole and @RolesAllowed on " + describe(source) + ": use one");
        }
        if (requiresRole != null) {
            addNames(roles, requiresRole.value(), "@RequiresRole", "role", source);
        }
        if (rolesAllowed != null) {
            addNames(roles, rolesAllowed.value(), "@RolesAllowed", "role", source);
        }
        Set<String> scopes = new LinkedHashSet<>();
        RequiresScope requiresScope = source.getAnnotation(RequiresScope.class);
        if (requiresScope != null) {
            addNames(scopes, requiresScope.value(), "@RequiresScope", "scope", source);
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
        return Optional.of(new SecurityRule(jakarta && source.isAnnotationPresent(DenyAll.class), roles, List.copyOf(scopes),
                permissions,
                organizationParameter, !hasStytchAnnotation(source)));
    }

    /**
     * Whether an element of a bean class carries a security annotation (a class: directly or inherited).
     *
     * @param beanClass the bean class
     * @param element   the class or one of its methods
     * @return {@code true} if it does
     */
    static boolean hasRuleAnnotation(Class<?> beanClass, AnnotatedElement element) {
        return hasRuleAnnotation(element, enforcesJakartaAnnotations(beanClass));
    }

    /**
     * Whether an element carries one of the Stytch security annotations.
     *
     * @param element a class or method
     * @return {@code true} if it does
     */
    static boolean hasStytchAnnotation(AnnotatedElement element) {
        return element.isAnnotationPresent(RequiresAuthentication.class)
                || element.isAnnotationPresent(RequiresRole.class)
                || element.isAnnotationPresent(RequiresScope.class)
                || element.isAnnotationPresent(RequiresPermission.class)
                || element.isAnnotationPresent(RequiresPermission.List.class);
    }

    private static boolean hasRuleAnnotation(AnnotatedElement element, boolean jakarta) {
        return hasStytchAnnotation(element) || jakarta && (element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(PermitAll.class) || element.isAnnotationPresent(DenyAll.class));
    }

    // Jakarta Annotations: at most one of the three on an element; @PermitAll beside a Stytch rule contradicts it
    private static boolean permitsAll(AnnotatedElement source) {
        long jakartaRules = Stream.of(RolesAllowed.class, PermitAll.class, DenyAll.class)
                .filter(source::isAnnotationPresent).count();
        if (jakartaRules > 1) {
            throw new IllegalArgumentException("more than one of @RolesAllowed, @PermitAll and @DenyAll on "
                    + describe(source));
        }
        boolean permitAll = source.isAnnotationPresent(PermitAll.class);
        if (permitAll && hasStytchAnnotation(source)) {
            throw new IllegalArgumentException("@PermitAll on " + describe(source)
                    + " contradicts its Stytch security annotation");
        }
        return permitAll;
    }

    private static boolean enforcesJakartaAnnotations(Class<?> beanClass) {
        return Arrays.stream(beanClass.getAnnotations()).map(Annotation::annotationType).map(Class::getName)
                .noneMatch(ENTERPRISE_BEAN_ANNOTATIONS::contains);
    }

    private static void addNames(Set<String> names, String[] named, String annotation, String what, AnnotatedElement source) {
        if (named.length == 0) {
            throw new IllegalArgumentException(annotation + " on " + describe(source) + " lists no " + what);
        }
        for (String name : named) {
            if (name.isBlank()) {
                throw new IllegalArgumentException(annotation + " on " + describe(source) + " has a blank " + what);
            }
            names.add(name.strip());
        }
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
