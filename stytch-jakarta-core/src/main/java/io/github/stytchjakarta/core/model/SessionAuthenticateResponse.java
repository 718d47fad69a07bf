package io.github.stytchjakarta.core.model;

import io.github.stytchjakarta.core.StytchSession;

/**
 * The answer of {@code POST /v1/sessions/authenticate} ({@code api_session_v1_AuthenticateResponse}).
 * {@link #toString()} masks the token and JWT.
 *
 * @param requestId    Stytch's request id
 * @param statusCode   the HTTP status
 * @param session      the session
 * @param sessionToken the session's opaque token
 * @param sessionJwt   a freshly minted session JWT
 * @param user         the session's user
 * @param verdict      the verdict of a requested authorization check, {@code null} if none was asked
 */
public record SessionAuthenticateResponse(String requestId, int statusCode, StytchSession session,
                                          String sessionToken, String sessionJwt, User user,
                                          AuthorizationVerdict verdict) {

    @Override
    public String toString() {
        return "SessionAuthenticateResponse{requestId=" + requestId + ", statusCode=" + statusCode
                + ", session=" + session + ", sessionToken=****, sessionJwt=****, user=" + user
                + ", verdict=" + verdict + '}';
    }
}
