package io.github.stytchjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp.ClientType;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authorization-code grant with PKCE as an OAuth client (an MCP client) runs it against the emulator over real
 * HTTP, redirects not followed: the emulator's authorization page, where the subject of {@code consentAs} approves,
 * and the token endpoint that redeems the code.
 */
class AuthorizationCodeFlowTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String CALLBACK = "https://agent.test/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static DemoData demo;

    private final StytchEmulator emulator = STYTCH.emulator();
    private final TestHttp http = TestHttp.to(emulator.baseUrl());
    private final EmulatedConnectedApp agent = emulator.connectedApps().create(c -> c.name("Agent")
            .type(ClientType.THIRD_PARTY_PUBLIC).redirectUrls(CALLBACK));
    private final String verifier = randomVerifier();

    @BeforeAll
    static void seed() {
        demo = DemoData.seed(STYTCH.emulator());
    }

    @Test
    void authorizationCodeWhenPublicClientFollowsTheMetadataWithPkceThenTokenOfTheMemberForTheClient() throws Exception {
        emulator.connectedApps().consentAs(demo.bob());
        JsonNode metadata = TestHttp.json(http.get("/.well-known/oauth-authorization-server"));

        HttpResponse<String> authorized = http.send(TestHttp.request(URI.create(metadata.path("authorization_endpoint").asText()
                + "?" + TestHttp.formText(authorizationRequest(agent, CALLBACK, "read:documents openid")))));
        Map<String, String> callback = callbackParameters(authorized, CALLBACK);
        HttpResponse<String> token = http.send(TestHttp.request(URI.create(metadata.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(TestHttp.form(tokenRequest(callback.get("code"), agent, CALLBACK, verifier))));

        assertThat(callback).containsEntry("state", "af0ifjsldkj").containsOnlyKeys("code", "state");
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode answer = TestHttp.json(token);
        assertThat(answer.path("token_type").asText()).isEqualTo("bearer");
        assertThat(answer.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(answer.path("scope").asText()).isEqualTo("read:documents openid");
        assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
        JWTClaimsSet claims = TestJwts.verifiedClaims(emulator, answer.path("access_token").asText());
        assertThat(claims.getSubject()).isEqualTo(demo.bob().memberId());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(agent.clientId());
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:documents openid");
        assertThat(claims.getAudience()).containsExactly(emulator.projectId());
        assertThat(claims.getJSONObjectClaim("https://stytch.com/organization"))
                .containsEntry("organization_id", demo.acme().organizationId());
        assertThat(emulator.requestLog().requests("/oauth2/authorize")).last().extracting(RecordedRequest::status)
                .isEqualTo(302);
        assertThat(emulator.requestLog().requests("/v1/oauth2/token")).last().extracting(RecordedRequest::status)
                .isEqualTo(200);
    }

    @Test
    void authorizationCodeWhenConfidentialClientNamesItselfAndAuthenticatesWithBasicThenTokenOfTheUser() throws Exception {
        EmulatedConnectedApp reports = emulator.connectedApps().create(c -> c.type(ClientType.THIRD_PARTY)
                .redirectUrls(CALLBACK).accessTokenLifetime(Duration.ofMinutes(10)));
        emulator.connectedApps().consentAs(demo.ada());
        String code = authorize(reports, CALLBACK, "write:documents").get("code");

        HttpResponse<String> token = postToken(tokenRequest(code, reports, CALLBACK, verifier),
                TestHttp.basic(reports.clientId(), reports.clientSecret()));

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(token).path("expires_in").asLong()).isEqualTo(600);
        JWTClaimsSet claims = TestJwts.verifiedClaims(emulator, TestHttp.json(token).path("access_token").asText());
        assertThat(claims.getSubject()).isEqualTo(demo.ada().userId());
        assertThat(claims.getStringClaim("scope")).isEqualTo("write:documents");
        assertThat(claims.getClaim("https://stytch.com/organization")).isNull();
    }

    @Test
    void tokenWhenConfidentialClientSendsNoSecretThenInvalidClientAndCodeStillRedeemable() {
        EmulatedConnectedApp reports = emulator.connectedApps().create(c -> c.type(ClientType.FIRST_PARTY).redirectUrls(CALLBACK));
        emulator.connectedApps().consentAs(demo.bob());
        String code = authorize(reports, CALLBACK, "read:documents").get("code");
        Map<String, String> withSecret = tokenRequest(code, reports, CALLBACK, verifier);
        withSecret.put("client_secret", reports.clientSecret());

        HttpResponse<String> refused = postToken(tokenRequest(code, reports, CALLBACK, verifier), null);
        HttpResponse<String> accepted = postToken(withSecret, null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(refused).path("error").asText()).isEqualTo("invalid_client");
        assertThat(accepted.statusCode()).isEqualTo(200);
    }

    @Test
    void authorizationCodeWhenTokenRequestIsJsonThenToken() {
        emulator.connectedApps().consentAs(demo.bob());
        String code = authorize(agent, CALLBACK, "read:documents").get("code");

        HttpResponse<String> token = http.send(http.request("/v1/oauth2/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EmulatorHttp.json(tokenRequest(code, agent, CALLBACK, verifier)))));

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(token).path("scope").asText()).isEqualTo("read:documents");
    }

    @Test
    void tokenWhenVerifierWrongThenInvalidGrant() {
        emulator.connectedApps().consentAs(demo.bob());
        String code = authorize(agent, CALLBACK, "read:documents").get("code");

        HttpResponse<String> token = postToken(tokenRequest(code, agent, CALLBACK, randomVerifier()), null);

        assertInvalidGrant(token);
    }

    @Test
    void tokenWhenCodeRedeemedTwiceThenInvalidGrant() {
        emulator.connectedApps().consentAs(demo.bob());
        String code = authorize(agent, CALLBACK, "read:documents").get("code");

        HttpResponse<String> first = postToken(tokenRequest(code, agent, CALLBACK, verifier), null);
        HttpResponse<String> second = postToken(tokenRequest(code, agent, CALLBACK, verifier), null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertInvalidGrant(second);
    }

    @Test
    void tokenWhenRedirectUriOrClientDiffersThenInvalidGrant() {
        EmulatedConnectedApp other = emulator.connectedApps().create(c -> c.type(ClientType.THIRD_PARTY_PUBLIC)
                .redirectUrls(CALLBACK));
        emulator.connectedApps().consentAs(demo.bob());
        String first = authorize(agent, CALLBACK, "read:documents").get("code");
        String second = authorize(agent, CALLBACK, "read:documents").get("code");

        assertInvalidGrant(postToken(tokenRequest(first, agent, "https://agent.test/other", verifier), null));
        assertInvalidGrant(postToken(tokenRequest(second, other, CALLBACK, verifier), null));
    }

    @Test
    void tokenWhenCodeOlderThanItsLifetimeThenInvalidGrant() {
        emulator.connectedApps().consentAs(demo.bob());
        String code = authorize(agent, CALLBACK, "read:documents").get("code");
        CLOCK.advance(EmulatorConnectedApps.AUTHORIZATION_CODE_LIFETIME);

        HttpResponse<String> token = postToken(tokenRequest(code, agent, CALLBACK, verifier), null);

        assertInvalidGrant(token);
    }

    @Test
    void authorizeWhenRedirectUriNotRegisteredThen400WithoutRedirect() {
        emulator.connectedApps().consentAs(demo.bob());

        HttpResponse<String> answer = get(authorizationRequest(agent, "https://attacker.test/callback", "read:documents"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(TestHttp.json(answer).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void authorizeWhenLoopbackRegisteredWithoutPortThenAnyPortButTheSamePath() {
        EmulatedConnectedApp cli = emulator.connectedApps().create(c -> c.type(ClientType.THIRD_PARTY_PUBLIC)
                .redirectUrls("http://127.0.0.1/callback", "http://localhost/callback"));
        emulator.connectedApps().consentAs(demo.bob());
        String ephemeral = "http://127.0.0.1:53682/callback";

        String code = authorize(cli, ephemeral, "read:documents").get("code");
        HttpResponse<String> token = postToken(tokenRequest(code, cli, ephemeral, verifier), null);

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(authorize(cli, "http://localhost:8123/callback", "openid")).containsKey("code");
        assertThat(get(authorizationRequest(cli, "http://127.0.0.1:53682/other", "openid")).statusCode()).isEqualTo(400);
        assertThat(get(authorizationRequest(cli, "http://localhost:53682/callback#x", "openid")).statusCode()).isEqualTo(400);
    }

    @Test
    void authorizeWhenAuthorizationUrlIsSetThen404AsTheApplicationHostsThePage() {
        try (StytchEmulator own = StytchEmulator.builder().build().start()) {
            EmulatedConnectedApp client = own.connectedApps().create(c -> c.type(ClientType.THIRD_PARTY_PUBLIC)
                    .redirectUrls(CALLBACK));
            own.connectedApps().consentAs(own.createUser(u -> u.email("grace@example.com")));
            own.connectedApps().setAuthorizationUrl(URI.create("https://app.example.test/consent"));

            HttpResponse<String> answer = TestHttp.to(own.baseUrl())
                    .get("/oauth2/authorize?" + TestHttp.formText(authorizationRequest(client, CALLBACK, "openid")));

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void authorizeWhenNobodyConsentsThenAccessDeniedRedirectWithState() {
        emulator.connectedApps().consentAsNobody();

        Map<String, String> callback = authorize(agent, CALLBACK, "read:documents");

        assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", "af0ifjsldkj")
                .doesNotContainKey("code");
    }

    @Test
    void authorizeWhenScopeNotOfTheProjectThenInvalidScopeRedirect() {
        emulator.connectedApps().consentAs(demo.bob());

        Map<String, String> callback = authorize(agent, CALLBACK, "read:documents delete:everything");

        assertThat(callback).containsEntry("error", "invalid_scope").doesNotContainKey("code");
    }

    @Test
    void authorizeWhenChallengeMethodPlainOrMissingThenInvalidRequestRedirect() {
        emulator.connectedApps().consentAs(demo.bob());
        Map<String, String> plain = authorizationRequest(agent, CALLBACK, "read:documents");
        plain.put("code_challenge_method", "plain");
        plain.put("code_challenge", verifier);
        Map<String, String> missing = authorizationRequest(agent, CALLBACK, "read:documents");
        missing.remove("code_challenge");

        assertThat(callbackParameters(get(plain), CALLBACK)).containsEntry("error", "invalid_request")
                .doesNotContainKey("code");
        assertThat(callbackParameters(get(missing), CALLBACK)).containsEntry("error", "invalid_request")
                .doesNotContainKey("code");
    }

    private Map<String, String> authorize(EmulatedConnectedApp client, String redirectUri, String scope) {
        return callbackParameters(get(authorizationRequest(client, redirectUri, scope)), redirectUri);
    }

    private Map<String, String> authorizationRequest(EmulatedConnectedApp client, String redirectUri, String scope) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", scope);
        query.put("state", "af0ifjsldkj");
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.put("resource", "https://mcp.example.test/mcp");
        return query;
    }

    private static Map<String, String> tokenRequest(String code, EmulatedConnectedApp client, String redirectUri,
            String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", client.clientId());
        form.put("code_verifier", codeVerifier);
        return form;
    }

    private HttpResponse<String> get(Map<String, String> query) {
        return http.get("/oauth2/authorize?" + TestHttp.formText(query));
    }

    private HttpResponse<String> postToken(Map<String, String> form, String authorization) {
        HttpRequest.Builder request = http.request("/v1/public/" + emulator.projectId() + "/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(TestHttp.form(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request);
    }

    /** The parameters the emulator redirected to {@code redirectUri} with; fails unless it is a 302 there. */
    private static Map<String, String> callbackParameters(HttpResponse<String> answer, String redirectUri) {
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri + "?");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : location.substring(redirectUri.length() + 1).split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static void assertInvalidGrant(HttpResponse<String> token) {
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(token).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(token.body()).doesNotContain("access_token");
    }

    private static String randomVerifier() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String codeVerifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
