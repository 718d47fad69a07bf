package io.github.stytchjakarta.testkit.conformance;

import static io.github.stytchjakarta.testkit.conformance.StytchSdkClients.apiError;
import static io.github.stytchjakarta.testkit.conformance.StytchSdkClients.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.stytch.java.b2b.StytchB2BClient;
import com.stytch.java.b2b.models.organizations.MemberRole;
import com.stytch.java.b2b.models.rbac.Policy;
import com.stytch.java.b2b.models.rbac.PolicyRequest;
import com.stytch.java.b2b.models.rbac.PolicyResource;
import com.stytch.java.b2b.models.rbac.PolicyRole;
import com.stytch.java.b2b.models.rbacorganizations.GetOrgPolicyRequest;
import com.stytch.java.b2b.models.sessions.AuthenticateRequest;
import com.stytch.java.b2b.models.sessions.AuthenticateResponse;
import com.stytch.java.b2b.models.sessions.AuthorizationCheck;
import com.stytch.java.b2b.models.sessions.GetRequest;
import com.stytch.java.b2b.models.sessions.MemberSession;
import com.stytch.java.b2b.models.sessions.RevokeRequest;
import com.stytch.java.b2b.models.sessions.RevokeRequestOptions;
import com.stytch.java.common.ErrorResponse;
import io.github.stytchjakarta.testkit.EmulatedFactors;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official Stytch Java SDK, unchanged, against the emulator (B2B vertical): its B2B models
 * need many more non-null fields than the spec requires (stytch-semantics.md 3.3), and its
 * {@code authenticateJwt} runs the local RBAC check (tenancy first) against the emulator's policy
 * and org policy, falling back to the emulator's own check on any local failure.
 */
