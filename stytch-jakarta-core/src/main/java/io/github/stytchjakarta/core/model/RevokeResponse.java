package io.github.stytchjakarta.core.model;

/**
 * The answer of {@code POST /v1/sessions/revoke} and {@code POST /v1/b2b/sessions/revoke}.
 *
 * @param requestId  Stytch's request id
 * @param statusCode the HTTP status
 */
public record RevokeResponse(String requestId, int statusCode) {
}
