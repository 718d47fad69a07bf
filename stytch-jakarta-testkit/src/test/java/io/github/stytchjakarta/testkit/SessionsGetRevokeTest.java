package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.ConsumerAuthenticateTest.assertError;
import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionsGetRevokeTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @Test
    void getWhenUserHasActiveAndRevokedSessionsThenOnlyActiveListed() {
        EmulatedUser user = emulator.createUser(u -> u.email("list@example.com").externalId("ext-list-user"));
        EmulatedSession first = emulator.createSession(user, s -> { });
        EmulatedSession second = emulator.createSession(user, s -> { });
        EmulatedSession revoked = emulator.createSession(user, s -> { });
        emulator.revokeSession(revoked.sessionId());

        EmulatorHttp.Answer byId = http.get("/v1/sessions?user_id=" + user.userId());
        EmulatorHttp.Answer byExternalId = http.get("/v1/sessions?user_id=ext-list-user");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(ids(byId.json().get("sessions"), "session_id")).containsExactlyInAnyOrder(first.sessionId(), second.sessionId());
        assertThat(ids(byExternalId.json().get("sessions"), "session_id")).containsExactlyInAnyOrder(first.sessionId(), second.sessionId());
    }

    @Test
    void getWhenUserUnknownOrMissingThen404Or400() {
        assertError(http.get("/v1/sessions?user_id=user-test-unknown"), 404, "user_not_found");
        assertError(http.get("/v1/sessions"), 400, "bad_request");
    }

    @Test
    void getB2bWhenOrganizationBySlugOrExternalIdAndMemberByExternalIdThenSameSessions() {
        EmulatedOrganization organization = emulator.createOrganization(o -> o.slug("listing-org").externalId("ext-listing-org"));
        EmulatedMember member = emulator.createMember(organization, m -> m.externalId("ext-listed-member"));
        EmulatedSession session = emulator.createMemberSession(member, s -> { });
        emulator.createMemberSession(emulator.createMember(organization, m -> { }), s -> { });

        for (String organizationParameter : List.of(organization.organizationId(), "listing-org", "ext-listing-org")) {
            for (String memberParameter : List.of(member.memberId(), "ext-listed-member")) {
                EmulatorHttp.Answer answer = http.get("/v1/b2b/sessions?organization_id=" + encode(organizationParameter)
                        + "&member_id=" + encode(memberParameter));

                assertThat(answer.status()).isEqualTo(200);
                assertThat(ids(answer.json().get("member_sessions"), "member_session_id")).containsExactly(session.sessionId());
            }
        }
    }

    @Test
    void getB2bWhenOrganizationOrMemberUnknownThen404AndWhenMissingThen400() {
        EmulatedOrganization organization = emulator.createOrganization(o -> { });
        EmulatedOrganization other = emulator.createOrganization(o -> { });
        EmulatedMember member = emulator.createMember(organization, m -> { });

        assertError(http.get("/v1/b2b/sessions?organization_id=nope&member_id=" + member.memberId()), 404, "organization_not_found");
        assertError(http.get("/v1/b2b/sessions?organization_id=" + other.organizationId() + "&member_id=" + member.memberId()),
                404, "member_not_found");
        assertError(http.get("/v1/b2b/sessions?organization_id=" + organization.organizationId()), 400, "bad_request");
    }

    @Test
    void revokeWhenBySessionIdTokenOrJwtThenSessionInactive() {
        EmulatedUser user = emulator.createUser(u -> { });
        EmulatedSession byId = emulator.createSession(user, s -> { });
        EmulatedSession byToken = emulator.createSession(user, s -> { });
        EmulatedSession byJwt = emulator.createSession(user, s -> { });

        assertThat(http.post("/v1/sessions/revoke", body("session_id", byId.sessionId())).status()).isEqualTo(200);
        assertThat(http.post("/v1/sessions/revoke", body("session_token", byToken.sessionToken())).status()).isEqualTo(200);
        EmulatorHttp.Answer answer = http.post("/v1/sessions/revoke", body("session_jwt", emulator.tokens().jwt(byJwt).expired().mint()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(ConsumerAuthenticateTest.fieldNames(answer.json())).containsExactlyInAnyOrder("request_id", "status_code");
        assertThat(List.of(byId, byToken, byJwt)).noneMatch(EmulatedSession::isActive);
        assertError(http.post("/v1/sessions/authenticate", body("session_token", byToken.sessionToken())), 404, "session_not_found");
        assertError(http.post("/v1/sessions/revoke", body("session_id", byId.sessionId())), 404, "session_not_found");
    }

    @Test
    void revokeWhenNoneOrSeveralArgumentsThen400() {
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> { }), s -> { });

        assertError(http.post("/v1/sessions/revoke", body()), 400, "no_session_revoke_arguments");
        assertError(http.post("/v1/sessions/revoke", body("session_id", session.sessionId(), "session_token", session.sessionToken())),
                400, "too_many_session_revoke_arguments");
        assertThat(session.isActive()).isTrue();
    }

    @Test
    void revokeB2bWhenByMemberIdThenAllMemberSessionsRevoked() {
        EmulatedOrganization organization = emulator.createOrganization(o -> { });
        EmulatedMember member = emulator.createMember(organization, m -> { });
        EmulatedSession first = emulator.createMemberSession(member, s -> { });
        EmulatedSession second = emulator.createMemberSession(member, s -> { });
        EmulatedSession bystander = emulator.createMemberSession(emulator.createMember(organization, m -> { }), s -> { });

        assertThat(http.post("/v1/b2b/sessions/revoke", body("member_id", member.memberId())).status()).isEqualTo(200);

        assertThat(first.isActive()).isFalse();
        assertThat(second.isActive()).isFalse();
        assertThat(bystander.isActive()).isTrue();
        assertError(http.post("/v1/b2b/sessions/revoke", body("member_id", "member-test-unknown")), 404, "member_not_found");
    }

    @Test
    void revokeB2bWhenByMemberSessionIdTokenOrJwtThenRevoked() {
        EmulatedOrganization organization = emulator.createOrganization(o -> { });
        EmulatedMember member = emulator.createMember(organization, m -> { });
        EmulatedSession byId = emulator.createMemberSession(member, s -> { });
        EmulatedSession byToken = emulator.createMemberSession(member, s -> { });
        EmulatedSession byJwt = emulator.createMemberSession(member, s -> { });

        http.post("/v1/b2b/sessions/revoke", body("member_session_id", byId.sessionId()));
        http.post("/v1/b2b/sessions/revoke", body("session_token", byToken.sessionToken()));
        http.post("/v1/b2b/sessions/revoke", body("session_jwt", byJwt.sessionJwt()));

        assertThat(List.of(byId, byToken, byJwt)).noneMatch(EmulatedSession::isActive);
        assertError(http.post("/v1/b2b/sessions/revoke", body("member_session_id", byId.sessionId(), "member_id", member.memberId())),
                400, "too_many_session_revoke_arguments");
    }

    @Test
    void revokeWhenSessionOfOtherVerticalThen404() {
        EmulatedSession consumer = emulator.createSession(emulator.createUser(u -> { }), s -> { });

        assertError(http.post("/v1/b2b/sessions/revoke", body("member_session_id", consumer.sessionId())), 404, "session_not_found");
        assertThat(consumer.isActive()).isTrue();
    }

    private static List<String> ids(JsonNode sessions, String field) {
        List<String> ids = new ArrayList<>();
        sessions.forEach(session -> ids.add(session.get(field).asText()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
