package io.github.stytchjakarta.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.stytchjakarta.core.StytchMemberSession;
import io.github.stytchjakarta.core.model.AuthorizationCheck;
import io.github.stytchjakarta.core.model.Member;
import io.github.stytchjakarta.core.model.SessionAuthenticateRequest;
import io.github.stytchjakarta.core.model.SessionsResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readWhenUnknownFieldsAndFactorTypesThenTolerated() throws Exception {
        String json = """
                {"request_id": "r", "status_code": 200, "brand_new_field": {"x": 1},
                 "sessions": [{"session_id": "s", "user_id": "u", "roles": ["stytch_user"],
                   "started_at": "2026-01-01T00:00:00Z", "expires_at": "2026-01-01T01:00:00+01:00",
                   "last_accessed_at": "",
                   "authentication_factors": [{"type": "quantum_entanglement", "delivery_method": "telepathy",
                     "last_authenticated_at": "2026-01-01T00:00:00.123Z", "quantum_factor": {"qubits": 3}}],
                   "custom_claims": {"n": 7, "f": 1.5}}]}
                """;

        SessionsResponse response = Json.mapper().readValue(json, SessionsResponse.class);

        var session = response.sessions().get(0);
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(session.lastAccessedAt()).isNull();
        assertThat(session.attributes().ipAddress()).isEmpty();
        assertThat(session.customClaims()).isEqualTo(Map.of("n", 7L, "f", 1.5));
        assertThat(session.authenticationFactors()).singleElement().satisfies(factor -> {
            assertThat(factor.type()).isEqualTo("quantum_entanglement");
            assertThat(factor.deliveryMethod()).isEqualTo("telepathy");
            assertThat(factor.lastAuthenticatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
            assertThat(factor.details()).isEqualTo(Map.of("quantum_factor", Map.of("qubits", 3L)));
        });
    }

    @Test
    void readWhenMemberSessionThenSnakeCaseMapped() throws Exception {
        String json = """
                {"member_session_id": "ms", "member_id": "m", "organization_id": "o", "organization_slug": "acme",
                 "roles": null, "authentication_factors": []}
                """;

        StytchMemberSession session = Json.mapper().readValue(json, StytchMemberSession.class);

        assertThat(session.organizationSlug()).isEqualTo("acme");
        assertThat(session.roles()).isEmpty();
    }

    @Test
    void readWhenMemberThenBooleanIsFieldsMapped() throws Exception {
        Member member = Json.mapper().readValue("""
                {"member_id": "m", "organization_id": "o", "is_admin": true, "name": null,
                 "roles": [{"role_id": "editor", "sources": [{"type": "direct_assignment"}]}]}
                """, Member.class);

        assertThat(member.isAdmin()).isTrue();
        assertThat(member.name()).isEmpty();
        assertThat(member.roles()).singleElement().satisfies(role -> {
            assertThat(role.roleId()).isEqualTo("editor");
            assertThat(role.sources()).singleElement().satisfies(source -> assertThat(source.type()).isEqualTo("direct_assignment"));
        });
    }

    @Test
    void writeWhenAuthenticateRequestThenOnlyTheSetFieldsInSnakeCase() throws Exception {
        SessionAuthenticateRequest request = SessionAuthenticateRequest.ofJwt("jwt")
                .withAuthorizationCheck(AuthorizationCheck.of("organization-1", "documents", "read"));

        assertThat(Json.mapper().writeValueAsString(request)).isEqualTo("{\"session_jwt\":\"jwt\",\"authorization_check\":"
                + "{\"organization_id\":\"organization-1\",\"resource_id\":\"documents\",\"action\":\"read\"}}");
    }

    @Test
    void instantWhenCommonOrOtherRfc3339FormsThenSameAsInstantParse() {
        for (String text : new String[] {"2026-01-01T00:00:00Z", "2026-02-28T23:59:59.5Z", "2024-02-29T12:00:00.123456789Z",
                "2026-01-01T01:00:00+01:00", "2026-01-01t00:00:00z", "2025-12-31T19:30:00-04:30"}) {
            assertThat(Claims.instant(text)).as(text).isEqualTo(java.time.OffsetDateTime.parse(text.toUpperCase()).toInstant());
        }
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T25:00:00Z",
                "2026-01-01 00:00:00Z", "2026-01-01T00:00:00", "yesterday", "2026-01-01T00:00:00.1234567891Z"}) {
            assertThat(Claims.instant(text)).as(text).isNull();
        }
    }

    @Test
    void readWhenTimestampNotRfc3339ThenMappingError() {
        assertThatExceptionOfType(JsonMappingException.class).isThrownBy(() -> Json.mapper().readValue(
                "{\"session_id\":\"s\",\"user_id\":\"u\",\"expires_at\":\"yesterday\"}",
                io.github.stytchjakarta.core.StytchSession.class));
    }
}
