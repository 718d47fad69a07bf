package io.github.stytchjakarta.testkit.internal;

import java.util.Map;

/**
 * {@code GET /v1/sessions/jwks/{project_id}} and {@code GET /v1/b2b/sessions/jwks/{project_id}}: the published keys
 * (the same for both verticals) with {@code Cache-Control: public, max-age=900}. A foreign project id is 400
 * {@code invalid_project_id} and a simulated outage 503 {@code server_unavailable} (both chosen from the API's
 * error-type enum). The project domain's {@code GET /.well-known/jwks.json} (Connected Apps' {@code jwks_uri}) serves
 * the same keys.
 */
public final class JwksEndpoint {

    /** What Stytch sends, per the Java SDK's JwksCache comment. */
    public static final String CACHE_CONTROL = "public, max-age=900";

    private final EmulatorState state;

    public JwksEndpoint(EmulatorState state) {
        this.state = state;
    }

    public ApiResponse jwks(ApiRequest request) {
        if (!request.pathParameters().isEmpty() && !state.projectId().equals(request.pathParameters().get(0))) {
            throw ApiException.of(400, "invalid_project_id", "The project_id in the path is not this project's.");
        }
        if (state.faults().jwksOutage()) {
            throw ApiException.of(503, "server_unavailable", "The server is temporarily unavailable.");
        }
        return ApiResponse.ok(request.requestId(),
                Map.of("keys", state.keys().published().stream().map(Views::jwk).toList()),
                Map.of("Cache-Control", CACHE_CONTROL));
    }
}
