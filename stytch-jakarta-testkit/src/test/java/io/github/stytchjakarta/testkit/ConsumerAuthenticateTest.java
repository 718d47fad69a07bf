package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsumerAuthenticateTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String AUTHENTICATE = "/v1/sessions/authenticate";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @Test
    void authenticateWhenSessionTokenThenSessionUserTokenAndFreshJwt() {
        EmulatedUser user = emulator.createUser(u -> u.email("ada@example.com").name("Ada Lovelace").roles("editor"));
        EmulatedSession session = emulator.createSession(user, s -> s.duration(Duration.ofHours(1))
                .attributes("203.0.113.7", "Mozilla/5.0").customClaim("tier", "gold"));

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_token", session.sessionToken()));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(fieldNames(json)).containsExactlyInAnyOrder("request_id", "session", "session_token", "session_jwt",
                "user", "status_code");
        assertThat(json.get("session_token").asText()).isEqualTo(session.sessionToken()).hasSize(44);
        JsonNode sessionJson = json.get("session");
        assertThat(sessionJson.get("session_id").asText()).isEqualTo(session.sessionId()).startsWith("session-test-");
        assertThat(sessionJson.get("user_id").asText()).isEqualTo(user.userId()).startsWith("user-test-");
        assertThat(sessionJson.get("roles")).extracting(JsonNode::asText).containsExactly("stytch_user", "editor");
        assertThat(sessionJson.get("attributes").get("ip_address").asText()).isEqualTo("203.0.113.7");
        assertThat(sessionJson.get("custom_claims").get("tier").asText()).isEqualTo("gold");
        assertThat(sessionJson.get("expires_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode factor = sessionJson.get("authentication_factors").get(0);
        assertThat(factor.get("type").asText()).isEqualTo("magic_link");
        assertThat(factor.get("delivery_method").asText()).isEqualTo("email");
        assertThat(factor.get("email_factor").get("email_address").asText()).isEqualTo("ada@example.com");
        assertThat(factor.get("email_factor").get("email_id").asText()).isEqualTo(user.emailId());
        JsonNode userJson = json.get("user");
        assertThat(userJson.get("emails").get(0).get("email").asText()).isEqualTo("ada@example.com");
        assertThat(userJson.get("name").get("first_name").asText()).isEqualTo("Ada");
        assertThat(userJson.get("name").get("last_name").asText()).isEqualTo("Lovelace");
        assertThat(userJson.get("phone_numbers").isArray()).isTrue();
        assertThat(userJson.get("is_locked").asBoolean()).isFalse();

        JWTClaimsSet claims = TestJwts.verifiedClaims(emulator, json.get("session_jwt").asText());
        assertThat(claims.getSubject()).isEqualTo(user.userId());
        assertThat(claims.getIssuer()).isEqualTo("stytch.com/" + emulator.projectId());
        assertThat(claims.getAudience()).containsExactly(emulator.projectId());
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plus(JwtMinter.SESSION_JWT_LIFETIME));
        assertThat(claims.getClaim("tier")).isEqualTo("gold");
        @SuppressWarnings("unchecked")
        Map<String, Object> sessionClaim = (Map<String, Object>) claims.getClaim("https://stytch.com/session");
        assertThat(sessionClaim).containsKeys("id", "started_at", "last_accessed_at", "expires_at", "attributes",
                "authentication_factors", "roles");
        assertThat(sessionClaim.get("id")).isEqualTo(session.sessionId());
        assertThat(sessionClaim.get("roles")).isEqualTo(List.of("stytch_user", "editor"));
    }

    @Test
    void authenticateWhenExpiredJwtOfLiveSessionThenNewValidJwt() throws Exception {
        EmulatedSession session = newSession();
        String expired = emulator.tokens().jwt(session).expired().mint();
        assertThat(TestJwts.parse(expired).getJWTClaimsSet().getExpirationTime()).isBefore(Date.from(CLOCK.instant()));

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_jwt", expired));

        assertThat(answer.status()).isEqualTo(200);
        String fresh = answer.json().get("session_jwt").asText();
        assertThat(fresh).isNotEqualTo(expired);
        assertThat(TestJwts.verifiedClaims(emulator, fresh).getExpirationTime()).isAfter(Date.from(CLOCK.instant()));
    }

    @Test
    void authenticateWhenJwtSignedByUnpublishedEmulatorKeyThenAccepted() {
        EmulatedSession session = newSession();
        EmulatorKey unpublished = emulator.keys().generateUnpublished();

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE,
                body("session_jwt", emulator.tokens().jwt(session).signedWith(unpublished).mint()));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void authenticateWhenJwtSignedByForeignKeyThen400UnableToParse() {
        EmulatedSession session = newSession();
        try (StytchEmulator other = StytchEmulator.builder().build()) {
            String forged = emulator.tokens().jwt(session).signedWith(other.keys().signingKey())
                    .keyId(emulator.keys().signingKey().kid()).mint();

            assertError(http.post(AUTHENTICATE, body("session_jwt", forged)), 400, "unable_to_parse_session_jwt");
        }
    }

    @Test
    void authenticateWhenJwtIsGarbageThen400UnableToParse() {
        assertError(http.post(AUTHENTICATE, body("session_jwt", "not.a.jwt")), 400, "unable_to_parse_session_jwt");
        assertError(http.post(AUTHENTICATE, body("session_jwt", "eyJhbGciOiJub25lIn0.e30.")), 400, "unable_to_parse_session_jwt");
    }

    @Test
    void authenticateWhenJwtHasWrongIssuerOrAudienceThen400() {
        EmulatedSession session = newSession();

        assertError(http.post(AUTHENTICATE, body("session_jwt", emulator.tokens().jwt(session).issuer("stytch.com/other").mint())),
                400, "jwt_invalid_issuer");
        assertError(http.post(AUTHENTICATE, body("session_jwt", emulator.tokens().jwt(session).audience("other").mint())),
                400, "jwt_invalid_audience");
        assertError(http.post(AUTHENTICATE, body("session_jwt", emulator.tokens().jwt(session).removeClaim("https://stytch.com/session").mint())),
                400, "jwt_invalid_claims");
    }

    @Test
    void authenticateWhenJwtWithBaseUrlIssuerThenAccepted() {
        EmulatedSession session = newSession();

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE,
                body("session_jwt", emulator.tokens().jwt(session).issuer(emulator.baseUrl().toString()).mint()));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void authenticateWhenNoDurationThenExpiryUnchangedAndWhenDurationThenExtendedFromNow() {
        EmulatedSession session = newSession();
        Instant expiry = session.expiresAt();
        CLOCK.advance(Duration.ofMinutes(10));

        http.post(AUTHENTICATE, body("session_token", session.sessionToken()));

        assertThat(session.expiresAt()).isEqualTo(expiry);
        assertThat(session.lastAccessedAt()).isEqualTo(CLOCK.instant());

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "session_duration_minutes", 120));

        assertThat(session.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(120)));
        assertThat(Instant.parse(answer.json().get("session").get("expires_at").asText())).isEqualTo(session.expiresAt());
    }

    @Test
    void authenticateWhenDurationOutOfRangeOrWrongTypeThen400() {
        EmulatedSession session = newSession();

        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(), "session_duration_minutes", 4)),
                400, "invalid_session_duration_minutes");
        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(), "session_duration_minutes", "60")),
                400, "bad_request");
    }

    @Test
    void authenticateWhenCustomClaimsThenMergedIntoSessionAndJwt() throws Exception {
        EmulatedUser user = emulator.createUser(u -> u.email("merge@example.com"));
        EmulatedSession session = emulator.createSession(user, s -> s.customClaim("keep", "k").customClaim("replace", 1)
                .customClaim("drop", true).customClaim("nested", Map.of("a", 1, "b", 2)));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("replace", 2);
        patch.put("drop", null);
        patch.put("added", "new");
        patch.put("nested", body("b", null, "c", 3));
        patch.put("sub", "ignored");

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "session_custom_claims", patch));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(session.customClaims()).containsOnlyKeys("keep", "replace", "nested", "added");
        assertThat(session.customClaims().get("replace")).isEqualTo(2);
        assertThat(session.customClaims().get("nested")).isEqualTo(Map.of("a", 1, "c", 3));
        JWTClaimsSet claims = TestJwts.verifiedClaims(emulator, answer.json().get("session_jwt").asText());
        assertThat(claims.getClaim("added")).isEqualTo("new");
        assertThat(claims.getClaim("drop")).isNull();
        assertThat(claims.getSubject()).isEqualTo(user.userId());
    }

    @Test
    void authenticateWhenAuthorizationCheckGrantedThenVerdictWithGrantingRoles() {
        emulator.rbac().setConsumerPolicy(EmulatedPolicy.defaultConsumerPolicy().toBuilder()
                .resource("documents", "", "read", "write")
                .role("editor", "", EmulatedPolicy.permission("documents", "read", "write"))
                .role("admin", "", EmulatedPolicy.permission("documents", "*"))
                .build());
        EmulatedUser user = emulator.createUser(u -> u.email("check@example.com").roles("editor", "admin"));
        EmulatedSession session = emulator.createSession(user, s -> { });

        EmulatorHttp.Answer answer = http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", body("resource_id", "documents", "action", "write")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("verdict").get("authorized").asBoolean()).isTrue();
        assertThat(answer.json().get("verdict").get("granting_roles")).extracting(JsonNode::asText)
                .containsExactly("editor", "admin");
    }

    @Test
    void authenticateWhenAuthorizationCheckDeniedThen403ConsumerSessionAuthorizationError() {
        EmulatedSession session = newSession();

        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", body("resource_id", "documents", "action", "delete"))),
                403, "consumer_session_authorization_error");
        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(),
                "authorization_check", body("resource_id", "documents"))), 400, "bad_request");
    }

    @Test
    void authenticateWhenRevokedUnknownOrExpiredThen404SessionNotFound() {
        EmulatedSession revoked = newSession();
        String jwt = revoked.sessionJwt();
        emulator.revokeSession(revoked.sessionId());
        EmulatedSession expiring = emulator.createSession(emulator.createUser(u -> { }), s -> s.duration(Duration.ofMinutes(5)));

        assertError(http.post(AUTHENTICATE, body("session_token", revoked.sessionToken())), 404, "session_not_found");
        assertError(http.post(AUTHENTICATE, body("session_jwt", jwt)), 404, "session_not_found");
        assertError(http.post(AUTHENTICATE, body("session_token", "x".repeat(44))), 404, "session_not_found");
        CLOCK.advance(Duration.ofMinutes(6));
        assertError(http.post(AUTHENTICATE, body("session_token", expiring.sessionToken())), 404, "session_not_found");
    }

    @Test
    void authenticateWhenB2bSessionTokenThen404() {
        EmulatedOrganization organization = emulator.createOrganization(o -> { });
        EmulatedSession memberSession = emulator.createMemberSession(emulator.createMember(organization, m -> { }), s -> { });

        assertError(http.post(AUTHENTICATE, body("session_token", memberSession.sessionToken())), 404, "session_not_found");
    }

    @Test
    void authenticateWhenBothOrNeitherTokenAndJwtThen400() {
        EmulatedSession session = newSession();

        assertError(http.post(AUTHENTICATE, body("session_token", session.sessionToken(), "session_jwt", session.sessionJwt())),
                400, "too_many_session_arguments");
        assertError(http.post(AUTHENTICATE, body()), 400, "no_session_arguments");
        assertError(http.post(AUTHENTICATE, body("session_custom_claims", Map.of())), 400, "no_session_arguments");
    }

    private EmulatedSession newSession() {
        EmulatedUser user = emulator.createUser(u -> u.email("user-" + System.nanoTime() + "@example.com"));
        return emulator.createSession(user, s -> s.duration(Duration.ofHours(1)));
    }

    static void assertError(EmulatorHttp.Answer answer, int status, String errorType) {
        assertThat(answer.status()).as("status").isEqualTo(status);
        assertThat(fieldNames(answer.json())).containsExactlyInAnyOrder("status_code", "request_id", "error_type",
                "error_message", "error_url");
        assertThat(answer.json().get("status_code").asInt()).isEqualTo(status);
        assertThat(answer.json().get("error_type").asText()).isEqualTo(errorType);
        assertThat(answer.json().get("error_url").asText()).isEqualTo("https://stytch.com/docs/api/errors/" + status);
        assertThat(answer.json().get("request_id").asText()).startsWith("request-id-test-");
        assertThat(answer.json().get("error_message").asText()).isNotBlank();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
