package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatorConnectedApps;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Stytch serves on a project's domain for its Connected Apps, relative to the emulator's base URL, without
 * credentials: {@code GET /.well-known/openid-configuration} (also at the legacy
 * {@code /v1/public/{project_id}/.well-known/openid-configuration}), {@code GET /.well-known/oauth-authorization-server}
 * (RFC 8414) and {@code GET /.well-known/jwks.json}. The fields and values are those of the docs' "Get OpenID
 * Configuration" example; {@code scopes_supported} adds the scopes of both RBAC policies, as the docs say it lists
 * the policy's custom scopes. The RFC 8414 document adds {@code introspection_endpoint} and
 * {@code code_challenge_methods_supported} (PKCE, which public clients must use). Thread-safe: stateless.
 */
public final class AuthorizationServerMetadata {

    /** The path of the authorization page when none is set: the emulator's stand-in ({@link AuthorizationEndpoint}). */
    public static final String DEFAULT_AUTHORIZATION_PATH = "/oauth2/authorize";

    private final EmulatorState state;

    public AuthorizationServerMetadata(EmulatorState state) {
        this.state = state;
    }

    public ApiResponse openIdConfiguration(ApiRequest request) {
        if (!request.pathParameters().isEmpty() && !state.projectId().equals(request.pathParameters().get(0))) {
            throw ApiException.of(400, "invalid_project_id", "The project_id in the path is not this project's.");
        }
        return ApiResponse.ok(request.requestId(), common(), Map.of());
    }

    public ApiResponse oauthAuthorizationServer(ApiRequest request) {
        Map<String, Object> fields = common();
        fields.put("introspection_endpoint", state.baseUrl() + "/v1/oauth2/introspect");
        fields.put("code_challenge_methods_supported", List.of("S256"));
        return ApiResponse.ok(request.requestId(), fields, Map.of());
    }

    private Map<String, Object> common() {
        String base = state.baseUrl();
        URI authorizationUrl = state.connectedApps().authorizationUrl();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("issuer", state.issuer());
        fields.put("authorization_endpoint", authorizationUrl == null ? base + DEFAULT_AUTHORIZATION_PATH : authorizationUrl.toString());
        fields.put("token_endpoint", base + "/v1/oauth2/token");
        fields.put("jwks_uri", base + "/.well-known/jwks.json");
        fields.put("response_types_supported", List.of("code"));
        fields.put("grant_types_supported", List.of("authorization_code"));
        fields.put("subject_types_supported", List.of("public"));
        fields.put("id_token_signing_alg_values_supported", List.of("RS256"));
        fields.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        fields.put("scopes_supported", scopes());
        return fields;
    }

    private List<String> scopes() {
        Set<String> scopes = new LinkedHashSet<>(EmulatorConnectedApps.OIDC_SCOPES);
        for (EmulatedPolicy policy : List.of(state.rbac().b2bPolicy(), state.rbac().consumerPolicy())) {
            policy.scopes().forEach(scope -> scopes.add(scope.scope()));
        }
        return List.copyOf(scopes);
    }
}