class OfficialSdkB2bTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static final EmulatedPolicy DOCUMENTS_POLICY = EmulatedPolicy.builder()
            .role(EmulatedPolicy.STYTCH_MEMBER, "Every member", EmulatedPolicy.permission("stytch.self", "*"))
            .role("editor", "Edits documents", EmulatedPolicy.permission("documents", "read", "write"))
            .resource("documents", "Documents", "read", "write", "delete")
            .build();

    private StytchEmulator emulator;
    private StytchB2BClient stytch;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        emulator.faults().clear();
        emulator.rbac().setB2bPolicy(DOCUMENTS_POLICY);
        stytch = StytchSdkClients.b2b(emulator);
    }

    @AfterEach
    void closeClient() {
        stytch.close();
    }

    @Test
    void sessionsGetWhenIdsOrSlugAndExternalIdThenSdkParsesMemberSessions() {
        Fixture acme = fixture("get", "editor");

        List<MemberSession> byIds = success(stytch.getSessions().getCompletable(
                new GetRequest(acme.organization().organizationId(), acme.member().memberId()))).getMemberSessions();
        List<MemberSession> byConveniences = success(stytch.getSessions().getCompletable(
                new GetRequest(acme.organization().slug(), acme.member().externalId()))).getMemberSessions();

        assertThat(byIds).extracting(MemberSession::getMemberSessionId).containsExactly(acme.session().sessionId());
        assertThat(byConveniences).isEqualTo(byIds);
        assertThat(byIds.get(0).getOrganizationSlug()).isEqualTo(acme.organization().slug());
        assertThat(byIds.get(0).getRoles()).containsExactlyInAnyOrder(EmulatedPolicy.STYTCH_MEMBER, "editor");
    }

    @Test
    void sessionsAuthenticateWhenTokenThenSdkParsesMemberOrganizationAndSession() {
        Fixture acme = fixture("authenticate", "editor");

        AuthenticateResponse response = success(stytch.getSessions().authenticateCompletable(
                new AuthenticateRequest(acme.session().sessionToken())));

        assertThat(response.getSessionToken()).isEqualTo(acme.session().sessionToken());
        assertThat(response.getSessionJWT()).isNotEmpty();
        assertThat(response.getMemberSession().getMemberSessionId()).isEqualTo(acme.session().sessionId());
        assertThat(response.getMember().getMemberId()).isEqualTo(acme.member().memberId());
        assertThat(response.getMember().getEmailAddress()).isEqualTo(acme.member().email());
        assertThat(response.getMember().getExternalId()).isEqualTo(acme.member().externalId());
        assertThat(response.getMember().getRoles()).extracting(MemberRole::getRoleId)
                .contains(EmulatedPolicy.STYTCH_MEMBER, "editor");
        assertThat(response.getOrganization().getOrganizationId()).isEqualTo(acme.organization().organizationId());
        assertThat(response.getOrganization().getOrganizationSlug()).isEqualTo(acme.organization().slug());
        assertThat(response.getOrganization().getOrganizationName()).isEqualTo(acme.organization().name());
    }

    @Test
    void sessionsAuthenticateWhenJwtWithCustomClaimsThenSdkParsesMergedClaims() {
        Fixture acme = fixture("claims", "editor");

        MemberSession session = success(stytch.getSessions().authenticateCompletable(new AuthenticateRequest(null, 60,
                acme.session().sessionJwt(), Map.of("team", "blue")))).getMemberSession();

        assertThat(session.getCustomClaims()).containsEntry("team", "blue");
    }

    @Test
    void sessionsAuthenticateWhenAuthorizationCheckThenSdkParsesVerdict() {
        Fixture acme = fixture("verdict", "editor");

        AuthenticateResponse response = success(stytch.getSessions().authenticateCompletable(new AuthenticateRequest(
                acme.session().sessionToken(), null, null, Map.of(),
                new AuthorizationCheck(acme.organization().organizationId(), "documents", "write"))));

        assertThat(response.getVerdict().getAuthorized()).isTrue();
        assertThat(response.getVerdict().getGrantingRoles()).containsExactly("editor");
    }

    @Test
    void authenticateJwtWhenAuthorizationAllowedThenDecidedLocallyFromEmulatorPolicy() {
        Fixture acme = fixture("allowed", "editor");
        emulator.requestLog().clear();

        MemberSession session = success(stytch.getSessions().authenticateJwtCompletable(acme.session().sessionJwt(), null,
                new AuthorizationCheck(acme.organization().organizationId(), "documents", "read")));

        assertThat(session.getMemberSessionId()).isEqualTo(acme.session().sessionId());
        assertThat(session.getOrganizationId()).isEqualTo(acme.organization().organizationId());
        assertThat(emulator.requestLog().requests("/v1/b2b/sessions/authenticate")).isEmpty();
        assertThat(emulator.requestLog().requests("/v1/b2b/rbac/policy")).extracting(RecordedRequest::status).contains(200);
        assertThat(emulator.requestLog().requests("/v1/b2b/sessions/jwks/")).isNotEmpty();
    }

    @Test
    void authenticateJwtWhenOrgCustomRoleGrantsThenAllowedLocally() {
        Fixture acme = fixture("custom-role", "auditor");
        emulator.rbac().setOrganizationRoles(acme.organization().organizationId(),
                List.of(EmulatedPolicy.role("auditor", "Audits", EmulatedPolicy.permission("documents", "delete"))));
        emulator.requestLog().clear();

        MemberSession session = success(stytch.getSessions().authenticateJwtCompletable(acme.session().sessionJwt(), null,
                new AuthorizationCheck(acme.organization().organizationId(), "documents", "delete")));

        assertThat(session.getRoles()).contains("auditor");
        assertThat(emulator.requestLog().requests("/v1/b2b/rbac/organizations/")).isNotEmpty();
        assertThat(emulator.requestLog().requests("/v1/b2b/sessions/authenticate")).isEmpty();
    }

    @Test
    void authenticateJwtWhenPermissionMissingThenRemoteFallbackGives403AuthorizationError() {
        Fixture acme = fixture("denied", "editor");
        emulator.requestLog().clear();

        ErrorResponse error = apiError(stytch.getSessions().authenticateJwtCompletable(acme.session().sessionJwt(), null,
                new AuthorizationCheck(acme.organization().organizationId(), "documents", "delete")));

        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(error.getErrorType()).isEqualTo("session_authorization_error");
        assertThat(emulator.requestLog().requests("/v1/b2b/sessions/authenticate")).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("authorization_check", "delete"));
    }

    @Test
    void authenticateJwtWhenOtherOrganizationThenRemoteFallbackGives403TenancyError() {
        Fixture acme = fixture("tenant", "editor");
        EmulatedOrganization other = emulator.createOrganization(o -> o.name("Other").slug("sdk-other-tenant"));

        ErrorResponse error = apiError(stytch.getSessions().authenticateJwtCompletable(acme.session().sessionJwt(), null,
                new AuthorizationCheck(other.organizationId(), "documents", "read")));

        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(error.getErrorType()).isEqualTo("session_authorization_tenancy_error");
    }

    @Test
    void authenticateJwtWhenJwtExpiredThenRemoteFallbackReturnsMemberSession() {
        Fixture acme = fixture("expired", "editor");
        String expired = emulator.tokens().jwt(acme.session()).expired().mint();
        emulator.requestLog().clear();

        MemberSession session = success(stytch.getSessions().authenticateJwtCompletable(expired, null,
                new AuthorizationCheck(acme.organization().organizationId(), "documents", "write")));

        assertThat(session.getMemberSessionId()).isEqualTo(acme.session().sessionId());
        assertThat(emulator.requestLog().requests("/v1/b2b/sessions/authenticate")).extracting(RecordedRequest::status)
                .containsExactly(200);
    }

    @Test
    void sessionsRevokeWhenEachFormThenSdkSeesSessionNotFound() {
        Fixture byId = fixture("revoke-id", "editor");
        Fixture byToken = fixture("revoke-token", "editor");
        Fixture byJwt = fixture("revoke-jwt", "editor");
        Fixture byMember = fixture("revoke-member", "editor");
        RevokeRequestOptions noMemberAuthorization = new RevokeRequestOptions();

        success(stytch.getSessions().revokeCompletable(new RevokeRequest(byId.session().sessionId()), noMemberAuthorization));
        success(stytch.getSessions().revokeCompletable(new RevokeRequest(null, byToken.session().sessionToken()),
                noMemberAuthorization));
        success(stytch.getSessions().revokeCompletable(new RevokeRequest(null, null, byJwt.session().sessionJwt()),
                noMemberAuthorization));
        success(stytch.getSessions().revokeCompletable(new RevokeRequest(null, null, null, byMember.member().memberId()),
                noMemberAuthorization));

        for (Fixture revoked : List.of(byId, byToken, byJwt, byMember)) {
            ErrorResponse error = apiError(stytch.getSessions().authenticateCompletable(
                    new AuthenticateRequest(revoked.session().sessionToken())));
            assertThat(error.getStatusCode()).isEqualTo(404);
            assertThat(error.getErrorType()).isEqualTo("session_not_found");
        }
    }

    @Test
    void rbacPolicyWhenDefaultThenSdkParsesReservedRolesAndResources() {
        emulator.rbac().setB2bPolicy(EmulatedPolicy.defaultB2bPolicy());

        Policy policy = success(stytch.getRbac().policyCompletable(new PolicyRequest())).getPolicy();

        assertThat(policy.getRoles()).extracting(PolicyRole::getRoleId)
                .contains(EmulatedPolicy.STYTCH_MEMBER, EmulatedPolicy.STYTCH_ADMIN);
        assertThat(policy.getResources()).extracting(PolicyResource::getResourceId)
                .contains("stytch.organization", "stytch.member", "stytch.self");
    }

    @Test
    void rbacOrgPolicyWhenCustomRolesSetThenSdkParsesThem() {
        Fixture acme = fixture("org-policy", "editor");
        emulator.rbac().setOrganizationRoles(acme.organization().organizationId(),
                List.of(EmulatedPolicy.role("auditor", "Audits", EmulatedPolicy.permission("documents", "read"))));

        List<PolicyRole> roles = success(stytch.getRbac().getOrganizations().getOrgPolicyCompletable(
                new GetOrgPolicyRequest(acme.organization().organizationId()))).getOrgPolicy().getRoles();

        assertThat(roles).extracting(PolicyRole::getRoleId).containsExactly("auditor");
    }

    private Fixture fixture(String name, String role) {
        EmulatedOrganization organization = emulator.createOrganization(o -> o.name("Acme " + name).slug("sdk-" + name)
                .externalId("ext-org-" + name));
        EmulatedMember member = emulator.createMember(organization, m -> m.email("alice@" + name + ".test").name("Alice")
                .roles(role).externalId("ext-alice-" + name));
        EmulatedSession session = emulator.createMemberSession(member, s -> s.duration(Duration.ofMinutes(30))
                .factor(EmulatedFactors.emailMagicLink(member.email()))
                .factor(EmulatedFactors.samlSso("saml-connection-test-1", "alice")));
        return new Fixture(organization, member, session);
    }

    private record Fixture(EmulatedOrganization organization, EmulatedMember member, EmulatedSession session) {
    }
}
