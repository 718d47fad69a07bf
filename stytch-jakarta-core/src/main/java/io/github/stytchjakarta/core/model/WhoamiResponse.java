package io.github.stytchjakarta.core.model;

/**
 * The answer of {@code GET /v1/debug/whoami}: the project the credentials belong to.
 *
 * @param requestId  Stytch's request id
 * @param projectId  the project id
 * @param name       the project's name
 * @param statusCode the HTTP status
 */
public record WhoamiResponse(String requestId, String projectId, String name, int statusCode) {
}
