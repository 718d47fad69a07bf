package io.github.stytchjakarta.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp.ClientType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/connected_apps/clients}, {@code GET} and {@code DELETE /v1/connected_apps/clients/{client_id}}: the
 * Connected-App clients, with project credentials. Create reads {@code client_type} (required), {@code client_name},
 * {@code client_description}, {@code redirect_urls} and {@code access_token_expiry_minutes}; the spec's other settings
 * are accepted and not modelled. An unknown client is 404 {@code connected_app_not_found} (a guessed error type: the
 * spec lists none). Thread-safe: stateless over thread-safe parts.
 */
public final class ConnectedAppEndpoints {

    /** Bytes of a generated client secret. */
    public static final int SECRET_BYTES = 36;

    private final EmulatorState state;

    public ConnectedAppEndpoints(EmulatorState state) {
        this.state = state;
    }

    public ApiResponse create(ApiRequest request) {
        JsonBody body = request.json();
        ClientType type = ClientType.fromApiValue(body.requiredString("client_type"))
                .orElseThrow(() -> ApiException.badRequest("client_type must be one of first_party, first_party_public, "
                        + "third_party, third_party_public."));
        Integer expiryMinutes = body.optionalInt("access_token_expiry_minutes");
        if (expiryMinutes != null && expiryMinutes <= 0) {
            throw ApiException.badRequest("access_token_expiry_minutes must be positive.");
        }
        EmulatedConnectedApp client = new EmulatedConnectedApp(state.ids().next("connected-app"),
                type.isPublic() ? null : Ids.randomBase64Url(SECRET_BYTES), text(body, "client_name"),
                text(body, "client_description"), type, strings(body.raw("redirect_urls")),
                expiryMinutes == null ? EmulatedConnectedApp.DEFAULT_ACCESS_TOKEN_LIFETIME
                        : Duration.ofMinutes(expiryMinutes));
        state.connectedApps().add(client);
        return ApiResponse.ok(request.requestId(), Map.of("connected_app", Views.connectedApp(client, true)), Map.of());
    }

    public ApiResponse get(ApiRequest request) {
        EmulatedConnectedApp client = state.connectedApps().client(request.pathParameters().get(0))
                .orElseThrow(ConnectedAppEndpoints::notFound);
        return ApiResponse.ok(request.requestId(), Map.of("connected_app", Views.connectedApp(client, false)), Map.of());
    }

    public ApiResponse delete(ApiRequest request) {
        String clientId = request.pathParameters().get(0);
        if (!state.connectedApps().remove(clientId)) {
            throw notFound();
        }
        return ApiResponse.ok(request.requestId(), Map.of("client_id", clientId), Map.of());
    }

    private static ApiException notFound() {
        return ApiException.of(404, "connected_app_not_found", "The Connected App client could not be found.");
    }

    private static String text(JsonBody body, String name) {
        String value = body.optionalString(name);
        return value == null ? "" : value;
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw ApiException.badRequest("redirect_urls must be an array of strings.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw ApiException.badRequest("redirect_urls must be an array of strings.");
            }
            values.add(element.textValue());
        }
        return values;
    }
}
