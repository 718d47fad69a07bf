package io.github.stytchjakarta.core.model;

import io.github.stytchjakarta.core.StytchSession;
import java.util.List;

/**
 * The answer of {@code GET /v1/sessions} ({@code api_session_v1_GetResponse}): a user's active sessions.
 *
 * @param requestId  Stytch's request id
 * @param statusCode the HTTP status
 * @param sessions   the active sessions
 */
public record SessionsResponse(String requestId, int statusCode, List<StytchSession> sessions) {

    /** Replaces an absent list with an empty one. */
    public SessionsResponse {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
