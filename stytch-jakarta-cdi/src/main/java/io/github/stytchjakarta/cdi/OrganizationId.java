package io.github.stytchjakarta.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} parameter holding the id of the organization that owns the resource of a
 * {@link RequiresPermission} check, so that a B2B member of another organization is denied
 * ({@link StytchAccessDeniedException.Reason#TENANCY_MISMATCH}). A {@code null} or blank argument is
 * denied the same way; a consumer user, who belongs to no organization, always is. At most one
 * parameter of a method may carry it, and only a method with a permission check.
 *
 * <pre>
 * &#64;RequiresPermission(resource = "documents", action = "write")
 * public void save(&#64;OrganizationId String organizationId, Document document) { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OrganizationId {
}
