package io.github.stytchjakarta.testkit.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request and the response it got, as {@link OpenApiContract} validates it. Header maps
 * are case-insensitive; {@code query} holds decoded parameters; bodies are {@code null} when
 * absent.
 */
record Exchange(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        String responseBody) {

    private static final ObjectMapper JSON = new ObjectMapper();

    Exchange {
        query = Map.copyOf(query);
        requestHeaders = caseInsensitive(requestHeaders);
        responseHeaders = caseInsensitive(responseHeaders);
    }

    /** The first value of a response header, if present. */
    Optional<String> responseHeader(String name) {
        return Optional.ofNullable(responseHeaders.get(name)).flatMap(values -> values.stream().findFirst());
    }

    /** The response body parsed as JSON. */
    JsonNode json() {
        try {
            return JSON.readTree(responseBody);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("response of " + method + " " + path + " is not JSON: " + responseBody, e);
        }
    }

    /** {@code "POST /v1/sessions/authenticate -> 200"}, for assertion messages. */
    String describe() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + status;
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
