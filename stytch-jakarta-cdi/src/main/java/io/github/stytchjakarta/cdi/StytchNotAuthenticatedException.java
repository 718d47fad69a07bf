package io.github.stytchjakarta.cdi;

/**
 * The call needs a caller authenticated by a Stytch session and the request has none (no credential,
 * or one that was rejected on a public path). Maps to 401 with {@code WWW-Authenticate: Bearer} and the
 * code {@value #CODE}, the filter's code for a missing token.
 */
public final class StytchNotAuthenticatedException extends StytchSecurityException {

    /** The problem code. */
    public static final String CODE = "stytch.missing_token";

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StytchNotAuthenticatedException() {
        super("authentication with a Stytch session is required");
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String detail() {
        return "authentication is required";
    }
}
