package io.github.stytchjakarta.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp.ClientType;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.github.stytchjakarta.testsupport.RawHttp;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests of every kind a client can send get a 4xx with a complete, spec-conforming Stytch
 * error body (the five fields, {@code status_code} equal to the HTTP status, a {@code request-id-test-}
 * id), never a 5xx, and the body never echoes the credentials or tokens that were sent.
 *
 * <p>Where Stytch documents the answer, the row asserts it: 401 {@code unauthorized_credentials},
 * 400 {@code too_many_session_arguments} (spec, authenticate), 404 {@code session_not_found}. Where
 * it documents only the status family, the row asserts 400/404 and leaves the error_type to the
 * emulator's documented guess; {@link #ANY_4XX} marks rows where even the status is undocumented.
 * Each row also says whether the spec itself rejects the request, which keeps the table honest.
 */
class EmulatorBadRequestTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    /** Expected status of a row where Stytch documents no status: any 4xx. */
    static final int ANY_4XX = -1;

    private static final String AUTHENTICATE = "/v1/sessions/authenticate";
    private static final String B2B_AUTHENTICATE = "/v1/b2b/sessions/authenticate";
    private static final String TOKEN = "/v1/public/{pid}/oauth2/token";

    private static Map<String, String> placeholders;

    @BeforeAll
    static void seed() {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedUser user = emulator.createUser(u -> u.email("bad-requests@example.com"));
        EmulatedSession session = emulator.createSession(user, s -> s.duration(Duration.ofHours(1)));
        EmulatedOrganization organization = emulator.createOrganization(o -> o.name("Bad").slug("bad-requests"));
        EmulatedMember member = emulator.createMember(organization, m -> m.email("bad@bad-requests.test"));
        EmulatedSession memberSession = emulator.createMemberSession(member, s -> s.duration(Duration.ofHours(1)));
        EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes("read:users"));
        placeholders = new LinkedHashMap<>();
        placeholders.put("{pid}", emulator.projectId());
        placeholders.put("{token}", session.sessionToken());
        placeholders.put("{jwt}", session.sessionJwt());
        placeholders.put("{member_token}", memberSession.sessionToken());
        placeholders.put("{member_jwt}", memberSession.sessionJwt());
        placeholders.put("{org}", organization.organizationId());
        placeholders.put("{user}", user.userId());
        placeholders.put("{client_id}", client.clientId());
        placeholders.put("{client_secret}", client.clientSecret());
        placeholders.put("{connected_app}", emulator.connectedApps().create(c -> c.type(ClientType.THIRD_PARTY_PUBLIC)
                .redirectUrls("https://agent.test/callback")).clientId());
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // credentials
                post("no credentials", AUTHENTICATE, "{\"session_token\":\"{token}\"}", 401, "unauthorized_credentials", true)
                        .as(Credentials.NONE),
                post("wrong secret", AUTHENTICATE, "{\"session_token\":\"{token}\"}", 401, "unauthorized_credentials", false)
                        .as(Credentials.WRONG_SECRET),
                post("unknown project id", AUTHENTICATE, "{\"session_token\":\"{token}\"}", 401, "unauthorized_credentials", false)
                        .as(Credentials.UNKNOWN_PROJECT),
                post("Bearer instead of Basic", AUTHENTICATE, "{\"session_token\":\"{token}\"}", 401, "unauthorized_credentials", true)
                        .as(Credentials.BEARER),
                post("Basic not base64", AUTHENTICATE, "{\"session_token\":\"{token}\"}", 401, "unauthorized_credentials", false)
                        .as(Credentials.NOT_BASE64),
                post("Basic without colon", AUTHENTICATE, "{\"session_token\":\"{token}\"}", 401, "unauthorized_credentials", false)
                        .as(Credentials.NO_COLON),
                get("JWKS of another project", "/v1/sessions/jwks/project-test-other", Map.of(), ANY_4XX, null, false),
                get("JWKS with wrong secret", "/v1/sessions/jwks/{pid}", Map.of(), 401, "unauthorized_credentials", false)
                        .as(Credentials.WRONG_SECRET),
                get("B2B JWKS with wrong secret", "/v1/b2b/sessions/jwks/{pid}", Map.of(), 401, "unauthorized_credentials", false)
                        .as(Credentials.WRONG_SECRET),
                get("policy without credentials", "/v1/rbac/policy", Map.of(), 401, "unauthorized_credentials", true)
                        .as(Credentials.NONE),
                get("B2B policy with wrong secret", "/v1/b2b/rbac/policy", Map.of(), 401, "unauthorized_credentials", false)
                        .as(Credentials.WRONG_SECRET),
                get("whoami without credentials", "/v1/debug/whoami", Map.of(), 401, "unauthorized_credentials", true)
                        .as(Credentials.NONE),
                get("whoami with wrong secret", "/v1/debug/whoami", Map.of(), 401, "unauthorized_credentials", false)
                        .as(Credentials.WRONG_SECRET),
                get("whoami of unknown project", "/v1/debug/whoami", Map.of(), 401, "unauthorized_credentials", false)
                        .as(Credentials.UNKNOWN_PROJECT),
                // consumer authenticate bodies
                post("neither token nor JWT", AUTHENTICATE, "{}", 400, null, false),
                post("both token and JWT", AUTHENTICATE, "{\"session_token\":\"{token}\",\"session_jwt\":\"{jwt}\"}",
                        400, "too_many_session_arguments", false),
                post("malformed JSON", AUTHENTICATE, "{\"session_token\":", 400, null, true),
                post("token of wrong type", AUTHENTICATE, "{\"session_token\":42}", 400, null, true),
                post("body is an array", AUTHENTICATE, "[\"{token}\"]", 400, null, true),
                post("body is JSON null", AUTHENTICATE, "null", 400, null, true),
                post("no body", AUTHENTICATE, null, 400, null, true),
                post("duration below 5 minutes", AUTHENTICATE, "{\"session_token\":\"{token}\",\"session_duration_minutes\":1}",
                        400, null, false),
                post("duration of wrong type", AUTHENTICATE,
                        "{\"session_token\":\"{token}\",\"session_duration_minutes\":\"sixty\"}", 400, null, true),
                post("authorization check without action", AUTHENTICATE,
                        "{\"session_token\":\"{token}\",\"authorization_check\":{\"resource_id\":\"documents\"}}", 400, null, true),
                post("authorization check of wrong type", AUTHENTICATE,
                        "{\"session_token\":\"{token}\",\"authorization_check\":\"documents:read\"}", 400, null, true),
                post("custom claims not an object", AUTHENTICATE,
                        "{\"session_token\":\"{token}\",\"session_duration_minutes\":60,\"session_custom_claims\":\"x\"}",
                        400, null, true),
                post("custom claim named like a Stytch claim", AUTHENTICATE, "{\"session_token\":\"{token}\","
                        + "\"session_duration_minutes\":60,\"session_custom_claims\":{\"https://stytch.com/session\":{}}}",
                        400, null, false),
                post("body over a mebibyte", AUTHENTICATE, "{\"session_token\":\"" + "A".repeat(1 << 20) + "\"}",
                        ANY_4XX, null, false),
                post("garbage JWT", AUTHENTICATE, "{\"session_jwt\":\"not-a-jwt\"}", ANY_4XX, null, false),
                post("unknown session token", AUTHENTICATE, "{\"session_token\":\"" + "A".repeat(44) + "\"}",
                        404, "session_not_found", false),
                // B2B authenticate bodies
                post("B2B neither token nor JWT", B2B_AUTHENTICATE, "{}", 400, null, false),
                post("B2B both token and JWT", B2B_AUTHENTICATE,
                        "{\"session_token\":\"{member_token}\",\"session_jwt\":\"{member_jwt}\"}", 400, null, false),
                post("B2B authorization check without organization", B2B_AUTHENTICATE,
                        "{\"session_token\":\"{member_token}\",\"authorization_check\":{\"resource_id\":\"documents\","
                                + "\"action\":\"read\"}}", 400, null, true),
                post("B2B malformed JSON", B2B_AUTHENTICATE, "{session_token}", 400, null, true),
                post("B2B consumer session token", B2B_AUTHENTICATE, "{\"session_token\":\"{token}\"}",
                        404, "session_not_found", false),
                // sessions get
                get("sessions without user_id", "/v1/sessions", Map.of(), 400, null, true),
                get("sessions of unknown user", "/v1/sessions", Map.of("user_id", "user-test-unknown"), 404, null, false),
                get("B2B sessions without member_id", "/v1/b2b/sessions", Map.of("organization_id", "{org}"), 400, null, true),
                get("B2B sessions of unknown organization", "/v1/b2b/sessions",
                        Map.of("organization_id", "no-such-org", "member_id", "no-such-member"), 404, null, false),
                // revoke
                post("revoke without an identifier", "/v1/sessions/revoke", "{}", 400, null, false),
                post("revoke with two identifiers", "/v1/sessions/revoke",
                        "{\"session_token\":\"{token}\",\"session_jwt\":\"{jwt}\"}", 400, null, false),
                post("revoke with identifier of wrong type", "/v1/sessions/revoke", "{\"session_id\":[1]}", 400, null, true),
                post("B2B revoke without an identifier", "/v1/b2b/sessions/revoke", "{}", 400, null, false),
                // RBAC
                get("policy of unknown organization", "/v1/b2b/rbac/organizations/organization-test-unknown", Map.of(),
                        404, null, false),
                // M2M
                post("M2M wrong client secret", TOKEN, "{\"client_id\":\"{client_id}\",\"client_secret\":\"wrong\","
                        + "\"grant_type\":\"client_credentials\"}", 401, null, false),
                post("M2M unsupported grant type", TOKEN, "{\"client_id\":\"{client_id}\",\"client_secret\":\"{client_secret}\","
                        + "\"grant_type\":\"password\"}", 400, null, true),
                post("M2M without client_id", TOKEN, "{\"client_secret\":\"{client_secret}\","
                        + "\"grant_type\":\"client_credentials\"}", 400, null, true),
                post("M2M scope the client lacks", TOKEN, "{\"client_id\":\"{client_id}\",\"client_secret\":\"{client_secret}\","
                        + "\"grant_type\":\"client_credentials\",\"scope\":\"delete:users\"}", ANY_4XX, null, false),
                // the supplement's token request knows only client_credentials, so the spec rejects these
                post("authorization code without code_verifier", TOKEN, "{\"grant_type\":\"authorization_code\","
                        + "\"code\":\"x\",\"redirect_uri\":\"https://agent.test/callback\",\"client_id\":\"{client_id}\"}",
                        400, "invalid_request", true),
                post("authorization code unknown", TOKEN, "{\"grant_type\":\"authorization_code\",\"code\":\"x\","
                        + "\"redirect_uri\":\"https://agent.test/callback\",\"client_id\":\"{connected_app}\","
                        + "\"code_verifier\":\"{client_secret}\"}", 400, "invalid_grant", true),
                // routing
                get("unknown path", "/v1/no/such/thing", Map.of(), 404, null, true),
                get("GET on a POST endpoint", AUTHENTICATE, Map.of(), ANY_4XX, null, true),
                new BadRequest("DELETE on the policy", "DELETE", "/v1/rbac/policy", Map.of(), null, Credentials.PROJECT,
                        ANY_4XX, null, true))
                .map(row -> Arguments.of(row.name(), row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void requestWhenBadThen4xxWithConformingErrorBody(String name, BadRequest row) {
        StytchEmulator emulator = STYTCH.emulator();
        ContractHttpClient http = ContractHttpClient.forEmulator(emulator)
                .withAuthorization(row.credentials().header(emulator)).offSpec();
        Map<String, String> query = new LinkedHashMap<>();
        row.query().forEach((key, value) -> query.put(key, fill(value)));

        Exchange response = http.send(row.method(), fill(row.path()), query,
                row.body() == null && row.method().equals("GET") ? null : "application/json", fill(row.body()));

        if (row.status() == ANY_4XX) {
            assertThat(response.status()).as(response.describe()).isBetween(400, 499);
        } else {
            assertThat(response.status()).as(response.describe()).isEqualTo(row.status());
        }
        JsonNode error = response.json();
        assertThat(error.path("status_code").asInt()).isEqualTo(response.status());
        assertThat(error.path("request_id").asText()).startsWith("request-id-test-");
        assertThat(error.path("error_url").asText()).startsWith("https://stytch.com/docs/");
        if (row.errorType() != null) {
            assertThat(error.path("error_type").asText()).isEqualTo(row.errorType());
        }
        assertThat(response.responseBody()).doesNotContain(emulator.secret(), placeholders.get("{token}"),
                placeholders.get("{jwt}"), placeholders.get("{member_token}"), placeholders.get("{client_secret}"));
        List<String> specVerdict = OpenApiContract.stytch().requestViolations(response);
        if (row.specRejects()) {
            assertThat(specVerdict).as("the spec's own verdict on the request of '%s'", name).isNotEmpty();
        } else {
            assertThat(specVerdict).as("the spec's own verdict on the request of '%s'", name).isEmpty();
        }
    }

    @Test
    void requestWhenChunkedBodyMalformedThen400WithErrorBody() {
        StytchEmulator emulator = STYTCH.emulator();
        String request = "POST " + AUTHENTICATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: " + Credentials.PROJECT.header(emulator) + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "zz\r\n{}\r\n0\r\n\r\n"; // "zz" is no chunk size

        String response = RawHttp.exchangeBytes(emulator.baseUrl(), request);

        if (Runtime.version().feature() >= 25) {
            // from JDK 25 the JDK's HTTP server closes a connection whose chunked body is malformed, so no
            // answer can be sent on it: still no 5xx and nothing echoed
            assertThat(response).isEmpty();
            return;
        }
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(OpenApiContract.stytch().errorBodyViolations(response.substring(response.indexOf("\r\n\r\n") + 4)))
                .isEmpty();
    }

    private static String fill(String template) {
        if (template == null) {
            return null;
        }
        String filled = template;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            filled = filled.replace(placeholder.getKey(), placeholder.getValue());
        }
        return filled;
    }

    private static BadRequest post(String name, String path, String body, int status, String errorType, boolean specRejects) {
        return new BadRequest(name, "POST", path, Map.of(), body, Credentials.PROJECT, status, errorType, specRejects);
    }

    private static BadRequest get(String name, String path, Map<String, String> query, int status, String errorType,
            boolean specRejects) {
        return new BadRequest(name, "GET", path, query, null, Credentials.PROJECT, status, errorType, specRejects);
    }

    /** How a row authenticates. */
    enum Credentials {
        PROJECT, NONE, WRONG_SECRET, UNKNOWN_PROJECT, BEARER, NOT_BASE64, NO_COLON;

        String header(StytchEmulator emulator) {
            return switch (this) {
                case PROJECT -> TestHttp.basic(emulator.projectId(), emulator.secret());
                case NONE -> null;
                case WRONG_SECRET -> TestHttp.basic(emulator.projectId(), "secret-test-wrong");
                case UNKNOWN_PROJECT -> TestHttp.basic("project-test-00000000-0000-0000-0000-000000000000",
                        emulator.secret());
                case BEARER -> "Bearer " + emulator.secret();
                case NOT_BASE64 -> "Basic %%%not-base64%%%";
                case NO_COLON -> "Basic " + Base64.getEncoder().encodeToString(emulator.projectId().getBytes());
            };
        }
    }

    /** One row of the table: the request, what the emulator must answer, and whether the spec rejects the request. */
    record BadRequest(String name, String method, String path, Map<String, String> query, String body,
            Credentials credentials, int status, String errorType, boolean specRejects) {

        BadRequest as(Credentials credentials) {
            return new BadRequest(name, method, path, query, body, credentials, status, errorType, specRejects);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
