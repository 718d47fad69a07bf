package io.github.stytchjakarta.testkit.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tiny HTTP client for the emulator (JDK {@link HttpClient}) that checks every exchange against
 * {@link OpenApiContract}: by default both request and response must conform, so a test cannot
 * quietly send something the spec does not allow; {@link #offSpec()} checks only the response, for
 * deliberately bad requests. Immutable and thread-safe.
 */
final class ContractHttpClient {

    /** Connect timeout of every call. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Whole-exchange timeout of every call (generous: a loaded 2-core CI machine). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private final URI baseUrl;
    private final String authorization;
    private final boolean checkRequest;
    private final OpenApiContract contract;

    private ContractHttpClient(URI baseUrl, String authorization, boolean checkRequest) {
        this.baseUrl = baseUrl;
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
        return new ContractHttpClient(baseUrl, basic(projectId, secret), true);
    }

    /** {@code "Basic base64(user:password)"}. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        baseUrl.resolve(path + (query.isEmpty() ? "" : "?" + encode(query))))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
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
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }
}
