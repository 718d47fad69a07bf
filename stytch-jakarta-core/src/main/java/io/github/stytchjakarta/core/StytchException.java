package io.github.stytchjakarta.core;

/**
 * Root of the exceptions stytch-jakarta throws at run time. Messages never contain a token, a
 * secret or a configured value, so they are safe to log and to map to responses.
 *
 * <ul>
 *   <li>{@link InvalidTokenException}: the presented token or session is not acceptable (→ 401);</li>
 *   <li>{@link InsufficientScopeException}: a valid M2M token lacks a required scope (→ 403);</li>
 *   <li>{@link StytchApiException}: Stytch answered a call with an error;</li>
 *   <li>{@link StytchUnavailableException}: Stytch could not be reached or did not answer usefully (→ 503).</li>
 * </ul>
 */
public abstract sealed class StytchException extends RuntimeException
        permits InvalidTokenException, InsufficientScopeException, StytchApiException, StytchUnavailableException {

    private static final long serialVersionUID = 1L;

    StytchException(String message, Throwable cause) {
        super(message, cause);
    }
}
