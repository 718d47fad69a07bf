package io.github.stytchjakarta.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/public/{project_id}/oauth2/token} (and the project domain's {@code POST /v1/oauth2/token}), with the
 * parameters form-encoded (node SDK, OAuth clients) or as JSON (Java SDK), dispatched by {@code grant_type}:
 * {@code authorization_code} for Connected Apps ({@link AuthorizationCodeGrant}), and {@code client_credentials} for
 * M2M clients, answered here. A client-credentials client authenticates with {@code client_id} and
 * {@code client_secret} in the body or, if they are absent, with HTTP Basic (RFC 6749 §2.3.1); the project's own Basic
 * credentials are accepted and ignored. {@code scope} is space-separated (a JSON array works too); omitted, it grants
 * every scope of the client.
 *
 * <p>Errors use the RFC 6749 codes ({@code invalid_request}, {@code unsupported_grant_type}, {@code invalid_client}
 * 401, {@code invalid_scope}, {@code invalid_grant}, and {@code unauthorized_client} for a Connected-App client asking
 * for client credentials: its grant is the authorization code) in both the OAuth and the Stytch error fields.
 * Thread-safe: stateless.
 */
public final class TokenEndpoint {

    private final EmulatorState state;
    private final TokenIssuer tokens;
    private final AuthorizationCodeGrant authorizationCode;

    public TokenEndpoint(EmulatorState state, TokenIssuer tokens) {
        this.state = state;
        this.tokens = tokens;
        this.authorizationCode = new AuthorizationCodeGrant(state, tokens);
    }

    public ApiResponse token(ApiRequest request) {
        if (!request.pathParameters().isEmpty() && !state.projectId().equals(request.pathParameters().get(0))) {
            throw ApiException.oauth(400, "invalid_request", "The project_id in the path is not this project's.");
        }
        Map<String, Object> parameters = parameters(request);
        String grantType = string(parameters, "grant_type");
        if (grantType == null) {
            throw ApiException.oauth(400, "invalid_request", "grant_type is required.");
        }
        if ("authorization_code".equals(grantType)) {
            Map<String, String> strings = new LinkedHashMap<>();
            parameters.keySet().forEach(name -> strings.put(name, string(parameters, name)));
            return ApiResponse.ok(request.requestId(), authorizationCode.token(strings, request.authorization()),
                    Map.of("Cache-Control", "no-store"));
        }
        if (!"client_credentials".equals(grantType)) {
            throw ApiException.oauth(400, "unsupported_grant_type",
                    "Only the client_credentials and authorization_code grants are supported.");
        }
        EmulatedM2mClient client = authenticateClient(string(parameters, "client_id"), string(parameters, "client_secret"),
                request.authorization());
        List<String> scopes = scopes(parameters.get("scope"), client);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("access_token", tokens.m2mToken(client, scopes));
        fields.put("token_type", "bearer");
        fields.put("expires_in", 3600);
        return ApiResponse.ok(request.requestId(), fields, Map.of("Cache-Control", "no-store"));
    }

    private static Map<String, Object> parameters(ApiRequest request) {
        String contentType = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return new LinkedHashMap<>(ApiRequest.parseForm(new String(request.body(), StandardCharsets.UTF_8),
                    "The form body is malformed."));
        }
        JsonBody body = request.json();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String name : List.of("grant_type", "client_id", "client_secret", "code", "redirect_uri", "code_verifier")) {
            parameters.put(name, body.optionalString(name));
        }
        parameters.put("scope", body.raw("scope"));
        return parameters;
    }

    private EmulatedM2mClient authenticateClient(String clientId, String clientSecret, String authorization) {
        ClientCredentials credentials = ClientCredentials.of(clientId, clientSecret, authorization);
        if (credentials.clientId() == null || credentials.clientSecret() == null) {
            throw ApiException.oauth(400, "invalid_request", "client_id and client_secret are required.");
        }
        boolean connectedApp = state.connectedApps().client(credentials.clientId())
                .filter(client -> client.clientSecret() != null && credentials.secretMatches(client.clientSecret()))
                .isPresent();
        if (connectedApp) {
            // Stytch's metadata lists authorization_code as a Connected App's only grant
            throw ApiException.oauth(400, "unauthorized_client", "The client may not use the client_credentials grant.");
        }
        return state.directory().m2mClient(credentials.clientId())
                .filter(client -> credentials.secretMatches(client.clientSecret()))
                .orElseThrow(() -> ApiException.oauth(401, "invalid_client", "Client authentication failed."));
    }

    private static List<String> scopes(Object requested, EmulatedM2mClient client) {
        List<String> scopes = new ArrayList<>();
        if (requested instanceof String text) {
            Arrays.stream(text.trim().split("\\s+")).filter(scope -> !scope.isEmpty()).forEach(scopes::add);
        } else if (requested instanceof JsonNode node && node.isTextual()) {
            return scopes(node.textValue(), client);
        } else if (requested instanceof JsonNode node && node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    throw ApiException.oauth(400, "invalid_request", "scope must be a string or an array of strings.");
                }
                scopes.add(element.textValue());
            }
        } else if (requested instanceof JsonNode) {
            throw ApiException.oauth(400, "invalid_request", "scope must be a string or an array of strings.");
        }
        if (scopes.isEmpty()) {
            return client.scopes();
        }
        if (!client.scopes().containsAll(scopes)) {
            throw ApiException.oauth(400, "invalid_scope", "The requested scope is not granted to the client.");
        }
        return scopes.stream().distinct().toList();
    }

    private static String string(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        return value instanceof String text && !text.isEmpty() ? text : null;
    }
}
