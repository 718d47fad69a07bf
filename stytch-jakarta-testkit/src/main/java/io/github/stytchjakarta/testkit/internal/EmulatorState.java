package io.github.stytchjakarta.testkit.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.EmulatorKey;
import io.github.stytchjakarta.testkit.IssuerStyle;
import io.github.stytchjakarta.testkit.RbacPolicy;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Everything an emulator holds: configuration, keys, users, organizations, members, sessions, M2M clients, policies,
 * faults and the request log; and the rules shared by the Java API and the HTTP endpoints (session roles, session
 * claims, API-side JWT verification). Thread-safe: concurrent maps, atomic session updates, synchronized seeding
 * (for uniqueness checks).
 */
public final class EmulatorState {

    /** The claim holding the Stytch session. */
    public static final String SESSION_CLAIM = "https://stytch.com/session";

    /** The claim holding the B2B organization. */
    public static final String ORGANIZATION_CLAIM = "https://stytch.com/organization";

    private final String projectId;
    private final String secret;
    private final Clock clock;
    private final IssuerStyle issuerStyle;
    private final Ids ids;
    private final KeyRing keys;
    private final FaultRules faults = new FaultRules();
    private final RequestLog requestLog = new RequestLog();
    private volatile String baseUrl;

    private final Map<String, EmulatedUser> users = new ConcurrentHashMap<>();
    private final Map<String, EmulatedOrganization> organizations = new ConcurrentHashMap<>();
    private final Map<String, EmulatedMember> members = new ConcurrentHashMap<>();
    private final Map<String, SessionData> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> sessionIdsByToken = new ConcurrentHashMap<>();
    private final Map<String, EmulatedM2mClient> m2mClients = new ConcurrentHashMap<>();
    private final AtomicReference<RbacPolicy> consumerPolicy = new AtomicReference<>(RbacPolicy.defaultConsumerPolicy());
    private final AtomicReference<RbacPolicy> b2bPolicy = new AtomicReference<>(RbacPolicy.defaultB2bPolicy());
    private final Map<String, List<RbacPolicy.Role>> organizationRoles = new ConcurrentHashMap<>();

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

    private String stytchIssuer() {
        return "stytch.com/" + projectId;
    }

    // ---- seeding ------------------------------------------------------------------------------------------------

    public synchronized void addUser(EmulatedUser user) {
        if (user.externalId() != null && users.values().stream().anyMatch(u -> user.externalId().equals(u.externalId()))) {
            throw new IllegalArgumentException("A user with this external id exists");
        }
        users.put(user.userId(), user);
    }

    public synchronized void addOrganization(EmulatedOrganization organization) {
        for (EmulatedOrganization existing : organizations.values()) {
            if (existing.slug().equals(organization.slug())) {
                throw new IllegalArgumentException("An organization with the slug " + organization.slug() + " exists");
            }
            if (organization.externalId() != null && organization.externalId().equals(existing.externalId())) {
                throw new IllegalArgumentException("An organization with this external id exists");
            }
        }
        organizations.put(organization.organizationId(), organization);
    }

    public synchronized void addMember(EmulatedMember member) {
        if (!organizations.containsKey(member.organizationId())) {
            throw new IllegalArgumentException("Unknown organization " + member.organizationId());
        }
        for (EmulatedMember existing : members.values()) {
            if (existing.organizationId().equals(member.organizationId())) {
                if (existing.email().equalsIgnoreCase(member.email())) {
                    throw new IllegalArgumentException("The organization has a member with this email");
                }
                if (member.externalId() != null && member.externalId().equals(existing.externalId())) {
                    throw new IllegalArgumentException("The organization has a member with this external id");
                }
            }
        }
        members.put(member.memberId(), member);
    }

    public void addSession(SessionData session) {
        sessions.put(session.sessionId(), session);
        sessionIdsByToken.put(session.sessionToken(), session.sessionId());
    }

    public void addM2mClient(EmulatedM2mClient client) {
        m2mClients.put(client.clientId(), client);
    }

    // ---- lookups ------------------------------------------------------------------------------------------------

    public Optional<EmulatedUser> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    /**
     * @param idOrExternalId a user id or a user's external id
     * @return the user
     */
    public Optional<EmulatedUser> findUser(String idOrExternalId) {
        return user(idOrExternalId).or(() -> users.values().stream()
                .filter(user -> idOrExternalId.equals(user.externalId())).findFirst());
    }

    public Optional<EmulatedOrganization> organization(String organizationId) {
        return Optional.ofNullable(organizations.get(organizationId));
    }

    /**
     * @param idSlugOrExternalId an organization id, slug or external id (the documented convenience of
     *                           {@code GET /v1/b2b/sessions})
     * @return the organization
     */
    public Optional<EmulatedOrganization> findOrganization(String idSlugOrExternalId) {
        return organization(idSlugOrExternalId).or(() -> organizations.values().stream()
                .filter(org -> idSlugOrExternalId.equals(org.slug()) || idSlugOrExternalId.equals(org.externalId()))
                .findFirst());
    }

