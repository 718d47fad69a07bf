package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.http.StytchHttp;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import io.github.stytchjakarta.core.model.JwksResponse;
import io.github.stytchjakarta.core.model.M2mTokenResponse;
import io.github.stytchjakarta.core.model.MemberSessionAuthenticateResponse;
import io.github.stytchjakarta.core.model.MemberSessionsResponse;
import io.github.stytchjakarta.core.model.OrgPolicyResponse;
import io.github.stytchjakarta.core.model.RbacPolicyResponse;
import io.github.stytchjakarta.core.model.RevokeResponse;
import io.github.stytchjakarta.core.model.SessionAuthenticateRequest;
import io.github.stytchjakarta.core.model.SessionAuthenticateResponse;
import io.github.stytchjakarta.core.model.SessionsResponse;
import io.github.stytchjakarta.core.model.TokenIntrospectionResponse;
import io.github.stytchjakarta.core.model.WhoamiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed client for the Stytch API calls this library needs, consumer and B2B, grouped like
 * Stytch's SDKs: {@link #sessions()}, {@link #b2bSessions()}, {@link #rbac()}, {@link #b2bRbac()},
 * {@link #m2m()}, {@link #connectedApps()}, and {@link #whoami()} to check the credentials.
 *
 * <pre>
 * try (StytchClient client = StytchClient.create(config)) {
 *     SessionAuthenticateResponse answer = client.sessions().authenticate(SessionAuthenticateRequest.ofToken(token));
 * }
 * </pre>
 *
 * <p>Every call uses Basic auth with the project id and secret, a {@code User-Agent} naming this
 * library, and the configured connect and request timeouts. Only calls that do not change anything
 * are retried (the GETs, and an authenticate that neither extends the session nor changes its custom
 * claims), on 429, 5xx and I/O errors, with jittered exponential backoff honouring
 * {@code Retry-After}. Revoke and M2M token calls are never retried. Token introspection is authenticated by a Connected App's
 * client id and secret in its form body, not by the project's secret. Failures:
 * {@link StytchApiException} when Stytch answered with its error body ("Stytch said no"),
 * {@link StytchUnavailableException} when it could not be reached, kept failing, or the answer was not
 * Stytch's (an error status without Stytch's error body, or an unreadable body: a wrong base URL or a proxy
 * in the way, logged at WARNING with the URL and status, at most once a minute).
 *
 * <p>Thread-safe. {@link #close()} releases the HTTP client's threads.
 */
public final class StytchClient implements AutoCloseable {

    private final StytchHttp http;
    private final Sessions sessions;
    private final B2bSessions b2bSessions;
    private final Rbac rbac;
    private final B2bRbac b2bRbac;
    private final M2m m2m;
    private final ConnectedApps connectedApps;

    StytchClient(StytchConfig config, StytchHttp http) {
        this.http = http;
        String projectPath = StytchHttp.encodePathSegment(config.projectId());
        this.sessions = new Sessions(http, projectPath);
        this.b2bSessions = new B2bSessions(http, projectPath);
        this.rbac = new Rbac(http);
        this.b2bRbac = new B2bRbac(http);
        this.m2m = new M2m(http, projectPath);
        this.connectedApps = new ConnectedApps(http, projectPath);
    }

    /**
     * Creates a client.
     *
     * @param config the configuration; must not be {@code null}
     * @return the client; close it when done
     */
    public static StytchClient create(StytchConfig config) {
        return new StytchClient(config, new StytchHttp(Objects.requireNonNull(config, "config"), Telemetry.NONE));
    }

    StytchHttp http() {
        return http;
    }

    /** @return the consumer session calls */
    public Sessions sessions() {
        return sessions;
    }

    /** @return the B2B member session calls */
    public B2bSessions b2bSessions() {
        return b2bSessions;
    }

    /** @return the consumer RBAC calls */
    public Rbac rbac() {
        return rbac;
    }

    /** @return the B2B RBAC calls */
    public B2bRbac b2bRbac() {
        return b2bRbac;
    }

    /** @return the M2M calls */
    public M2m m2m() {
        return m2m;
    }

    /** @return the Connected-App (OAuth authorization server) calls */
    public ConnectedApps connectedApps() {
        return connectedApps;
    }

    /**
     * {@code GET /v1/debug/whoami}: the project the configured project id and secret belong to (any
     * vertical). A wrong project id or secret gives {@link StytchApiException} 401.
     *
     * @return the project id and name
     */
    public WhoamiResponse whoami() {
        return http.get("/v1/debug/whoami", WhoamiResponse.class);
    }

    // sending it twice has the same effect as sending it once, so it may be retried
    private static boolean isReadOnly(SessionAuthenticateRequest request) {
        return request.sessionDurationMinutes() == null
                && (request.sessionCustomClaims() == null || request.sessionCustomClaims().isEmpty());
    }

    /**
     * Refuses calls from now on ({@link StytchUnavailableException} at once); calls in flight finish
     * within their timeouts, without retrying, and then the HTTP client's threads are released.
     */
    @Override
    public void close() {
        http.close();
    }

    /** Consumer sessions: {@code /v1/sessions/...}. Thread-safe. */
    public static final class Sessions {

        private final StytchHttp http;
        private final String projectPath;

        private Sessions(StytchHttp http, String projectPath) {
            this.http = http;
            this.projectPath = projectPath;
        }

        /**
         * {@code GET /v1/sessions}: a user's active sessions.
         *
         * @param userId the user id (Stytch also accepts the user's external id)
         * @return the sessions
         */
        public SessionsResponse get(String userId) {
            Objects.requireNonNull(userId, "userId");
            return http.get("/v1/sessions?user_id=" + StytchHttp.encode(userId), SessionsResponse.class);
        }

        /**
         * {@code POST /v1/sessions/authenticate}: checks a session token or JWT (an expired JWT of a live
         * session is accepted) and returns the session with a fresh JWT.
         *
         * @param request the request
         * @return the session, user, token and fresh JWT
         */
        public SessionAuthenticateResponse authenticate(SessionAuthenticateRequest request) {
            return http.post("/v1/sessions/authenticate", request, SessionAuthenticateResponse.class,
                    isReadOnly(request));
        }

        /**
         * {@code POST /v1/sessions/revoke} by session id.
         *
         * @param sessionId the session id
         * @return Stytch's answer
         */
        public RevokeResponse revoke(String sessionId) {
            return revoke("session_id", sessionId);
        }

        /**
         * {@code POST /v1/sessions/revoke} by opaque session token.
         *
         * @param sessionToken the session token
         * @return Stytch's answer
         */
        public RevokeResponse revokeByToken(String sessionToken) {
            return revoke("session_token", sessionToken);
        }

        /**
         * {@code POST /v1/sessions/revoke} by session JWT.
         *
         * @param sessionJwt the session JWT
         * @return Stytch's answer
         */
        public RevokeResponse revokeByJwt(String sessionJwt) {
            return revoke("session_jwt", sessionJwt);
        }

        /**
         * {@code GET /v1/sessions/jwks/{project_id}}: the published signing keys.
         *
         * @return the keys
         */
        public JwksResponse jwks() {
            return http.get("/v1/sessions/jwks/" + projectPath, JwksResponse.class);
        }

        private RevokeResponse revoke(String field, String value) {
            Objects.requireNonNull(value, field);
            return http.post("/v1/sessions/revoke", Map.of(field, value), RevokeResponse.class, false);
        }
    }

    /** B2B member sessions: {@code /v1/b2b/sessions/...}. Thread-safe. */
    public static final class B2bSessions {

        private final StytchHttp http;
        private final String projectPath;

        private B2bSessions(StytchHttp http, String projectPath) {
            this.http = http;
            this.projectPath = projectPath;
        }

        /**
         * {@code GET /v1/b2b/sessions}: a member's active sessions.
         *
         * @param organizationId the organization id (Stytch also accepts its slug or external id)
         * @param memberId       the member id (Stytch also accepts the member's external id)
         * @return the sessions
         */
        public MemberSessionsResponse get(String organizationId, String memberId) {
            Objects.requireNonNull(organizationId, "organizationId");
            Objects.requireNonNull(memberId, "memberId");
            return http.get("/v1/b2b/sessions?organization_id=" + StytchHttp.encode(organizationId)
                    + "&member_id=" + StytchHttp.encode(memberId), MemberSessionsResponse.class);
        }

        /**
         * {@code POST /v1/b2b/sessions/authenticate}: checks a session token or JWT (an expired JWT of
         * a live session is accepted) and returns the member session with a fresh JWT.
         *
         * @param request the request
         * @return the member session, member, organization, token and fresh JWT
         */
        public MemberSessionAuthenticateResponse authenticate(SessionAuthenticateRequest request) {
            return http.post("/v1/b2b/sessions/authenticate", request, MemberSessionAuthenticateResponse.class,
                    isReadOnly(request));
        }

        /**
         * {@code POST /v1/b2b/sessions/revoke} by member session id.
         *
         * @param memberSessionId the member session id
         * @return Stytch's answer
         */
        public RevokeResponse revoke(String memberSessionId) {
            return revoke("member_session_id", memberSessionId);
        }

        /**
         * {@code POST /v1/b2b/sessions/revoke} by opaque session token.
         *
         * @param sessionToken the session token
         * @return Stytch's answer
         */
        public RevokeResponse revokeByToken(String sessionToken) {
            return revoke("session_token", sessionToken);
        }

        /**
         * {@code POST /v1/b2b/sessions/revoke} by session JWT.
         *
         * @param sessionJwt the session JWT
         * @return Stytch's answer
         */
        public RevokeResponse revokeByJwt(String sessionJwt) {
            return revoke("session_jwt", sessionJwt);
        }

        /**
         * {@code POST /v1/b2b/sessions/revoke} of every session of a member.
         *
         * @param memberId the member id
         * @return Stytch's answer
         */
        public RevokeResponse revokeAllOfMember(String memberId) {
            return revoke("member_id", memberId);
        }

        /**
         * {@code GET /v1/b2b/sessions/jwks/{project_id}}: the published signing keys.
         *
         * @return the keys
         */
        public JwksResponse jwks() {
            return http.get("/v1/b2b/sessions/jwks/" + projectPath, JwksResponse.class);
        }

        private RevokeResponse revoke(String field, String value) {
            Objects.requireNonNull(value, field);
            return http.post("/v1/b2b/sessions/revoke", Map.of(field, value), RevokeResponse.class, false);
        }
    }

    /** Consumer RBAC: {@code /v1/rbac/...}. Thread-safe. */
    public static final class Rbac {

        private final StytchHttp http;

        private Rbac(StytchHttp http) {
            this.http = http;
        }

        /**
         * {@code GET /v1/rbac/policy}: the project's RBAC policy.
         *
         * @return the policy
         */
        public RbacPolicyResponse policy() {
            return http.get("/v1/rbac/policy", RbacPolicyResponse.class);
        }
    }

    /** B2B RBAC: {@code /v1/b2b/rbac/...}. Thread-safe. */
    public static final class B2bRbac {

        private final StytchHttp http;

        private B2bRbac(StytchHttp http) {
            this.http = http;
        }

        /**
         * {@code GET /v1/b2b/rbac/policy}: the project's RBAC policy.
         *
         * @return the policy
         */
        public RbacPolicyResponse policy() {
            return http.get("/v1/b2b/rbac/policy", RbacPolicyResponse.class);
        }

        /**
         * {@code GET /v1/b2b/rbac/organizations/{organization_id}}: an organization's custom roles.
         *
         * @param organizationId the organization id
         * @return the organization policy
         */
        public OrgPolicyResponse organizationPolicy(String organizationId) {
            Objects.requireNonNull(organizationId, "organizationId");
            return http.get("/v1/b2b/rbac/organizations/" + StytchHttp.encodePathSegment(organizationId),
                    OrgPolicyResponse.class);
        }
    }

    /** Machine-to-machine: {@code /v1/public/{project_id}/oauth2/token}. Thread-safe. */
    public static final class M2m {

        private final StytchHttp http;
        private final String projectPath;

        private M2m(StytchHttp http, String projectPath) {
            this.http = http;
            this.projectPath = projectPath;
        }

        /**
         * Gets an access token with the client credentials grant.
         *
         * @param clientId     the M2M client id
         * @param clientSecret the M2M client secret
         * @param scopes       the scopes to request; empty for all of the client's scopes
         * @return the token
         */
        public M2mTokenResponse token(String clientId, String clientSecret, List<String> scopes) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("grant_type", "client_credentials");
            body.put("client_id", Objects.requireNonNull(clientId, "clientId"));
            body.put("client_secret", Objects.requireNonNull(clientSecret, "clientSecret"));
            if (!scopes.isEmpty()) {
                body.put("scope", String.join(" ", scopes));
            }
            return http.post("/v1/public/" + projectPath + "/oauth2/token", body, M2mTokenResponse.class, false);
        }
    }

    /** Stytch as OAuth authorization server for Connected Apps: {@code /v1/public/{project_id}/oauth2/...}. Thread-safe. */
    public static final class ConnectedApps {

        private final StytchHttp http;
        private final String projectPath;

        private ConnectedApps(StytchHttp http, String projectPath) {
            this.http = http;
            this.projectPath = projectPath;
        }

        /**
         * RFC 7662 introspection of an access token: {@code POST /v1/public/{project_id}/oauth2/introspect}, form-encoded,
         * the client authenticated by its id and secret in the body (as Stytch's Node SDK sends it; the path is the same
         * below a custom domain's base URL). Read-only, so retried like a GET. A wrong client id or secret is Stytch's
         * {@code 401 invalid_client}, a {@link StytchApiException}.
         *
         * @param token        the access token
         * @param clientId     the client id of the Connected App asking
         * @param clientSecret its client secret
         * @return whether the token is active, with its claims when it is
         */
        public TokenIntrospectionResponse introspect(String token, String clientId, String clientSecret) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("token", Objects.requireNonNull(token, "token"));
            form.put("client_id", Objects.requireNonNull(clientId, "clientId"));
            form.put("client_secret", Objects.requireNonNull(clientSecret, "clientSecret"));
            form.put("token_type_hint", "access_token");
            return http.postForm("/v1/public/" + projectPath + "/oauth2/introspect", form, TokenIntrospectionResponse.class);
        }
    }
}
