package io.github.stytchjakarta.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must hold at least one of the listed roles, like {@code @RolesAllowed}: a Stytch role of
 * the session ({@code editor}, {@code stytch_admin}) or an application role mapped from one with
 * {@code stytch.roles.mapping.<stytch-role>}. Otherwise the call throws
 * {@link StytchAccessDeniedException} with {@link StytchAccessDeniedException.Reason#ROLE_MISSING}
 * (403), or {@link StytchNotAuthenticatedException} (401) for an anonymous caller.
 *
 * <p>Prefer {@link RequiresPermission}: it follows the RBAC policy as it changes in Stytch, while a
 * role check hard-codes who may do what. Method-level annotations replace class-level ones (see
 * {@link RequiresPermission}).
 *
 * <pre>
 * &#64;RequiresRole({"admin", "editor"})
 * public void publish(String documentId) { ... }
 * </pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {

    /**
     * The accepted roles; one of them suffices. Must not be empty.
     *
     * @return the role names
     */
    String[] value();
}