    public Optional<EmulatedMember> member(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    /**
     * @param organizationId the organization
     * @param idOrExternalId a member id or a member's external id
     * @return the member of that organization
     */
    public Optional<EmulatedMember> findMember(String organizationId, String idOrExternalId) {
        return members.values().stream()
                .filter(member -> member.organizationId().equals(organizationId))
                .filter(member -> member.memberId().equals(idOrExternalId) || idOrExternalId.equals(member.externalId()))
                .findFirst();
    }

    public Optional<EmulatedM2mClient> m2mClient(String clientId) {
        return Optional.ofNullable(m2mClients.get(clientId));
    }

    public Optional<SessionData> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /**
     * @param token    a session token
     * @param vertical the vertical of the endpoint
     * @return the active session of that vertical
     * @throws ApiException 404 {@code session_not_found} otherwise
     */
    public SessionData activeSessionByToken(String token, Vertical vertical) {
        String sessionId = sessionIdsByToken.get(token);
        return activeSession(sessionId == null ? null : sessions.get(sessionId), vertical);
    }

    /**
     * @param sessionId a session id
     * @param vertical  the vertical of the endpoint
     * @return the active session of that vertical
     * @throws ApiException 404 {@code session_not_found} otherwise
     */
    public SessionData activeSessionById(String sessionId, Vertical vertical) {
        return activeSession(sessions.get(sessionId), vertical);
    }

    private SessionData activeSession(SessionData session, Vertical vertical) {
        if (session == null || session.vertical() != vertical || !session.isActive(now())) {
            throw ApiException.sessionNotFound();
        }
        return session;
    }

    /**
     * @param vertical  consumer or B2B
     * @param subjectId a user or member id
     * @return the subject's active sessions, oldest first
     */
    public List<SessionData> activeSessions(Vertical vertical, String subjectId) {
        Instant now = now();
        return sessions.values().stream()
                .filter(session -> session.vertical() == vertical && session.subjectId().equals(subjectId) && session.isActive(now))
                .sorted(Comparator.comparing(SessionData::startedAt).thenComparing(SessionData::sessionId))
                .toList();
    }

    /**
     * Atomically changes an active session.
     *
     * @param sessionId the session
     * @param change    the change; may throw an {@link ApiException}, which leaves the session unchanged
     * @return the changed session
     * @throws ApiException 404 {@code session_not_found} if the session is not active (any more)
     */
    public SessionData updateActiveSession(String sessionId, UnaryOperator<SessionData> change) {
        Instant now = now();
        SessionData updated = sessions.computeIfPresent(sessionId,
                (id, session) -> session.isActive(now) ? change.apply(session) : session);
        if (updated == null || !updated.isActive(now)) {
            throw ApiException.sessionNotFound();
        }
        return updated;
    }

    /**
     * @param sessionId a session id
     * @return whether an active session was revoked
     */
    public boolean revoke(String sessionId) {
        Instant now = now();
        boolean[] revoked = {false};
        sessions.computeIfPresent(sessionId, (id, session) -> {
            if (!session.isActive(now)) {
                return session;
            }
            revoked[0] = true;
            return session.asRevoked();
        });
        return revoked[0];
    }

    // ---- RBAC ---------------------------------------------------------------------------------------------------

    public RbacPolicy consumerPolicy() {
        return consumerPolicy.get();
    }

    public void setConsumerPolicy(RbacPolicy policy) {
        consumerPolicy.set(Objects.requireNonNull(policy, "policy"));
    }

    public RbacPolicy b2bPolicy() {
        return b2bPolicy.get();
    }

    public void setB2bPolicy(RbacPolicy policy) {
        b2bPolicy.set(Objects.requireNonNull(policy, "policy"));
    }

    public List<RbacPolicy.Role> organizationRoles(String organizationId) {
        return organizationRoles.getOrDefault(organizationId, List.of());
    }

    public void setOrganizationRoles(String organizationId, List<RbacPolicy.Role> roles) {
        if (!organizations.containsKey(organizationId)) {
            throw new IllegalArgumentException("Unknown organization " + organizationId);
        }
        organizationRoles.put(organizationId, List.copyOf(roles));
    }

    /**
     * @param session a session
     * @return its roles: {@code stytch_user} and the user's roles, or {@code stytch_member} and the member's roles
     */
    public List<String> sessionRoles(SessionData session) {
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        if (session.vertical() == Vertical.CONSUMER) {
            roles.add(RbacPolicy.STYTCH_USER);
            user(session.subjectId()).ifPresent(user -> roles.addAll(user.roles()));
        } else {
            roles.add(RbacPolicy.STYTCH_MEMBER);
            member(session.subjectId()).ifPresent(member -> roles.addAll(member.roles()));
        }
        return List.copyOf(roles);
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    /**
     * @param session a session
     * @return the claims of its JWT apart from {@code iss aud iat nbf exp}: {@code sub}, the session claim, for B2B the
     *         organization claim, and the custom claims at top level
     */
    public Map<String, Object> sessionSubjectClaims(SessionData session) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", session.subjectId());
        claims.put(SESSION_CLAIM, Views.sessionClaim(session, sessionRoles(session)));
        if (session.vertical() == Vertical.B2B) {
            claims.put(ORGANIZATION_CLAIM, organizationClaim(session.organizationId()));
        }
        claims.putAll(session.customClaims());
        return claims;
    }

    private Map<String, Object> organizationClaim(String organizationId) {
        Map<String, Object> organizationClaim = new LinkedHashMap<>();
        organizationClaim.put("organization_id", organizationId);
        organizationClaim.put("slug", organization(organizationId).map(EmulatedOrganization::slug).orElse(""));
        return organizationClaim;
    }

    /**
     * @param subjectId      the user or member the token was granted by
     * @param organizationId the member's organization, or {@code null} for a user
     * @param clientId       the Connected App's client id
     * @param scopes         the granted scopes
     * @return the claims of a Connected-App access token apart from {@code iss aud iat nbf exp}: {@code sub},
     *         {@code client_id}, {@code scope}, a random {@code jti} and, for a member, the organization claim
     */
    public Map<String, Object> connectedAppSubjectClaims(String subjectId, String organizationId, String clientId,
            List<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subjectId);
        claims.put("client_id", clientId);
        claims.put("scope", String.join(" ", scopes));
        claims.put("jti", Ids.sessionToken());
        if (organizationId != null) {
            claims.put(ORGANIZATION_CLAIM, organizationClaim(organizationId));
        }
        return claims;
    }

