package io.github.stytchjakarta.cdi;

import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.filter.CredentialSource;
import java.util.Objects;
import java.util.Optional;

/**
 * CDI event fired by {@link StytchAuthenticationMechanism} when a request was authenticated by a Stytch
 * session or an access token. Carries no token. Observers run synchronously on the request thread: keep them quick,
 * and an exception they throw is logged and ignored.
 *
 * <pre>
 * void audit(&#64;Observes StytchAuthenticationSucceeded event) { ... }
 * </pre>
 *
 * @param caller     the caller: a session's {@link io.github.stytchjakarta.core.StytchPrincipal}, an
 *                   {@link io.github.stytchjakarta.core.M2mCaller} or a
 *                   {@link io.github.stytchjakarta.core.ConnectedAppCaller}
 * @param source     where the credential came from
 * @param verifiedBy how a session was checked (a remote check means Stytch was called); empty for an access token
 */
public record StytchAuthenticationSucceeded(StytchCaller caller, CredentialSource source,
                                            Optional<AuthenticatedSession.VerifiedBy> verifiedBy) {

    /** Requires every part. */
    public StytchAuthenticationSucceeded {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verifiedBy, "verifiedBy");
    }
}
