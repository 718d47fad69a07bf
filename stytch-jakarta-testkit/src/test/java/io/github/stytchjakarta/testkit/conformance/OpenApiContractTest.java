package io.github.stytchjakarta.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stytchjakarta.testsupport.TestHttp;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Shows that {@link OpenApiContract} accepts right exchanges and rejects wrong ones (hand-written samples). */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.stytch();
    private static final Map<String, List<String>> BASIC_AUTH =
            Map.of("Authorization", List.of(TestHttp.basic("project-test-x", "secret-test-x")));
    private static final Map<String, List<String>> JSON_HEADERS = Map.of("Content-Type", List.of("application/json"));

    private static final String JWK = """
            {"kty":"RSA","use":"sig","key_ops":["verify"],"alg":"RS256","kid":"jwk-test-1",
             "x5c":["MIIC"],"x5tS256":"abc","n":"n","e":"AQAB"}""";
    private static final String SESSION = """
            {"session_id":"session-test-1","user_id":"user-test-1","authentication_factors":[
              {"type":"magic_link","delivery_method":"email","last_authenticated_at":"2026-01-01T00:00:00Z",
               "email_factor":{"email_id":"email-test-1","email_address":"ada@example.com"}}],
             "roles":["stytch_user"],"started_at":"%s","last_accessed_at":"2026-01-01T00:00:00Z",
             "expires_at":"2026-01-01T01:00:00Z","attributes":{"ip_address":"","user_agent":""},"custom_claims":{}}""";
    private static final String ERROR = """
            {"status_code":404,"request_id":"request-id-test-1","error_type":"session_not_found",
             "error_message":"Session could not be found.","error_url":"https://stytch.com/docs/api/errors/404"}""";

    @Test
    void responseViolationsWhenJwksCompleteThenNone() {
        assertThat(CONTRACT.responseViolations(jwksResponse(JWK))).isEmpty();
    }

    @Test
    void responseViolationsWhenJwkLacksRequiredFieldOrHasWrongTypeThenReported() {
        String wrongJwk = JWK.replace("\"x5tS256\":\"abc\",", "").replace("\"n\":\"n\"", "\"n\":42");

        assertThat(CONTRACT.responseViolations(jwksResponse(wrongJwk)))
                .anyMatch(v -> v.startsWith("validation.response.body.schema.required") && v.contains("x5tS256"))
                .anyMatch(v -> v.startsWith("validation.response.body.schema.type") && v.contains("/keys/0/n"));
    }

    @Test
    void responseViolationsWhenBodyHasUndeclaredPropertyThenReported() {
        String jwk = JWK.replace("\"e\":\"AQAB\"", "\"e\":\"AQAB\",\"x5t\":\"legacy\"");

        assertThat(CONTRACT.responseViolations(jwksResponse(jwk)))
                .singleElement().asString().startsWith("validation.response.body.schema.additionalProperties");
    }

    @Test
    void responseViolationsWhenStatusUndocumentedThenReported() {
        Exchange teapot = new Exchange("GET", "/v1/sessions/jwks/project-test-x", Map.of(), BASIC_AUTH, null,
                418, JSON_HEADERS, ERROR.replace("404", "418"));

        assertThat(CONTRACT.responseViolations(teapot)).anyMatch(v -> v.startsWith("validation.response.status.unknown"));
    }

    @Test
    void responseViolationsWhenTimestampNotRfc3339UtcThenReported() {
        String session = SESSION.formatted("2026-01-01 00:00:00+02:00");
        Exchange exchange = new Exchange("GET", "/v1/sessions", Map.of("user_id", List.of("user-test-1")), BASIC_AUTH,
                null, 200, JSON_HEADERS, "{\"request_id\":\"r\",\"sessions\":[" + session + "],\"status_code\":200}");

        assertThat(CONTRACT.responseViolations(exchange))
                .singleElement().asString().startsWith(OpenApiContract.TIMESTAMP_KEY).contains("/sessions/0/started_at");
        assertThat(CONTRACT.responseViolations(new Exchange("GET", "/v1/sessions", exchange.query(), BASIC_AUTH, null,
                200, JSON_HEADERS, exchange.responseBody().replace("2026-01-01 00:00:00+02:00", "2026-01-01T00:00:00Z"))))
                .isEmpty();
    }

    @Test
    void responseViolationsWhenErrorBodyCompleteThenNone() {
        Exchange notFound = new Exchange("POST", "/v1/sessions/authenticate", Map.of(), BASIC_AUTH,
                "{\"session_token\":\"x\"}", 404, JSON_HEADERS, ERROR);

        assertThat(CONTRACT.responseViolations(notFound)).isEmpty();
    }

    @Test
    void responseViolationsWhenErrorBodyLacksErrorUrlThenReported() {
        String body = ERROR.replace(",\"error_url\":\"https://stytch.com/docs/api/errors/404\"", "");
        Exchange unauthorized = new Exchange("POST", "/v1/sessions/authenticate", Map.of(), Map.of(), null,
                401, JSON_HEADERS, body.replace("404", "401"));

        assertThat(CONTRACT.responseViolations(unauthorized))
                .anyMatch(v -> v.startsWith("validation.response.body.schema.required") && v.contains("error_url"));
        assertThat(CONTRACT.errorBodyViolations(body)).anyMatch(v -> v.contains("error_url"));
    }

    @Test
    void responseViolationsWhenUnknownRouteThenOnlyErrorBodyChecked() {
        Exchange unknown = new Exchange("GET", "/v1/no/such/path", Map.of(), BASIC_AUTH, null, 404, JSON_HEADERS, ERROR);

        assertThat(CONTRACT.responseViolations(unknown)).isEmpty();
        assertThat(CONTRACT.responseViolations(new Exchange("GET", "/v1/no/such/path", Map.of(), BASIC_AUTH, null, 404,
                JSON_HEADERS, "{\"error\":\"not found\"}"))).isNotEmpty();
    }

    @Test
    void errorBodyViolationsWhenAnyErrorExampleOfTheSpecThenNone() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Object> examples = CONTRACT.spec().getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .flatMap(operation -> operation.getResponses().values().stream())
                .filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().values().stream())
                .map(MediaType::getExample)
                .filter(Objects::nonNull)
                .toList();

        assertThat(examples).hasSizeGreaterThan(500);
        for (Object example : examples) {
            assertThat(CONTRACT.errorBodyViolations(json.writeValueAsString(example))).as("%s", example).isEmpty();
        }
    }

    @Test
    void requestViolationsWhenAuthenticateRequestValidThenNone() {
        assertThat(CONTRACT.requestViolations(authenticateRequest(BASIC_AUTH, "{\"session_token\":\"abc\"}"))).isEmpty();
    }

    @Test
    void requestViolationsWhenNoBasicAuthThenReported() {
        assertThat(CONTRACT.requestViolations(authenticateRequest(Map.of(), "{\"session_token\":\"abc\"}")))
                .anyMatch(v -> v.startsWith("validation.request.security.missing"));
    }

    @Test
    void requestViolationsWhenWrongTypeOrUnknownFieldThenReported() {
        assertThat(CONTRACT.requestViolations(authenticateRequest(BASIC_AUTH, "{\"session_token\":5,\"token\":\"x\"}")))
                .anyMatch(v -> v.startsWith("validation.request.body.schema.type"))
                .anyMatch(v -> v.startsWith("validation.request.body.schema.additionalProperties"));
    }

    @Test
    void requestViolationsWhenM2mTokenRequestWithoutProjectCredentialsThenNone() {
        Exchange token = new Exchange("POST", "/v1/public/project-test-x/oauth2/token", Map.of(),
                Map.of("Content-Type", List.of("application/json")),
                "{\"client_id\":\"m2m-client-test-1\",\"client_secret\":\"s\",\"grant_type\":\"client_credentials\"}",
                200, JSON_HEADERS, "{\"access_token\":\"eyJ\",\"token_type\":\"bearer\",\"expires_in\":3600}");

        assertThat(CONTRACT.requestViolations(token)).isEmpty();
        assertThat(CONTRACT.responseViolations(token)).isEmpty();
    }

    private static Exchange jwksResponse(String jwk) {
        return new Exchange("GET", "/v1/sessions/jwks/project-test-x", Map.of(), BASIC_AUTH, null, 200, JSON_HEADERS,
                "{\"keys\":[" + jwk + "],\"request_id\":\"request-id-test-1\",\"status_code\":200}");
    }

    private static Exchange authenticateRequest(Map<String, List<String>> auth, String body) {
        Map<String, List<String>> headers = new HashMap<>(auth);
        headers.putAll(JSON_HEADERS);
        return new Exchange("POST", "/v1/sessions/authenticate", Map.of(), headers, body, 200, JSON_HEADERS, "{}");
    }
}
