package io.github.stytchjakarta.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller's access token must grant every listed scope: a Connected-App token by scope name (its scopes are the
 * RBAC policy's scope names and the OIDC ones), an M2M token by its {@code action:resource} rules ({@code read:*}
 * grants {@code read:documents}), compared by core's
 * {@link io.github.stytchjakarta.core.StytchAuthorizer#missingScopes}. A session has no scopes, so a caller
 * authenticated by a session is refused: for an endpoint that sessions and tokens share, use
 * {@link RequiresPermission}, which sessions pass by their roles and tokens by their scopes.
 *
 * <ul>
 *   <li><b>Method over class</b>, like the other Stytch security annotations: a method carrying any of them does not
 *       get the class's.</li>
 *   <li><b>Failures</b>: an anonymous caller gets {@link StytchNotAuthenticatedException} (401), a missing scope
 *       {@link StytchAccessDeniedException} with {@link StytchAccessDeniedException.Reason#INSUFFICIENT_SCOPE} (403 with
 *       {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="…"} naming the scopes, RFC 6750 §3.1).</li>
 * </ul>
 * A blank or empty list fails the deployment.
 *
 * <pre>
 * &#64;RequiresScope("read:documents")
 * public List&lt;Document&gt; export() { ... }
 * </pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    /**
     * The scopes, all of which the token must grant. Must not be empty or blank.
     *
     * @return the scopes
     */
    String[] value();
}
