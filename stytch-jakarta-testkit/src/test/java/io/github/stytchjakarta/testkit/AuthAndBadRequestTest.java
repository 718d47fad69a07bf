package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.ConsumerAuthenticateTest.assertError;
import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.testsupport.RawHttp;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthAndBadRequestTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    static Stream<Arguments> apiCalls() {
        return Stream.of(
                Arguments.of("POST", "/v1/sessions/authenticate"),
                Arguments.of("POST", "/v1/b2b/sessions/authenticate"),
                Arguments.of("GET", "/v1/sessions?user_id=user-test-x"),
                Arguments.of("GET", "/v1/b2b/sessions?organization_id=o&member_id=m"),
                Arguments.of("POST", "/v1/sessions/revoke"),
                Arguments.of("POST", "/v1/b2b/sessions/revoke"),
                Arguments.of("GET", "/v1/rbac/policy"),
                Arguments.of("GET", "/v1/b2b/rbac/policy"),
                Arguments.of("GET", "/v1/b2b/rbac/organizations/organization-test-x"));
    }

    @ParameterizedTest
    @MethodSource("apiCalls")
    void apiCallWhenCredentialsMissingOrWrongThen401UnauthorizedCredentials(String method, String path) {
        String body = "POST".equals(method) ? "{}" : null;
        for (String authorization : new String[] {null, TestHttp.basic(emulator.projectId(), "wrong"),
                TestHttp.basic("project-test-other", emulator.secret()), "Basic %%%not-base64",
                "Bearer " + emulator.secret(), "Basic " + Base64.getEncoder().encodeToString(emulator.secret().getBytes())}) {
            EmulatorHttp.Answer answer = http.send(method, path, body, authorization, "application/json");

            assertError(answer, 401, "unauthorized_credentials");
            assertThat(answer.json().get("error_message").asText()).isEqualTo("Unauthorized credentials.");
            assertThat(answer.response().body()).doesNotContain(emulator.secret());
        }
    }

    @ParameterizedTest
    @MethodSource("apiCalls")
    void apiCallWhenCorrectCredentialsThenNotAnAuthenticationError(String method, String path) {
        EmulatorHttp.Answer answer = http.send(method, path, "POST".equals(method) ? "{}" : null, http.projectAuthorization(),
                "application/json");

        assertThat(answer.status()).isNotEqualTo(401).isLessThan(500);
        assertThat(emulator.requestLog().requests(path.replaceAll("\\?.*", ""))).last()
                .satisfies(request -> {
                    assertThat(request.authenticated()).isTrue();
                    assertThat(request.headers()).containsKey("Authorization");
                });
    }

    @Test
    void unknownPathThen404RouteNotFound() {
        assertError(http.get("/v1/unknown"), 404, "route_not_found");
        assertError(http.get("/v1/sessions/"), 404, "route_not_found");
        assertError(http.getWithout("/", null), 404, "route_not_found");
    }

    @Test
    void knownPathWithOtherMethodThen405MethodNotAllowed() {
        assertError(http.get("/v1/sessions/authenticate"), 405, "method_not_allowed");
        assertError(http.send("DELETE", "/v1/sessions?user_id=x", null, http.projectAuthorization(), null), 405, "method_not_allowed");
        assertError(http.send("PUT", "/v1/b2b/rbac/organizations/x", "{}", http.projectAuthorization(), "application/json"),
                405, "method_not_allowed");
    }

    @Test
    void headRequestThen405WithoutBody() {
        EmulatorHttp.Answer answer = http.send("HEAD", "/v1/rbac/policy", null, http.projectAuthorization(), null);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.response().body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[]", "\"text\"", "42", "null", "{} {}", "{\"session_token\":\"a\",}",
            "{\"session_token\": 123}", "{\"session_token\": [\"a\"]}", "{\"session_jwt\": {}}", "{\"session_jwt\": true}",
            "{\"session_token\": \"t\", \"session_duration_minutes\": 1.5}",
            "{\"session_token\": \"t\", \"session_duration_minutes\": 99999999999}",
            "{\"session_token\": \"t\", \"session_custom_claims\": []}",
            "{\"session_token\": \"t\", \"authorization_check\": \"documents\"}",
            "{\"session_token\": \"t\", \"authorization_check\": {\"resource_id\": 1, \"action\": \"read\"}}"})
    void authenticateWhenBodyMalformedOrWrongTypeThen400BadRequest(String body) {
        for (String path : new String[] {"/v1/sessions/authenticate", "/v1/b2b/sessions/authenticate"}) {
            EmulatorHttp.Answer answer = http.postRaw(path, body, "application/json", http.projectAuthorization());

            assertError(answer, 400, "bad_request");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "{\"session_jwt\": 5}", "{\"session_token\": {}}"})
    void revokeWhenBodyMalformedOrWrongTypeThen400BadRequest(String body) {
        assertError(http.postRaw("/v1/sessions/revoke", body, "application/json", http.projectAuthorization()), 400, "bad_request");
        assertError(http.postRaw("/v1/b2b/sessions/revoke", body, "application/json", http.projectAuthorization()), 400, "bad_request");
    }

    @Test
    void revokeWhenVerticalSpecificFieldHasWrongTypeThen400BadRequest() {
        assertError(http.postRaw("/v1/sessions/revoke", "{\"session_id\": 5}", "application/json", http.projectAuthorization()),
                400, "bad_request");
        assertError(http.postRaw("/v1/b2b/sessions/revoke", "{\"member_id\": false}", "application/json",
                http.projectAuthorization()), 400, "bad_request");
        assertError(http.postRaw("/v1/b2b/sessions/revoke", "{\"member_session_id\": []}", "application/json",
                http.projectAuthorization()), 400, "bad_request");
    }

    @Test
    void authenticateWhenBodyDeeplyNestedOrHugeThen400() {
        String nested = "{\"session_custom_claims\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        String huge = "{\"session_token\":\"" + "a".repeat(1_100_000) + "\"}";

        assertError(http.postRaw("/v1/sessions/authenticate", nested, "application/json", http.projectAuthorization()),
                400, "bad_request");
        assertError(http.postRaw("/v1/sessions/authenticate", huge, "application/json", http.projectAuthorization()),
                400, "bad_request");
    }

    @Test
    void authenticateWhenTokenIsLongGarbageThen404AndTokenNotEchoed() {
        String token = "secret-looking-" + "z".repeat(10_000);

        EmulatorHttp.Answer answer = http.post("/v1/sessions/authenticate", body("session_token", token));

        assertError(answer, 404, "session_not_found");
        assertThat(answer.response().body()).doesNotContain(token.substring(0, 20));
    }

    @Test
    void authenticateWhenCustomClaimsUseStytchNamesOrExceed4KbThen400() {
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> { }), s -> { });

        assertError(http.post("/v1/sessions/authenticate", body("session_token", session.sessionToken(),
                "session_custom_claims", body("https://stytch.com/session", "x"))), 400, "stytch_claims_in_custom_claims");
        assertError(http.post("/v1/sessions/authenticate", body("session_token", session.sessionToken(),
                "session_custom_claims", body("big", "x".repeat(5000)))), 400, "custom_claims_too_large");
        assertThat(session.customClaims()).isEmpty();
    }

    @Test
    void requestTargetWhenMalformedEscapeThen400FromTheHttpServer() {
        // the JDK HTTP server rejects an unparseable request target itself, before the emulator sees it
        String answer = RawHttp.exchange(emulator.baseUrl(), "GET /v1/sessions?user_id=%zz HTTP/1.1",
                "Authorization: " + http.projectAuthorization());

        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    @Test
    void errorBodyWhenAnyErrorThenJsonContentType() {
        EmulatorHttp.Answer answer = http.get("/v1/unknown");

        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    }
}
