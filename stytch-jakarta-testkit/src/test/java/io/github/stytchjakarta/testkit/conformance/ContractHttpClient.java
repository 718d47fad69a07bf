package io.github.stytchjakarta.testkit.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tiny HTTP client for the emulator (test-support's {@link TestHttp}) that checks every exchange against
 * {@link OpenApiContract}: by default both request and response must conform, so a test cannot
 * quietly send something the spec does not allow; {@link #offSpec()} checks only the response, for
 * deliberately bad requests. Immutable and thread-safe.
 */
final class ContractHttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final TestHttp http;
    private final String authorization;
    private final boolean checkRequest;
    private final OpenApiContract contract;

    private ContractHttpClient(URI baseUrl, String authorization, boolean checkRequest) {
        this.baseUrl = baseUrl;
        this.http = TestHttp.to(baseUrl);
        this.authorization = authorization;
        this.checkRequest = checkRequest;
        this.contract = OpenApiContract.stytch();
    }

    /** A client for {@code emulator} authenticating with its project id and secret. */
    static ContractHttpClient forEmulator(StytchEmulator emulator) {
        return of(emulator.baseUrl(), emulator.projectId(), emulator.secret());
    }

    /** A client for the API at {@code baseUrl} authenticating with Basic {@code projectId:secret}. */
    static ContractHttpClient of(URI baseUrl, String projectId, String secret) {
        return new ContractHttpClient(baseUrl, TestHttp.basic(projectId, secret), true);
    }

    /** The same client sending {@code authorization} verbatim, or no Authorization header if {@code null}. */
    ContractHttpClient withAuthorization(String authorization) {
        return new ContractHttpClient(baseUrl, authorization, checkRequest);
    }

    /** The same client checking only responses: for requests the spec itself would reject. */
    ContractHttpClient offSpec() {
        return new ContractHttpClient(baseUrl, authorization, false);
    }

    Exchange get(String path) {
        return get(path, Map.of());
    }

    Exchange get(String path, Map<String, String> query) {
        return send("GET", path, query, null, null);
    }

    Exchange postJson(String path, String json) {
        return send("POST", path, Map.of(), "application/json", json);
    }

    /** POSTs {@code body} serialized by Jackson (maps, lists, strings, numbers). */
    Exchange postJson(String path, Map<String, ?> body) {
        try {
            return postJson(path, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Exchange postForm(String path, Map<String, String> form) {
        return send("POST", path, Map.of(), "application/x-www-form-urlencoded", encode(form));
    }

    /** Any method; {@code contentType} and {@code body} may be {@code null}. */
    Exchange send(String method, String path, Map<String, String> query, String contentType, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        }
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        HttpRequest.Builder request = TestHttp.request(baseUrl.resolve(path + (query.isEmpty() ? "" : "?" + encode(query))))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<String> response = http.send(request);
        Exchange exchange = new Exchange(method, path,
                query.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                headers, body, response.statusCode(), response.headers().map(),
                response.body().isEmpty() ? null : response.body());
        if (checkRequest) {
            contract.assertConforms(exchange);
        } else {
            contract.assertResponseConforms(exchange);
        }
        return exchange;
    }

    private static String encode(Map<String, String> parameters) {
        return TestHttp.formText(parameters);
    }
}
