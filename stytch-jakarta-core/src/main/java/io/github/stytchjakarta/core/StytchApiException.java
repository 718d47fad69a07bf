package io.github.stytchjakarta.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Stytch answered an API call with an error ("Stytch said no"), carrying the five fields of a Stytch
 * error body. 429 and 5xx answers are not reported this way but as {@link StytchUnavailableException},
 * after retries where the call allows them.
 */
public final class StytchApiException extends StytchException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String requestId;
    private final String errorType;
    private final String errorMessage;
    private final String errorUrl;

    /**
     * Creates the exception.
     *
     * @param statusCode   the HTTP status
     * @param requestId    Stytch's request id, {@code null} if absent
     * @param errorType    Stytch's error type, e.g. {@code session_not_found}; must not be {@code null}
     * @param errorMessage Stytch's human-readable message; must not be {@code null}
     * @param errorUrl     the documentation URL of the error; must not be {@code null}
     */
    public StytchApiException(int statusCode, String requestId, String errorType, String errorMessage, String errorUrl) {
        super("Stytch answered HTTP " + statusCode + " " + errorType + ": " + errorMessage
                + (requestId == null ? "" : " (request_id " + requestId + ")"), null);
        this.statusCode = statusCode;
        this.requestId = requestId;
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.errorMessage = Objects.requireNonNull(errorMessage, "errorMessage");
        this.errorUrl = Objects.requireNonNull(errorUrl, "errorUrl");
    }

    /** @return the HTTP status code */
    public int statusCode() {
        return statusCode;
    }

    /** @return Stytch's request id, if it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return Stytch's error type, e.g. {@code session_not_found} */
    public String errorType() {
        return errorType;
    }

    /** @return Stytch's error message */
    public String errorMessage() {
        return errorMessage;
    }

    /** @return the documentation URL of the error */
    public String errorUrl() {
        return errorUrl;
    }
}
