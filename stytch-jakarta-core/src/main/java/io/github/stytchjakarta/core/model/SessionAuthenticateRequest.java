package io.github.stytchjakarta.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /v1/sessions/authenticate} and {@code POST /v1/b2b/sessions/authenticate}.
 * Exactly one of {@code sessionToken} and {@code sessionJwt} is set; start with {@link #ofToken} or
 * {@link #ofJwt} and add options with the {@code with...} methods. {@link #toString()} masks the token.
 *
 * @param sessionToken           the opaque session token, or {@code null}
 * @param sessionJwt             the session JWT (it may have expired), or {@code null}
 * @param sessionDurationMinutes extends the session to this many minutes from now; {@code null} leaves it
 * @param sessionCustomClaims    claims to merge into the session ({@code null} value deletes a claim),
 *                               or {@code null}
 * @param authorizationCheck     an RBAC check for Stytch to evaluate, or {@code null}
 */
public record SessionAuthenticateRequest(String sessionToken, String sessionJwt, Integer sessionDurationMinutes,
                                         Map<String, Object> sessionCustomClaims,
                                         AuthorizationCheck authorizationCheck) {

    /** Requires exactly one credential; copies the claims. */
    public SessionAuthenticateRequest {
        if ((sessionToken == null) == (sessionJwt == null)) {
            throw new IllegalArgumentException("exactly one of sessionToken and sessionJwt must be set");
        }
        sessionCustomClaims = sessionCustomClaims == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(sessionCustomClaims));
    }

    /**
     * Authenticates an opaque session token.
     *
     * @param sessionToken the token; must not be {@code null}
     * @return the request
     */
    public static SessionAuthenticateRequest ofToken(String sessionToken) {
        return new SessionAuthenticateRequest(sessionToken, null, null, null, null);
    }

    /**
     * Authenticates a session JWT, which may have expired if its session is still live.
     *
     * @param sessionJwt the JWT; must not be {@code null}
     * @return the request
     */
    public static SessionAuthenticateRequest ofJwt(String sessionJwt) {
        return new SessionAuthenticateRequest(null, sessionJwt, null, null, null);
    }

    /**
     * @param minutes the new session duration, from now (5 to 527040)
     * @return a copy that extends the session
     */
    public SessionAuthenticateRequest withSessionDurationMinutes(int minutes) {
        return new SessionAuthenticateRequest(sessionToken, sessionJwt, minutes, sessionCustomClaims, authorizationCheck);
    }

    /**
     * @param claims claims to merge into the session
     * @return a copy that merges the claims
     */
    public SessionAuthenticateRequest withSessionCustomClaims(Map<String, Object> claims) {
        return new SessionAuthenticateRequest(sessionToken, sessionJwt, sessionDurationMinutes, claims, authorizationCheck);
    }

    /**
     * @param check the RBAC check
     * @return a copy that asks Stytch to evaluate the check
     */
    public SessionAuthenticateRequest withAuthorizationCheck(AuthorizationCheck check) {
        return new SessionAuthenticateRequest(sessionToken, sessionJwt, sessionDurationMinutes, sessionCustomClaims, check);
    }

    @Override
    public String toString() {
        return "SessionAuthenticateRequest{" + (sessionToken != null ? "sessionToken" : "sessionJwt") + "=****"
                + ", sessionDurationMinutes=" + sessionDurationMinutes
                + ", sessionCustomClaims=" + (sessionCustomClaims == null ? null : sessionCustomClaims.keySet())
                + ", authorizationCheck=" + authorizationCheck + '}';
    }
}
