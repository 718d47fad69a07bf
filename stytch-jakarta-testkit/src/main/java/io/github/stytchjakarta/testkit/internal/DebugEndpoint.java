package io.github.stytchjakarta.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/debug/whoami}: the project the Basic credentials belong to ({@code project_id}, {@code name}), as
 * clients use it to check their configuration. The credentials are checked by the dispatcher like for every API call.
 */
public final class DebugEndpoint {

    /** The project name the emulator answers; Stytch answers the name given in its dashboard. */
    public static final String PROJECT_NAME = "Stytch emulator";

    private final EmulatorState state;

    public DebugEndpoint(EmulatorState state) {
        this.state = state;
    }

    public ApiResponse whoami(ApiRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project_id", state.projectId());
        fields.put("name", PROJECT_NAME);
        return ApiResponse.ok(request.requestId(), fields, Map.of());
    }
}
