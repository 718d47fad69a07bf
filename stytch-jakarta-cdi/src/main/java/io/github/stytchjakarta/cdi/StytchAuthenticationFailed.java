package io.github.stytchjakarta.cdi;

import io.github.stytchjakarta.filter.WebFailure;
import java.util.Objects;

/**
 * CDI event fired by {@link StytchAuthenticationMechanism} when a request's Stytch credential was not
 * accepted (rejected, ambiguous, or not checkable because Stytch is unavailable) on a path that needs
 * no caller, so that the request proceeds anonymously. A refusal the mechanism answers itself on a
 * protected path fires nothing yet: the filter's {@code WebOutcome.Responded} does not carry its
 * failure. A request without any credential fires nothing. Carries no token: the failure holds a fixed
 * code and description. Observers run synchronously on the request thread: keep them quick; an
 * exception they throw is logged and ignored.
 *
 * @param failure why, e.g. the code {@code stytch.invalid_token.expired}
 */
public record StytchAuthenticationFailed(WebFailure failure) {

    /** Requires the failure. */
    public StytchAuthenticationFailed {
        Objects.requireNonNull(failure, "failure");
    }
}
