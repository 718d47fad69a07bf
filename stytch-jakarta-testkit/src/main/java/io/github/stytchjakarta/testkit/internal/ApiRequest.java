package io.github.stytchjakarta.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request routed to an endpoint.
 *
 * @param pathParameters the values of the route's path variables, in order
 * @param query          the decoded query parameters (first value of each)
 * @param contentType    the {@code Content-Type} header, or {@code null}
 * @param authorization  the {@code Authorization} header, or {@code null}
 * @param body           the raw body
 * @param requestId      the {@code request_id} of the response
 */
public record ApiRequest(List<String> pathParameters, Map<String, String> query, String contentType, String authorization,
        byte[] body, String requestId) {

    /**
     * @param rawQuery a raw query string, or {@code null}
     * @return the decoded parameters; the first of repeated names wins
     * @throws ApiException 400 {@code bad_request} for a malformed escape
     */
    public static Map<String, String> parseQuery(String rawQuery) {
        return parseForm(rawQuery, "The query string is malformed.");
    }

    /**
     * @param form         {@code application/x-www-form-urlencoded} text, or {@code null}
     * @param errorMessage the message of the 400 for a malformed escape
     * @return the decoded parameters; the first of repeated names wins
     */
    public static Map<String, String> parseForm(String form, String errorMessage) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return parameters;
        }
        try {
            for (String pair : form.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    parameters.putIfAbsent(name, value);
                }
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(errorMessage);
        }
        return parameters;
    }

    /**
     * @param name a query parameter
     * @return its value
     * @throws ApiException 400 {@code bad_request} if absent or empty
     */
    public String requiredQueryParameter(String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(name + " is required.");
        }
        return value;
    }

    /**
     * @return the body as a JSON object
     */
    public JsonBody json() {
        return JsonBody.parse(body);
    }
}
