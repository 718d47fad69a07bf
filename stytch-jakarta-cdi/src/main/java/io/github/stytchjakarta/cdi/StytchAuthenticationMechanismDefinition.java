package io.github.stytchjakarta.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns on {@link StytchAuthenticationMechanism}, the Jakarta Security authentication mechanism of
 * this library, like Jakarta Security's own {@code @...MechanismDefinition} annotations. Put it on
 * any CDI bean class of the application (a class with a scope annotation, so that the container
 * discovers it). The configuration key {@code stytch.security.mechanism.enabled=true} does the same
 * without code.
 *
 * <p>Roles used with {@code @RolesAllowed} or {@code isCallerInRole} must be declared, as on any
 * Jakarta EE server: {@code @DeclareRoles({"admin", "editor", "viewer"})} on a servlet or bean, or
 * {@code <security-role>} in {@code web.xml}.
 *
 * <pre>
 * &#64;ApplicationScoped
 * &#64;StytchAuthenticationMechanismDefinition
 * &#64;DeclareRoles({"admin", "editor", "viewer"})
 * public class SecurityConfiguration {
 * }
 * </pre>
 *
 * <p>On Jakarta EE 11 an application may have several mechanisms; {@link #qualifiers()} names this one
 * for an application's {@code HttpAuthenticationMechanismHandler} (see the README, "Several
 * authentication mechanisms").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StytchAuthenticationMechanismDefinition {

    /**
     * The CDI qualifiers of the mechanism's bean, like {@code qualifiers()} of Jakarta Security 4's
     * built-in definitions: an application with several mechanisms injects this one with them, e.g.
     * into its {@code HttpAuthenticationMechanismHandler}. Each class must be a qualifier annotation whose
     * members all have defaults, and every class carrying this annotation must name the same ones; a
     * mistake fails the deployment.
     *
     * <p>Empty (the default): the bean is {@code @Default}, as with Jakarta Security 3. Otherwise, on
     * Jakarta Security 4 (EE 11), the bean has these qualifiers instead of {@code @Default}, as the
     * built-in definitions do. On Jakarta Security 3 (EE 10), whose container finds the one mechanism of
     * an application as a {@code @Default} bean, the bean keeps {@code @Default} beside them, so that the
     * same application runs on both.
     *
     * @return qualifier annotation types
     */
    Class<?>[] qualifiers() default {};
}
