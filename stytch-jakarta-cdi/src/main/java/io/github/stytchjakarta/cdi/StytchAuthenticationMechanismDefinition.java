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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StytchAuthenticationMechanismDefinition {
}
