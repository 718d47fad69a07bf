package io.github.stytchjakarta.filter;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link StytchWebAuthenticator#handle} decided: let the request through (authenticated or
 * anonymous), or stop it because the response has been written (a challenge, redirect, 403, 503 or
 * the logout answer).
 */
public sealed interface WebOutcome permits WebOutcome.Proceed, WebOutcome.Responded {

    /**
     * The request may proceed to the application.
     *
     * @param authentication the authentication, empty for an anonymous request
     */
    record Proceed(Optional<WebAuthentication.Authenticated> authentication) implements WebOutcome {

        /** Requires the optional. */
        public Proceed {
            Objects.requireNonNull(authentication, "authentication");
        }
    }

    /**
     * The response has been written; the request must not reach the application.
     *
     * @param failure why the request was refused; empty when the answer is not a refusal (a logout)
     */
    record Responded(Optional<WebFailure> failure) implements WebOutcome {

        /** Requires the optional. */
        public Responded {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
