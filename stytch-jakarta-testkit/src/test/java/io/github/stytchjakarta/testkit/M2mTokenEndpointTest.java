package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class M2mTokenEndpointTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);
    private final EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes("read:users", "write:users")
            .customClaim("tenant", "acme"));

    @Test
    void tokenWhenFormEncodedWithoutProjectCredentialsThenBearerTokenForTheClient() throws Exception {
        EmulatorHttp.Answer answer = http.postRaw(tokenPath(), form("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret(), "scope", "read:users"),
                "application/x-www-form-urlencoded", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(answer.json().get("expires_in").asInt()).isEqualTo(3600);
        JWTClaimsSet claims = TestJwts.verifiedClaims(emulator, answer.json().get("access_token").asText());
        assertThat(claims.getSubject()).isEqualTo(client.clientId()).startsWith("m2m-client-test-");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:users");
        assertThat(claims.getIssuer()).isEqualTo(emulator.issuer());
        assertThat(claims.getAudience()).containsExactly(emulator.projectId());
        assertThat(claims.getStringClaim("tenant")).isEqualTo("acme");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
    }

    @Test
    void tokenWhenJsonWithProjectCredentialsAndNoScopeThenAllClientScopes() throws Exception {
        EmulatorHttp.Answer answer = http.post(tokenPath(), body("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(TestJwts.verifiedClaims(emulator, answer.json().get("access_token").asText()).getStringClaim("scope"))
                .isEqualTo("read:users write:users");
    }

    @Test
    void tokenWhenJsonScopeIsAnArrayThenThoseScopes() throws Exception {
        EmulatorHttp.Answer answer = http.post(tokenPath(), body("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret(), "scope", List.of("write:users")));

        assertThat(TestJwts.verifiedClaims(emulator, answer.json().get("access_token").asText()).getStringClaim("scope"))
                .isEqualTo("write:users");
    }

    @Test
    void tokenWhenClientCredentialsInBasicHeaderThenAccepted() {
        EmulatorHttp.Answer answer = http.postRaw(tokenPath(), form("grant_type", "client_credentials"),
                "application/x-www-form-urlencoded", TestHttp.basic(client.clientId(), client.clientSecret()));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void tokenWhenSecretWrongOrClientUnknownThen401InvalidClient() {
        for (Map<String, Object> body : List.of(
                body("grant_type", "client_credentials", "client_id", client.clientId(), "client_secret", "wrong"),
                body("grant_type", "client_credentials", "client_id", "m2m-client-test-unknown", "client_secret", "x"))) {
            EmulatorHttp.Answer answer = http.post(tokenPath(), body);

            assertOAuthError(answer, 401, "invalid_client");
            assertThat(answer.response().body()).doesNotContain(client.clientSecret());
        }
    }

    @Test
    void tokenWhenGrantMissingOrUnsupportedOrScopeNotGrantedThen400() {
        assertOAuthError(http.post(tokenPath(), body("client_id", client.clientId(), "client_secret", client.clientSecret())),
                400, "invalid_request");
        assertOAuthError(http.post(tokenPath(), body("grant_type", "password", "client_id", client.clientId(),
                "client_secret", client.clientSecret())), 400, "unsupported_grant_type");
        assertOAuthError(http.post(tokenPath(), body("grant_type", "client_credentials", "client_id", client.clientId(),
                "client_secret", client.clientSecret(), "scope", "read:users admin:all")), 400, "invalid_scope");
        assertOAuthError(http.post(tokenPath(), body("grant_type", "client_credentials", "client_id", client.clientId(),
                "client_secret", client.clientSecret(), "scope", 7)), 400, "invalid_request");
        assertOAuthError(http.postRaw(tokenPath(), "{", "application/json", null), 400, "bad_request");
        assertOAuthError(http.post("/v1/public/project-test-other/oauth2/token", body("grant_type", "client_credentials")),
                400, "invalid_request");
    }

    @Test
    void m2mTokenWhenMintedThenNarrowedScopesAndClientSubject() throws Exception {
        String token = emulator.tokens().m2mToken(client).scopes("read:users").mint();

        JWTClaimsSet claims = TestJwts.verifiedClaims(emulator, token);
        assertThat(claims.getSubject()).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:users");
    }

    @Test
    void m2mClientWhenPrintedThenSecretHidden() {
        assertThat(client.toString()).contains(client.clientId()).doesNotContain(client.clientSecret());
    }

    private String tokenPath() {
        return "/v1/public/" + emulator.projectId() + "/oauth2/token";
    }

    private static void assertOAuthError(EmulatorHttp.Answer answer, int status, String error) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.json().get("status_code").asInt()).isEqualTo(status);
        assertThat(answer.json().get("error_type").asText()).isEqualTo(error);
        assertThat(answer.json().get("error_message").asText()).isNotBlank();
        assertThat(answer.json().get("error_url").asText()).isNotBlank();
        assertThat(answer.json().get("request_id").asText()).isNotBlank();
        if (!"bad_request".equals(error)) {
            assertThat(answer.json().get("error").asText()).isEqualTo(error);
            assertThat(answer.json().get("error_description").asText()).isNotBlank();
        }
    }

    private static String form(String... keysAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(keysAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
