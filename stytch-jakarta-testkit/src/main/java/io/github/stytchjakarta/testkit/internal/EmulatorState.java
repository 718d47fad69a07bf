package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.IssuerStyle;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything an emulator holds: its configuration (project, secret, clock, issuer), keys, faults and request log, and
 * the parts shared by the Java API and the HTTP endpoints: the {@link Directory} of subjects, the {@link SessionStore},
 * the {@link RbacState}, the {@link ConnectedAppStore}, the {@link SubjectClaims} of minted JWTs and the API-side
 * {@link SessionJwtVerifier}.
 * Thread-safe: every part is; the base URL is set once, when the server is bound.
 */
public final class EmulatorState {

    private final String projectId;
    private final String secret;
    private final Clock clock;
    private final IssuerStyle issuerStyle;
    private final Ids ids;
    private final KeyRing keys;
    private final FaultRules faults = new FaultRules();
    private final RequestLog requestLog = new RequestLog();
    private final Directory directory = new Directory();
    private final SessionStore sessions;
    private final RbacState rbac = new RbacState(directory);
    private final ConnectedAppStore connectedApps = new ConnectedAppStore();
    private final SubjectClaims claims = new SubjectClaims(directory, rbac);
    private final SessionJwtVerifier jwtVerifier;
    private final WebhookSender webhooks;
    private volatile String baseUrl;

    /**
     * Generates the first signing key (the slow part of start-up).
     *
     * @param projectId   the project id
     * @param secret      the project secret
     * @param clock       the clock for every timestamp
     * @param issuerStyle the issuer of minted JWTs
     */
    public EmulatorState(String projectId, String secret, Clock clock, IssuerStyle issuerStyle) {
        this.projectId = projectId;
        this.secret = secret;
        this.clock = clock;
        this.issuerStyle = issuerStyle;
        this.ids = new Ids(projectId);
        this.keys = new KeyRing(ids);
        this.sessions = new SessionStore(clock);
        this.jwtVerifier = new SessionJwtVerifier(projectId, keys, sessions, this::acceptsIssuer);
        this.webhooks = new WebhookSender(projectId, clock, ids);
    }

    public String projectId() {
        return projectId;
    }

    public String secret() {
        return secret;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Ids ids() {
        return ids;
    }

    public KeyRing keys() {
        return keys;
    }

    public FaultRules faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public Directory directory() {
        return directory;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public RbacState rbac() {
        return rbac;
    }

    public ConnectedAppStore connectedApps() {
        return connectedApps;
    }

    public SubjectClaims claims() {
        return claims;
    }

    public SessionJwtVerifier jwtVerifier() {
        return jwtVerifier;
    }

    public WebhookSender webhooks() {
        return webhooks;
    }

    /**
     * Revokes a session and sends its {@code session} (or {@code member_session}) {@code DELETE} webhook.
     *
     * @param sessionId the session id
     * @return whether an active session was revoked
     */
    public boolean revokeSession(String sessionId) {
        boolean revoked = sessions.revoke(sessionId);
        if (revoked) {
            SessionData session = sessions.session(sessionId).orElseThrow();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(session.vertical() == Vertical.B2B ? "member_id" : "user_id", session.subjectId());
            if (session.organizationId() != null) {
                fields.put("organization_id", session.organizationId());
            }
            webhooks.send(session.vertical() == Vertical.B2B ? "member_session" : "session", "DELETE", sessionId, fields);
        }
        return revoked;
    }

    /**
     * @return the base URL, without trailing slash
     * @throws IllegalStateException before the server started
     */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("The base URL is known once the emulator has started");
        }
        return url;
    }

    /**
     * @param baseUrl the base URL once the server is bound, without trailing slash
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @return the {@code iss} of minted JWTs
     * @throws IllegalStateException for {@link IssuerStyle#BASE_URL} before the server started
     */
    public String issuer() {
        if (issuerStyle == IssuerStyle.STYTCH) {
            return stytchIssuer();
        }
        if (baseUrl == null) {
            throw new IllegalStateException("The base-URL issuer is known once the emulator has started");
        }
        return baseUrl;
    }

    /**
     * The API accepts either issuer style, whichever this emulator mints.
     *
     * @param issuer an {@code iss} claim
     * @return whether it is one of this emulator's issuers
     */
    public boolean acceptsIssuer(Object issuer) {
        String url = baseUrl;
        return stytchIssuer().equals(issuer) || url != null && url.equals(issuer);
    }

    private String stytchIssuer() {
        return "stytch.com/" + projectId;
    }
}
