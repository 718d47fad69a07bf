package io.github.stytchjakarta.core.model;

import io.github.stytchjakarta.core.StytchMemberSession;
import java.util.List;

/**
 * The answer of {@code GET /v1/b2b/sessions} ({@code api_b2b_session_v1_GetResponse}): a member's
 * active sessions.
 *
 * @param requestId      Stytch's request id
 * @param statusCode     the HTTP status
 * @param memberSessions the active sessions
 */
public record MemberSessionsResponse(String requestId, int statusCode, List<StytchMemberSession> memberSessions) {

    /** Replaces an absent list with an empty one. */
    public MemberSessionsResponse {
        memberSessions = memberSessions == null ? List.of() : List.copyOf(memberSessions);
    }
}
