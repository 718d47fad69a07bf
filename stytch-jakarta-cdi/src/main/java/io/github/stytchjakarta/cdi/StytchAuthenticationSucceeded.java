package io.github.stytchjakarta.cdi;

import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.filter.CredentialSource;
import java.util.Objects;

/**
 * CDI event fired by {@link StytchAuthenticationMechanism} when a request was authenticated by a Stytch
 * session. Carries no token. Observers run synchronously on the request thread: keep them quick, and
 * an exception they throw is logged and ignored.
 *
 * <pre>
 * void audit(&#64;Observes StytchAuthenticationSucceeded event) { ... }
 * </pre>
 *
 * @param principal  the caller
 * @param source     where the credential came from
 * @param verifiedBy how it was checked (a remote check means Stytch was called)
 */
public record StytchAuthenticationSucceeded(StytchPrincipal principal, CredentialSource source,
                                            AuthenticatedSession.VerifiedBy verifiedBy) {

    /** Requires every part. */
    public StytchAuthenticationSucceeded {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verifiedBy, "verifiedBy");
    }
}
