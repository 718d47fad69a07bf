package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST …/sessions/authenticate}, {@code GET …/sessions} and {@code POST …/sessions/revoke} of one vertical.
 *
 * <p>Error types: the documented {@code too_many_session_arguments} (400) and {@code session_not_found} (404); the 403s
 * {@code session_authorization_tenancy_error}, {@code session_authorization_error} (B2B) and
 * {@code consumer_session_authorization_error} (consumer). Chosen from the API's error-type enum where the docs give no
 * status: {@code no_session_arguments}, {@code too_many_session_revoke_arguments}, {@code no_session_revoke_arguments},
 * {@code invalid_session_duration_minutes}, {@code stytch_claims_in_custom_claims}, {@code custom_claims_too_large}
 * (all 400), {@code user_not_found}, {@code organization_not_found}, {@code member_not_found} (404); the JWT errors are
 * listed on {@link EmulatorState#activeSessionFromJwt}.
 *
 * <p>The member-session headers of B2B revoke ({@code X-Stytch-Member-Session}, {@code X-Stytch-Member-SessionJWT}),
 * which make Stytch apply the member's RBAC to the call, are ignored.
 */
public final class SessionEndpoints {

    /** The smallest {@code session_duration_minutes}: 5 minutes. */
    public static final int MIN_DURATION_MINUTES = 5;

    /** The largest {@code session_duration_minutes}: 366 days. */
    public static final int MAX_DURATION_MINUTES = 527_040;

    /** The most bytes of custom claims (as JSON) a session may carry. */
    public static final int MAX_CUSTOM_CLAIMS_BYTES = 4096;

    private final EmulatorState state;
    private final TokenIssuer tokens;
    private final Vertical vertical;

    public SessionEndpoints(EmulatorState state, TokenIssuer tokens, Vertical vertical) {
        this.state = state;
        this.tokens = tokens;
        this.vertical = vertical;
    }

    /**
     * @param request {@code {session_token | session_jwt, session_duration_minutes?, session_custom_claims?,
     *                authorization_check?}}
     * @return the session, its subject, the token and a new JWT, and a {@code verdict} when a check was asked
     */
    public ApiResponse authenticate(ApiRequest request) {
        JsonBody body = request.json();
        String token = body.optionalString("session_token");
        String jwt = body.optionalString("session_jwt");
        Integer minutes = body.optionalInt("session_duration_minutes");
        JsonBody claimsPatch = body.optionalObject("session_custom_claims");
        AuthorizationCheck check = AuthorizationCheck.parse(body.optionalObject("authorization_check"), vertical);
        if (token != null && jwt != null) {
            throw ApiException.of(400, "too_many_session_arguments",
                    "Please include at most one of session_token or session_jwt in an authenticate request, not multiple.");
        }
        if (token == null && jwt == null) {
            throw ApiException.of(400, "no_session_arguments", "Please include a session_token or a session_jwt.");
        }
        if (minutes != null && (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES)) {
            throw ApiException.of(400, "invalid_session_duration_minutes",
                    "session_duration_minutes must be between 5 and 527040.");
        }
        Map<String, Object> patch = claimsPatch == null ? Map.of() : claimsPatch.toMap();
        if (patch.keySet().stream().anyMatch(name -> name.startsWith(JsonValues.STYTCH_CLAIM_PREFIX))) {
            throw ApiException.of(400, "stytch_claims_in_custom_claims", "Custom claims may not use Stytch's claim names.");
        }

        SessionData session = token != null
                ? state.sessions().activeSessionByToken(token, vertical)
                : state.jwtVerifier().activeSession(jwt, vertical);
        List<String> grantingRoles = check == null ? null : authorize(session, check);
        Instant now = state.now();
        SessionData updated = state.sessions().updateActiveSession(session.sessionId(), current -> {
            Map<String, Object> claims = JsonValues.mergeClaims(current.customClaims(), patch);
            if (Json.write(claims).length > MAX_CUSTOM_CLAIMS_BYTES) {
                throw ApiException.of(400, "custom_claims_too_large", "Custom claims may not exceed 4 kilobytes.");
            }
            Instant expiresAt = minutes == null ? current.expiresAt() : now.plus(Duration.ofMinutes(minutes));
            return current.authenticated(now, expiresAt, claims);
        });

        Map<String, Object> fields = new LinkedHashMap<>();
        if (vertical == Vertical.CONSUMER) {
            fields.put("session", Views.consumerSession(updated, state.rbac().sessionRoles(updated)));
            fields.put("session_token", updated.sessionToken());
            fields.put("session_jwt", tokens.sessionJwt(updated));
            fields.put("user", Views.user(userOf(updated)));
        } else {
            EmulatedOrganization organization = organizationOf(updated);
            fields.put("member_session", Views.memberSession(updated, organization.slug(), state.rbac().sessionRoles(updated)));
            fields.put("session_token", updated.sessionToken());
            fields.put("session_jwt", tokens.sessionJwt(updated));
            fields.put("member", Views.member(memberOf(updated)));
            fields.put("organization", Views.organization(organization, state.rbac().organizationRoles(organization.organizationId())));
        }
        if (grantingRoles != null) {
            fields.put("verdict", Map.of("authorized", true, "granting_roles", grantingRoles));
        }
        return ApiResponse.ok(request.requestId(), fields, Map.of());
    }

    /**
     * Consumer: {@code ?user_id=} (a user id or external id). B2B: {@code ?organization_id=&member_id=}, where the
     * organization may be given by id, slug or external id and the member by id or external id.
     *
     * @param request the request
     * @return the subject's active sessions
     */
    public ApiResponse get(ApiRequest request) {
        if (vertical == Vertical.CONSUMER) {
            EmulatedUser user = state.directory().findUser(request.requiredQueryParameter("user_id"))
                    .orElseThrow(() -> ApiException.of(404, "user_not_found", "User could not be found."));
            List<Map<String, Object>> sessions = state.sessions().activeSessions(vertical, user.userId()).stream()
                    .map(session -> Views.consumerSession(session, state.rbac().sessionRoles(session))).toList();
            return ApiResponse.ok(request.requestId(), Map.of("sessions", sessions), Map.of());
        }
        String organizationParameter = request.requiredQueryParameter("organization_id");
        String memberParameter = request.requiredQueryParameter("member_id");
        EmulatedOrganization organization = state.directory().findOrganization(organizationParameter)
                .orElseThrow(SessionEndpoints::organizationNotFound);
        EmulatedMember member = state.directory().findMember(organization.organizationId(), memberParameter)
                .orElseThrow(SessionEndpoints::memberNotFound);
        List<Map<String, Object>> sessions = state.sessions().activeSessions(vertical, member.memberId()).stream()
                .map(session -> Views.memberSession(session, organization.slug(), state.rbac().sessionRoles(session))).toList();
        return ApiResponse.ok(request.requestId(), Map.of("member_sessions", sessions), Map.of());
    }

    /**
     * Consumer: exactly one of {@code session_id}, {@code session_token}, {@code session_jwt}. B2B: exactly one of
     * {@code member_session_id}, {@code session_token}, {@code session_jwt}, {@code member_id} (all the member's
     * sessions). A JWT must be validly signed; its {@code exp} does not matter.
     *
     * @param request the request
     * @return {@code {request_id, status_code}}
     */
    public ApiResponse revoke(ApiRequest request) {
        JsonBody body = request.json();
        String idField = vertical == Vertical.CONSUMER ? "session_id" : "member_session_id";
        String sessionId = body.optionalString(idField);
        String token = body.optionalString("session_token");
        String jwt = body.optionalString("session_jwt");
        String memberId = vertical == Vertical.B2B ? body.optionalString("member_id") : null;
        List<String> given = new ArrayList<>();
        for (String value : new String[] {sessionId, token, jwt, memberId}) {
            if (value != null) {
                given.add(value);
            }
        }
        if (given.size() > 1) {
            throw ApiException.of(400, "too_many_session_revoke_arguments",
                    "Please include exactly one of " + idField + ", session_token, session_jwt"
                            + (vertical == Vertical.B2B ? " or member_id." : "."));
        }
        if (given.isEmpty()) {
            throw ApiException.of(400, "no_session_revoke_arguments",
                    "Please include one of " + idField + ", session_token, session_jwt"
                            + (vertical == Vertical.B2B ? " or member_id." : "."));
        }
        if (memberId != null) {
            EmulatedMember member = state.directory().member(memberId).orElseThrow(SessionEndpoints::memberNotFound);
            state.sessions().activeSessions(vertical, member.memberId()).forEach(session -> state.revokeSession(session.sessionId()));
        } else {
            SessionData session = sessionId != null ? state.sessions().activeSessionById(sessionId, vertical)
                    : token != null ? state.sessions().activeSessionByToken(token, vertical)
                    : state.jwtVerifier().activeSession(jwt, vertical);
            if (!state.revokeSession(session.sessionId())) {
                throw ApiException.sessionNotFound();
            }
        }
        return ApiResponse.ok(request.requestId(), Map.of(), Map.of());
    }

    private List<String> authorize(SessionData session, AuthorizationCheck check) {
        List<EmulatedPolicy.Role> roles = new ArrayList<>();
        if (vertical == Vertical.B2B) {
            if (!check.organizationId().equals(session.organizationId())) {
                throw ApiException.of(403, "session_authorization_tenancy_error",
                        "The organization_id of the authorization check does not match the member's organization.");
            }
            roles.addAll(state.rbac().b2bPolicy().roles());
            roles.addAll(state.rbac().organizationRoles(session.organizationId()));
        } else {
            roles.addAll(state.rbac().consumerPolicy().roles());
        }
        List<String> granting = Authorizer.grantingRoles(roles, state.rbac().sessionRoles(session), check.resourceId(), check.action());
        if (granting.isEmpty()) {
            throw ApiException.of(403,
                    vertical == Vertical.B2B ? "session_authorization_error" : "consumer_session_authorization_error",
                    "The session is not authorized to perform the action on the resource.");
        }
        return granting;
    }

    private EmulatedUser userOf(SessionData session) {
        return state.directory().user(session.subjectId()).orElseThrow(ApiException::sessionNotFound);
    }

    private EmulatedMember memberOf(SessionData session) {
        return state.directory().member(session.subjectId()).orElseThrow(ApiException::sessionNotFound);
    }

    private EmulatedOrganization organizationOf(SessionData session) {
        return state.directory().organization(session.organizationId()).orElseThrow(ApiException::sessionNotFound);
    }

    static ApiException organizationNotFound() {
        return ApiException.of(404, "organization_not_found", "Organization could not be found.");
    }

    private static ApiException memberNotFound() {
        return ApiException.of(404, "member_not_found", "Member could not be found.");
    }

    /** The {@code authorization_check} of an authenticate request. */
    private record AuthorizationCheck(String organizationId, String resourceId, String action) {

        static AuthorizationCheck parse(JsonBody check, Vertical vertical) {
            if (check == null) {
                return null;
            }
            String organizationId = vertical == Vertical.B2B ? check.requiredString("organization_id") : null;
            return new AuthorizationCheck(organizationId, check.requiredString("resource_id"), check.requiredString("action"));
        }
    }
}
