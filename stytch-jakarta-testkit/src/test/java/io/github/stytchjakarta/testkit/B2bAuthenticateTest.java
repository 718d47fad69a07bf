package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.ConsumerAuthenticateTest.assertError;
import static io.github.stytchjakarta.testkit.ConsumerAuthenticateTest.fieldNames;
import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class B2bAuthenticateTest {

    private static final String AUTHENTICATE = "/v1/b2b/sessions/authenticate";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static EmulatedOrganization acme;
    private static EmulatedOrganization globex;

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @BeforeAll
    static void seed() {
        StytchEmulator emulator = STYTCH.emulator();
        emulator.rbac().setB2bPolicy(EmulatedPolicy.defaultB2bPolicy().toBuilder()
                .resource("documents", "Documents", "read", "write", "delete")
                .role("editor", "Edits", EmulatedPolicy.permission("documents", "read", "write"))
                .build());
        acme = emulator.createOrganization(o -> o.name("Acme").slug("acme").externalId("ext-acme"));
        globex = emulator.createOrganization(o -> o.name("Globex").slug("globex"));
        emulator.rbac().setOrganizationRoles(acme.organizationId(),
                List.of(EmulatedPolicy.role("acme-auditor", "Audits", EmulatedPolicy.permission("documents", "read"))));
    }

    @Test
    void authenticateWhenMemberSessionTokenThenMemberSessionMemberOrganizationAndJwt() {
        EmulatedMember alice = emulator.createMember(acme, m -> m.email("alice@acme.test").name("Alice").roles("editor")
                .externalId("ext-alice"));
        Instant startedAt = emulator.clock().instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        EmulatedSession session = emulator.createMemberSession(alice, s -> s.duration(Duration.ofMinutes(30)).startedAt(startedAt));

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_token", session.sessionToken()));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(fieldNames(json)).containsExactlyInAnyOrder("request_id", "member_session", "session_token", "session_jwt",
                "member", "organization", "status_code");
        JsonNode memberSession = json.get("member_session");
        assertThat(memberSession.get("member_session_id").asText()).isEqualTo(session.sessionId()).startsWith("member-session-test-");
        assertThat(memberSession.get("member_id").asText()).isEqualTo(alice.memberId()).startsWith("member-test-");
        assertThat(memberSession.get("organization_id").asText()).isEqualTo(acme.organizationId()).startsWith("organization-test-");
        assertThat(memberSession.get("organization_slug").asText()).isEqualTo("acme");
        assertThat(memberSession.get("roles")).extracting(JsonNode::asText).containsExactly("stytch_member", "editor");
        assertThat(memberSession.get("started_at").asText()).isEqualTo(startedAt.toString());
        assertThat(session.memberId()).isEqualTo(alice.memberId());
        assertThat(session.userId()).isNull();
        assertThat(session.authenticationFactors()).singleElement()
                .satisfies(factor -> assertThat(factor.deliveryMethod()).isEqualTo("email"));
        JsonNode member = json.get("member");
        assertThat(member.get("email_address").asText()).isEqualTo("alice@acme.test");
        assertThat(member.get("external_id").asText()).isEqualTo("ext-alice");
        assertThat(member.get("roles").get(1).get("role_id").asText()).isEqualTo("editor");
        assertThat(member.get("roles").get(1).get("sources").get(0).get("type").asText()).isEqualTo("direct_assignment");
        assertThat(member.get("is_admin").asBoolean()).isFalse();
        JsonNode organization = json.get("organization");
        assertThat(organization.get("organization_name").asText()).isEqualTo("Acme");
        assertThat(organization.get("organization_external_id").asText()).isEqualTo("ext-acme");
        assertThat(organization.get("custom_roles").get(0).get("role_id").asText()).isEqualTo("acme-auditor");
        assertThat(organization.get("email_allowed_domains").isArray()).isTrue();

        JWTClaimsSet claims = TestJwts.verifiedClaims(emulator, json.get("session_jwt").asText());
        assertThat(claims.getSubject()).isEqualTo(alice.memberId());
        assertThat(claims.getClaim("https://stytch.com/organization"))
                .isEqualTo(Map.of("organization_id", acme.organizationId(), "slug", "acme"));
        @SuppressWarnings("unchecked")
        Map<String, Object> sessionClaim = (Map<String, Object>) claims.getClaim("https://stytch.com/session");
        assertThat(sessionClaim.get("roles")).isEqualTo(List.of("stytch_member", "editor"));
    }

    @Test
    void authenticateWhenAuthorizationCheckGrantedByProjectRoleThenVerdict() {
        EmulatedSession session = memberSession(acme, "editor");

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_jwt", session.sessionJwt(),
                "authorization_check", check(acme, "documents", "write")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("verdict").get("granting_roles")).extracting(JsonNode::asText).containsExactly("editor");
    }

    @Test
    void authenticateWhenAuthorizationCheckGrantedByOrganizationRoleThenVerdict() {
        EmulatedSession session = memberSession(acme, "acme-auditor");

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", check(acme, "documents", "read")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("verdict").get("granting_roles")).extracting(JsonNode::asText)
                .containsExactly("acme-auditor");
    }

    @Test
    void authenticateWhenStytchMemberChecksSelfThenGrantedByWildcard() {
        EmulatedSession session = memberSession(globex);

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", check(globex, "stytch.self", "revoke-sessions")));

        assertThat(answer.json().get("verdict").get("granting_roles")).extracting(JsonNode::asText)
                .containsExactly("stytch_member");
    }

    @Test
    void authenticateWhenOtherOrganizationThen403TenancyErrorBeforePermission() {
        EmulatedSession session = memberSession(acme, "editor");

        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", check(globex, "documents", "read"))), 403, "session_authorization_tenancy_error");
        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", check(globex, "nothing", "nothing"))), 403, "session_authorization_tenancy_error");
    }

    @Test
    void authenticateWhenPermissionMissingThen403SessionAuthorizationError() {
        EmulatedSession session = memberSession(acme, "editor");

        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", check(acme, "documents", "delete"))), 403, "session_authorization_error");
    }

    @Test
    void authenticateWhenPolicyChangedAtRunTimeThenNextCheckUsesIt() {
        EmulatedSession session = memberSession(acme, "reviewer");
        Map<String, Object> request = body("session_token", session.sessionToken(),
                "authorization_check", check(acme, "documents", "read"));
        assertThat(http.post(AUTHENTICATE, request).status()).isEqualTo(403);
        EmulatedPolicy before = emulator.rbac().b2bPolicy();

        emulator.rbac().setB2bPolicy(before.toBuilder().role("reviewer", "", EmulatedPolicy.permission("documents", "read")).build());
        try {
            assertThat(http.post(AUTHENTICATE, request).status()).isEqualTo(200);
        } finally {
            emulator.rbac().setB2bPolicy(before);
        }
    }

    @Test
    void authenticateWhenCheckLacksOrganizationIdThen400() {
        EmulatedSession session = memberSession(acme, "editor");

        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", body("resource_id", "documents", "action", "read"))), 400, "bad_request");
    }

    @Test
    void authenticateWhenConsumerSessionOnB2bEndpointThen404() {
        EmulatedSession consumer = emulator.createSession(emulator.createUser(u -> u.email("c@example.com")), s -> { });

        assertError(http.post(AUTHENTICATE, body("session_token", consumer.sessionToken())), 404, "session_not_found");
        assertError(http.post(AUTHENTICATE, body("session_jwt", consumer.sessionJwt())), 404, "session_not_found");
    }

    @Test
    void authenticateWhenDurationGivenThenExtendedElseNot() {
        EmulatedSession session = memberSession(acme);
        Instant expiry = session.expiresAt();

        http.post(AUTHENTICATE, body("session_jwt", emulator.tokens().jwt(session).expired().mint()));
        assertThat(session.expiresAt()).isEqualTo(expiry);

        http.post(AUTHENTICATE, body("session_token", session.sessionToken(), "session_duration_minutes", 600));
        assertThat(session.expiresAt()).isAfter(expiry);
    }

    private EmulatedSession memberSession(EmulatedOrganization organization, String... roles) {
        EmulatedMember member = emulator.createMember(organization, m -> m.roles(roles));
        return emulator.createMemberSession(member, s -> { });
    }

    private static Map<String, Object> check(EmulatedOrganization organization, String resource, String action) {
        return body("organization_id", organization.organizationId(), "resource_id", resource, "action", action);
    }
}
