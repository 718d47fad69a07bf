package io.github.stytchjakarta.testkit.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/public/{project_id}/oauth2/introspect} and the project domain's {@code POST /v1/oauth2/introspect}:
 * RFC 7662 introspection of a Connected-App access token. The body is form-encoded ({@code token}, {@code client_id},
 * {@code client_secret}, {@code token_type_hint}, which is ignored); the client authenticates as at the token endpoint
 * and must be a Connected App of the project, with its secret if it is confidential.
 *
 * <p>A token is active if it is an RS256 JWT signed by a published key, with one of the emulator's issuers, the
 * project in {@code aud}, inside {@code nbf}..{@code exp}, a {@code client_id} naming an existing client, a subject
 * that still exists, and not revoked ({@link ConnectedAppStore#isRevoked}). The answer then holds the token's claims
 * but {@code jti} (the docs' example has none) and {@code token_type: access_token}; otherwise it is only
 * {@code active: false}. Session JWTs, M2M and ID tokens and refresh tokens are all inactive here. Thread-safe:
 * stateless over thread-safe parts.
 */
public final class IntrospectionEndpoint {

    private final EmulatorState state;

    public IntrospectionEndpoint(EmulatorState state) {
        this.state = state;
    }

    public ApiResponse introspect(ApiRequest request) {
        if (!request.pathParameters().isEmpty() && !state.projectId().equals(request.pathParameters().get(0))) {
            throw ApiException.oauth(400, "invalid_request", "The project_id in the path is not this project's.");
        }
        String contentType = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            throw ApiException.oauth(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
        }
        Map<String, String> form = ApiRequest.parseForm(new String(request.body(), StandardCharsets.UTF_8),
                "The form body is malformed.");
        String token = nonEmpty(form.get("token"));
        if (token == null) {
            throw ApiException.oauth(400, "invalid_request", "token is required.");
        }
        state.connectedApps().authenticate(ClientCredentials.of(nonEmpty(form.get("client_id")), nonEmpty(form.get("client_secret")),
                request.authorization()));
        Map<String, Object> fields = activeClaims(token).<Map<String, Object>>map(claims -> {
            Map<String, Object> active = new LinkedHashMap<>();
            active.put("active", true);
            active.putAll(claims);
            active.put("token_type", "access_token");
            return active;
        }).orElse(Map.of("active", false));
        return ApiResponse.ok(request.requestId(), fields, Map.of("Cache-Control", "no-store"));
    }

    private Optional<Map<String, Object>> activeClaims(String token) {
        Optional<JWTClaimsSet> verified = SessionJwtVerifier.signedClaims(token, state.keys().published());
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        JWTClaimsSet claims = verified.get();
        Instant now = state.now();
        Date expiresAt = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        Date issuedAt = claims.getIssueTime();
        boolean valid = state.acceptsIssuer(claims.getClaim("iss"))
                && claims.getAudience().contains(state.projectId())
                && expiresAt != null && now.isBefore(expiresAt.toInstant())
                && (notBefore == null || !now.isBefore(notBefore.toInstant()))
                && issuedAt != null
                && claims.getClaim("client_id") instanceof String clientId
                && state.connectedApps().client(clientId).isPresent()
                && claims.getClaim("sub") instanceof String subject && subjectExists(subject)
                && !state.connectedApps().isRevoked(clientId, claims.getClaim("jti") instanceof String jti ? jti : null,
                        issuedAt.toInstant());
        if (!valid) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (!"jti".equals(name)) {
                view.put(name, value instanceof Date date ? date.toInstant().getEpochSecond() : value);
            }
        });
        view.put("aud", List.copyOf(claims.getAudience()));
        return Optional.of(view);
    }

    private boolean subjectExists(String subject) {
        return state.directory().member(subject).isPresent() || state.directory().user(subject).isPresent();
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
