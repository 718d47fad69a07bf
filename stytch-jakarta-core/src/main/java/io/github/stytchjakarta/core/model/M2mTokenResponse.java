package io.github.stytchjakarta.core.model;

/**
 * The answer of {@code POST /v1/public/{project_id}/oauth2/token} (client credentials).
 * {@link #toString()} masks the token.
 *
 * @param accessToken the M2M access token (a JWT)
 * @param tokenType   {@code bearer}
 * @param expiresIn   the token lifetime in seconds
 */
public record M2mTokenResponse(String accessToken, String tokenType, long expiresIn) {

    @Override
    public String toString() {
        return "M2mTokenResponse{accessToken=****, tokenType=" + tokenType + ", expiresIn=" + expiresIn + '}';
    }
}