    /**
     * @param subjectId the user or member
     * @param name      the name, {@code ""} for none
     * @param email     the email address, or {@code null}
     * @return the claims of a Connected-App ID token granted {@code openid profile email}, apart from
     *         {@code iss aud iat nbf exp}: {@code sub}, {@code name}, {@code email} and {@code email_verified}
     */
    public Map<String, Object> idTokenSubjectClaims(String subjectId, String name, String email) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subjectId);
        claims.put("name", name);
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", true);
        }
        return claims;
    }

    /**
     * @param client a client
     * @param scopes the granted scopes
     * @return the claims of its access token apart from {@code iss aud iat nbf exp}: {@code sub}, {@code scope} and
     *         the client's custom claims
     */
    public Map<String, Object> m2mSubjectClaims(EmulatedM2mClient client, List<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", client.clientId());
        claims.put("scope", String.join(" ", scopes));
        claims.putAll(client.customClaims());
        return claims;
    }

    /**
     * Verifies a session JWT the way the Stytch API does: RS256 signature by any key the emulator knows (published or
     * not), issuer and audience; {@code exp} is ignored (an expired JWT of a live session is refreshed).
     *
     * @param jwt      the JWT
     * @param vertical the vertical of the endpoint
     * @return the active session the JWT belongs to
     * @throws ApiException 400 {@code unable_to_parse_session_jwt} (malformed, not RS256, bad signature, unknown key),
     *                      400 {@code jwt_invalid_issuer}, 400 {@code jwt_invalid_audience},
     *                      400 {@code jwt_invalid_claims} (no session claim, wrong subject), or
     *                      404 {@code session_not_found}
     */
    public SessionData activeSessionFromJwt(String jwt, Vertical vertical) {
        JWTClaimsSet claims = verifiedClaims(jwt);
        Object issuer = claims.getClaim("iss");
        if (!stytchIssuer().equals(issuer) && (baseUrl == null || !baseUrl.equals(issuer))) {
            throw ApiException.of(400, "jwt_invalid_issuer", "The JWT has an invalid issuer.");
        }
        Object audience = claims.getClaim("aud");
        if (!(projectId.equals(audience) || audience instanceof List<?> list && list.contains(projectId))) {
            throw ApiException.of(400, "jwt_invalid_audience", "The JWT has an invalid audience.");
        }
        if (!(claims.getClaim(SESSION_CLAIM) instanceof Map<?, ?> sessionClaim && sessionClaim.get("id") instanceof String sessionId)) {
            throw ApiException.of(400, "jwt_invalid_claims", "The JWT has no Stytch session claim.");
        }
        SessionData session = activeSessionById(sessionId, vertical);
        if (!session.subjectId().equals(claims.getClaim("sub"))) {
            throw ApiException.of(400, "jwt_invalid_claims", "The JWT subject does not match its session.");
        }
        return session;
    }

    private JWTClaimsSet verifiedClaims(String jwt) {
        return verify(jwt).orElseThrow(
                () -> ApiException.of(400, "unable_to_parse_session_jwt", "Unable to parse the session JWT."));
    }

    private Optional<JWTClaimsSet> verify(String jwt) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            String kid = signed.getHeader().getKeyID();
            List<EmulatorKey> candidates = kid == null ? keys.known() : keys.find(kid).stream().toList();
            for (EmulatorKey key : candidates) {
                if (signed.verify(new RSASSAVerifier(key.rsaKey().toRSAPublicKey()))) {
                    return Optional.of(signed.getJWTClaimsSet());
                }
            }
            return Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty(); // any malformed input is "unparseable", never a 500
        }
    }
}
