package io.github.stytchjakarta.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller's Stytch session must be granted an action on a resource by the project's RBAC policy
 * (for B2B, plus the organization's custom roles), checked locally by core's
 * {@link io.github.stytchjakarta.core.StytchAuthorizer} exactly as Stytch's SDKs do.
 *
 * <ul>
 *   <li><b>Repeatable</b>: every listed permission must be granted.</li>
 *   <li><b>Method over class</b>: when a method carries any Stytch security annotation
 *       ({@code @RequiresPermission}, {@link RequiresRole}, {@link RequiresAuthentication}), the
 *       class-level ones do not apply to it at all; they do not add up.</li>
 *   <li><b>B2B tenancy</b>: by default the permission is checked within the member's own organization.
 *       When a {@code String} parameter of the method is annotated {@link OrganizationId}, the resource
 *       belongs to that organization, and a member of another organization is denied with
 *       {@link StytchAccessDeniedException.Reason#TENANCY_MISMATCH} before any role is looked at.</li>
 *   <li><b>Failures</b>: an anonymous caller gets {@link StytchNotAuthenticatedException} (401), a
 *       denial {@link StytchAccessDeniedException} (403), an RBAC policy that cannot be fetched
 *       {@link io.github.stytchjakarta.core.StytchUnavailableException} (503).</li>
 * </ul>
 * The annotations of a method are read once, when it is first called, and mistakes (a blank resource,
 * an {@code @OrganizationId} on a non-{@code String} parameter) fail the deployment.
 *
 * <pre>
 * &#64;RequiresPermission(resource = "documents", action = "read")
 * public Document get(&#64;OrganizationId String organizationId, String documentId) { ... }
 * </pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(RequiresPermission.List.class)
public @interface RequiresPermission {

    /**
     * The RBAC resource id, e.g. {@code documents}. Must not be blank.
     *
     * @return the resource id
     */
    String resource();

    /**
     * The action, e.g. {@code read}. Must not be blank.
     *
     * @return the action
     */
    String action();

    /** Holds repeated {@link RequiresPermission} annotations; all of them must be granted. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {

        /** @return the permissions */
        RequiresPermission[] value();
    }
}
