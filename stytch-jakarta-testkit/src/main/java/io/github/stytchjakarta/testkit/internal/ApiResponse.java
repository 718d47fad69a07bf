package io.github.stytchjakarta.testkit.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response of the emulator: status, JSON body and extra headers.
 *
 * @param status  the HTTP status
 * @param body    the JSON body (maps, lists, scalars)
 * @param headers extra response headers
 */
public record ApiResponse(int status, Map<String, Object> body, Map<String, String> headers) {

    /** Where Stytch's error docs live; {@code error_url} is this plus the status. */
    public static final String ERROR_URL_BASE = "https://stytch.com/docs/api/errors/";

    public ApiResponse {
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        headers = Map.copyOf(headers);
    }

    /**
     * A 200 with {@code request_id} and {@code status_code} added in front of {@code fields}.
     *
     * @param requestId the request id
     * @param fields    the response fields
     * @param headers   extra headers
     * @return the response
     */
    public static ApiResponse ok(String requestId, Map<String, Object> fields, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", requestId);
        body.putAll(fields);
        body.put("status_code", 200);
        return new ApiResponse(200, body, headers);
    }

    /**
     * A {@code 302 Found} to {@code location}, with an empty JSON body (the dispatcher writes JSON).
     *
     * @param location the absolute URL to send the browser to
     * @return the response
     */
    public static ApiResponse redirect(String location) {
        return new ApiResponse(302, Map.of(), Map.of("Location", location, "Cache-Control", "no-store"));
    }

    /**
     * The Stytch error body {@code {status_code, request_id, error_type, error_message, error_url}}; OAuth errors add
     * {@code error, error_description, error_uri}, which the SDKs map onto the same fields.
     *
     * @param requestId the request id
     * @param exception the error
     * @param headers   extra headers
     * @return the response
     */
    public static ApiResponse error(String requestId, ApiException exception, Map<String, String> headers) {
        String url = ERROR_URL_BASE + exception.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status_code", exception.status());
        body.put("request_id", requestId);
        body.put("error_type", exception.errorType());
        body.put("error_message", exception.getMessage());
        body.put("error_url", url);
        if (exception.isOAuth()) {
            body.put("error", exception.errorType());
            body.put("error_description", exception.getMessage());
            body.put("error_uri", url);
        }
        return new ApiResponse(exception.status(), body, headers);
    }
}
