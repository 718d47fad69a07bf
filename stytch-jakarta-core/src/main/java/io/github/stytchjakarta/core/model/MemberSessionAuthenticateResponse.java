package io.github.stytchjakarta.core.model;

import io.github.stytchjakarta.core.StytchMemberSession;

/**
 * The answer of {@code POST /v1/b2b/sessions/authenticate} ({@code api_b2b_session_v1_AuthenticateResponse}).
 * {@link #toString()} masks the token and JWT.
 *
 * @param requestId     Stytch's request id
 * @param statusCode    the HTTP status
 * @param memberSession the member session
 * @param sessionToken  the session's opaque token
 * @param sessionJwt    a freshly minted session JWT
 * @param member        the session's member
 * @param organization  the member's organization
 * @param verdict       the verdict of a requested authorization check, {@code null} if none was asked
 */
public record MemberSessionAuthenticateResponse(String requestId, int statusCode, StytchMemberSession memberSession,
                                                String sessionToken, String sessionJwt, Member member,
                                                Organization organization, AuthorizationVerdict verdict) {

    @Override
    public String toString() {
        return "MemberSessionAuthenticateResponse{requestId=" + requestId + ", statusCode=" + statusCode
                + ", memberSession=" + memberSession + ", sessionToken=****, sessionJwt=****, member=" + member
                + ", organization=" + organization + ", verdict=" + verdict + '}';
    }
}
