package io.github.stytchjakarta.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method (or every business method of the class) needs a caller authenticated by a Stytch
 * session; otherwise it throws {@link StytchNotAuthenticatedException} (401).
 *
 * <p>{@link RequiresRole} and {@link RequiresPermission} imply it. Method-level Stytch security
 * annotations replace the class-level ones as a whole (see {@link RequiresPermission}).
 *
 * <pre>
 * &#64;RequestScoped
 * &#64;RequiresAuthentication
 * public class ProfileService { ... }
 * </pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresAuthentication {
}
