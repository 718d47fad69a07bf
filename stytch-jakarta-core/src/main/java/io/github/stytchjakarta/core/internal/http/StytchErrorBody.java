package io.github.stytchjakarta.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.core.StytchApiException;

/**
 * Reads Stytch's error bodies: the five-field API error ({@code status_code}, {@code error_type},
 * {@code error_message}, {@code error_url}, {@code request_id}) and its OAuth form ({@code error},
 * {@code error_description}, {@code error_uri}). A body that names no error, or another status than the
 * answer's, is not Stytch's (a proxy's or web server's page behind a wrong base URL). Stateless.
 */
final class StytchErrorBody {

    private StytchErrorBody() {
    }

    /**
     * @param error  the answer's JSON object, or {@code null} when it had none
     * @param status the answer's HTTP status
     * @return whether it is a Stytch error body: naming this status and an error type (OAuth: an error)
     */
    static boolean isStytchError(JsonNode error, int status) {
        if (error == null) {
            return false;
        }
        JsonNode statusCode = error.get("status_code");
        return statusCode != null && statusCode.isIntegralNumber() && statusCode.asLong() == status
                && (text(error, "error_type", null) != null || text(error, "error", null) != null);
    }

    /**
     * @param status the answer's HTTP status
     * @param error  a Stytch error body
     * @return the exception carrying its fields
     */
    static StytchApiException apiError(int status, JsonNode error) {
        String errorType = text(error, "error_type", text(error, "error", "unknown_error"));
        String errorMessage = text(error, "error_message", text(error, "error_description", "HTTP " + status));
        String errorUrl = text(error, "error_url", text(error, "error_uri", "https://stytch.com/docs/api/errors/" + status));
        String requestId = text(error, "request_id", null);
        return new StytchApiException(status, requestId, errorType, errorMessage, errorUrl);
    }

    /**
     * @param error a Stytch error body, or {@code null}
     * @return {@code " <error_type> (request_id <id>)"}, each part only when present, for an exception message
     */
    static String describe(JsonNode error) {
        String errorType = text(error, "error_type", null);
        String requestId = text(error, "request_id", null);
        return (errorType == null ? "" : " " + errorType) + (requestId == null ? "" : " (request_id " + requestId + ")");
    }

    private static String text(JsonNode node, String field, String fallback) {
        if (node == null) {
            return fallback;
        }
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }
}
