package io.github.stytchjakarta.testkit.internal;

/**
 * A Stytch API error: an HTTP status, an {@code error_type} and an {@code error_message}, rendered by
 * {@link ApiResponse#error} as the five-field Stytch error body. Messages never contain request data. No stack trace
 * (it is control flow, not a bug).
 */
public final class ApiException extends RuntimeException {

    /** The message of the spec's 401 example. */
    public static final String UNAUTHORIZED_MESSAGE = "Unauthorized credentials.";

    private final int status;
    private final String errorType;
    private final boolean oauth;

    private ApiException(int status, String errorType, String message, boolean oauth) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
        this.oauth = oauth;
    }

    /**
     * @param status    the HTTP status
     * @param errorType the Stytch {@code error_type}
     * @param message   the {@code error_message}
     * @return the exception
     */
    public static ApiException of(int status, String errorType, String message) {
        return new ApiException(status, errorType, message, false);
    }

    /**
     * An error of an OAuth endpoint: rendered with {@code error, error_description, error_uri} as well.
     *
     * @param status      the HTTP status
     * @param error       the RFC 6749 error code
     * @param description the description
     * @return the exception
     */
    public static ApiException oauth(int status, String error, String description) {
        return new ApiException(status, error, description, true);
    }

    /**
     * @param message what is wrong with the request
     * @return 400 {@code bad_request}
     */
    public static ApiException badRequest(String message) {
        return of(400, "bad_request", message);
    }

    /**
     * @return 401 {@code unauthorized_credentials}
     */
    public static ApiException unauthorized() {
        return of(401, "unauthorized_credentials", UNAUTHORIZED_MESSAGE);
    }

    /**
     * @return 404 {@code session_not_found}, as documented for the sessions endpoints
     */
    public static ApiException sessionNotFound() {
        return of(404, "session_not_found", "Session could not be found.");
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public boolean isOAuth() {
        return oauth;
    }
}
