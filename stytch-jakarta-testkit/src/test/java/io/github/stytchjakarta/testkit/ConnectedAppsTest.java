package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp.ClientType;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulator as Stytch's Connected-Apps authorization server: clients, access tokens for a member or user, RFC 7662
 * introspection and revocation, the RBAC policy's scopes, and the metadata documents, over real HTTP.
 */
class ConnectedAppsTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String FORM = "application/x-www-form-urlencoded";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);
    private static DemoData demo;
    private final EmulatedConnectedApp agent = emulator.connectedApps().create(c -> c.name("Agent")
            .type(ClientType.THIRD_PARTY));

    @BeforeAll
    static void seed() {
        demo = DemoData.seed(STYTCH.emulator());
    }

    @Test
    void accessTokenWhenMemberAndClientThenStytchClaimsWithOrganizationAndClientLifetime() throws Exception {
        EmulatedConnectedApp shortLived = emulator.connectedApps().create(c -> c.accessTokenLifetime(Duration.ofMinutes(10)));

        JWTClaimsSet claims = TestJwts.verifiedClaims(emulator,
                emulator.connectedApps().accessToken(demo.bob(), shortLived, "read:documents", "openid"));

        assertThat(claims.getSubject()).isEqualTo(demo.bob().memberId());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(shortLived.clientId()).startsWith("connected-app-test-");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:documents openid");
        assertThat(claims.getAudience()).containsExactly(emulator.projectId());
        assertThat(claims.getJWTID()).isNotEmpty();
        assertThat(claims.getJSONObjectClaim("https://stytch.com/organization"))
                .containsEntry("organization_id", demo.acme().organizationId()).containsEntry("slug", "acme");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(600_000L);
    }

    @Test
    void accessTokenWhenScopeNotInThePolicyThenRefused() {
        assertThatThrownBy(() -> emulator.connectedApps().accessToken(demo.ada(), agent, "delete:everything"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delete:everything");
    }

    @Test
    void introspectWhenMemberTokenThenActiveWithClaimsButNoJti() {
        String token = emulator.connectedApps().accessToken(demo.carol(), agent, "read:documents");

        JsonNode answer = introspect(token, agent).json();

        assertThat(answer.path("active").asBoolean()).isTrue();
        assertThat(answer.path("sub").asText()).isEqualTo(demo.carol().memberId());
        assertThat(answer.path("client_id").asText()).isEqualTo(agent.clientId());
        assertThat(answer.path("scope").asText()).isEqualTo("read:documents");
        assertThat(answer.path("token_type").asText()).isEqualTo("access_token");
        assertThat(answer.path("iss").asText()).isEqualTo(emulator.issuer());
        assertThat(answer.path("aud").get(0).asText()).isEqualTo(emulator.projectId());
        assertThat(answer.path("exp").asLong() - answer.path("iat").asLong()).isEqualTo(3600);
        assertThat(answer.path("https://stytch.com/organization").path("organization_id").asText())
                .isEqualTo(demo.acme().organizationId());
        assertThat(answer.has("jti")).isFalse();
    }

    @Test
    void introspectWhenTokenRevokedThenInactive() {
        String revoked = emulator.connectedApps().accessToken(demo.ada(), agent, "read:documents");
        String kept = emulator.connectedApps().accessToken(demo.ada(), agent, "read:documents");

        assertThat(emulator.connectedApps().revoke(revoked)).isTrue();

        JsonNode answer = introspect(revoked, agent).json();
        assertThat(answer.path("active").asBoolean(true)).isFalse();
        assertThat(texts(answer)).hasSize(3); // request_id, active, status_code: nothing about the token
        assertThat(introspect(kept, agent).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void introspectWhenClientTokensRevokedThenEarlierTokensInactiveAndLaterOnesActive() {
        String before = emulator.connectedApps().accessToken(demo.bob(), agent);
        emulator.connectedApps().revoke(agent);
        CLOCK.advance(Duration.ofSeconds(1));
        String after = emulator.connectedApps().accessToken(demo.bob(), agent);

        assertThat(introspect(before, agent).json().path("active").asBoolean()).isFalse();
        assertThat(introspect(after, agent).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void introspectWhenTokenExpiredOrClientDeletedOrMemberDeletedThenInactive() {
        EmulatedConnectedApp doomed = emulator.connectedApps().create(c -> c.name("Doomed"));
        String ofDeletedClient = emulator.connectedApps().accessToken(demo.bob(), doomed);
        String expired = emulator.tokens().connectedAppToken(demo.bob(), agent).expired().mint();
        EmulatedMember leaver = emulator.createMember(demo.acme(), m -> m.email("leaver@acme.test"));
        String ofDeletedMember = emulator.connectedApps().accessToken(leaver, agent);
        emulator.connectedApps().delete(doomed);
        emulator.deleteMember(leaver.memberId());

        for (String token : List.of(ofDeletedClient, expired, ofDeletedMember)) {
            assertThat(introspect(token, agent).json().path("active").asBoolean()).as(token).isFalse();
        }
    }

    @Test
    void introspectWhenSessionJwtM2mTokenOrForgedTokenThenInactive() {
        String sessionJwt = demo.sessions().get(demo.bob().email()).sessionJwt();
        String m2m = emulator.tokens().m2mToken(demo.reportingClient()).mint();
        String forged = emulator.tokens().connectedAppToken(demo.bob(), agent)
                .signedWith(emulator.keys().generateUnpublished()).mint();

        for (String token : List.of(sessionJwt, m2m, forged, "not-a-jwt")) {
            assertThat(introspect(token, agent).json().path("active").asBoolean()).as(token).isFalse();
        }
    }

    @Test
    void introspectWhenCustomDomainPathAndBasicClientAuthenticationThenActive() {
        String token = emulator.connectedApps().accessToken(demo.ada(), agent, "write:documents");

        EmulatorHttp.Answer answer = http.postRaw("/v1/oauth2/introspect", TestHttp.formText(Map.of("token", token)), FORM,
                TestHttp.basic(agent.clientId(), agent.clientSecret()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.json().path("active").asBoolean()).isTrue();
        assertThat(answer.json().has("https://stytch.com/organization")).isFalse();
    }

    @Test
    void introspectWhenPublicClientWithoutSecretThenActive() {
        EmulatedConnectedApp cli = emulator.connectedApps().create(c -> c.type(ClientType.FIRST_PARTY_PUBLIC));
        String token = emulator.connectedApps().accessToken(demo.ada(), cli);

        EmulatorHttp.Answer answer = http.postRaw(introspectPath(),
                TestHttp.formText(Map.of("token", token, "client_id", cli.clientId())), FORM, null);

        assertThat(cli.clientSecret()).isNull();
        assertThat(answer.json().path("active").asBoolean()).isTrue();
    }

    @Test
    void introspectWhenClientSecretWrongOrClientUnknownThen401InvalidClientWithoutTheToken() {
        String token = emulator.connectedApps().accessToken(demo.ada(), agent);

        EmulatorHttp.Answer wrongSecret = http.postRaw(introspectPath(), TestHttp.formText(Map.of("token", token,
                "client_id", agent.clientId(), "client_secret", "wrong")), FORM, null);
        EmulatorHttp.Answer unknownClient = http.postRaw(introspectPath(), TestHttp.formText(Map.of("token", token,
                "client_id", demo.reportingClient().clientId(), "client_secret", demo.reportingClient().clientSecret())),
                FORM, null);

        for (EmulatorHttp.Answer answer : List.of(wrongSecret, unknownClient)) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().path("error").asText()).isEqualTo("invalid_client");
            assertThat(answer.response().body()).doesNotContain(token);
        }
    }

    @Test
    void introspectWhenTokenMissingOrBodyJsonThen400InvalidRequest() {
        EmulatorHttp.Answer noToken = http.postRaw(introspectPath(), TestHttp.formText(Map.of("client_id", agent.clientId())),
                FORM, null);
        EmulatorHttp.Answer json = http.postRaw(introspectPath(), EmulatorHttp.json(body("token", "x", "client_id",
                agent.clientId())), "application/json", null);

        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(json.status()).isEqualTo(400);
    }

    @Test
    void defaultConnectedAppTokenWhenIntrospectedThenActiveForTheDefaultClient() {
        EmulatedConnectedApp defaultClient = emulator.connectedApps().defaultClient();

        JsonNode answer = introspect(emulator.tokens().connectedAppToken(demo.ada()).mint(), defaultClient).json();

        assertThat(defaultClient.clientId()).isEqualTo(emulator.tokens().connectedAppClientId());
        assertThat(answer.path("active").asBoolean()).isTrue();
        assertThat(answer.path("client_id").asText()).isEqualTo(defaultClient.clientId());
    }

    @Test
    void tokenEndpointWhenConnectedAppUsesClientCredentialsThen400UnauthorizedClient() {
        EmulatorHttp.Answer answer = http.postRaw("/v1/oauth2/token", TestHttp.formText(Map.of("grant_type",
                "client_credentials", "client_id", agent.clientId(), "client_secret", agent.clientSecret())), FORM, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void createClientOverHttpThenUsableFromTheJavaApiAndRefusedAfterDelete() {
        EmulatorHttp.Answer created = http.post("/v1/connected_apps/clients", body("client_type", "third_party_public",
                "client_name", "MCP client", "redirect_urls", List.of("http://127.0.0.1:33418/callback"),
                "access_token_expiry_minutes", 30));
        String clientId = created.json().path("connected_app").path("client_id").asText();
        EmulatedConnectedApp client = emulator.connectedApps().client(clientId).orElseThrow();

        EmulatorHttp.Answer deleted = http.send("DELETE", "/v1/connected_apps/clients/" + clientId, null,
                http.projectAuthorization(), null);

        assertThat(created.json().path("connected_app").has("client_secret")).isFalse();
        assertThat(client.clientType()).isEqualTo(ClientType.THIRD_PARTY_PUBLIC);
        assertThat(client.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(client.redirectUrls()).containsExactly("http://127.0.0.1:33418/callback");
        assertThat(deleted.json().path("client_id").asText()).isEqualTo(clientId);
        assertThat(http.get("/v1/connected_apps/clients/" + clientId).status()).isEqualTo(404);
        assertThat(emulator.connectedApps().clients()).doesNotContain(client).contains(agent);
    }

    @Test
    void createClientWhenNoProjectCredentialsOrUnknownTypeThenRefused() {
        EmulatorHttp.Answer anonymous = http.postRaw("/v1/connected_apps/clients",
                EmulatorHttp.json(body("client_type", "first_party")), "application/json", null);
        EmulatorHttp.Answer badType = http.post("/v1/connected_apps/clients", body("client_type", "second_party"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(badType.status()).isEqualTo(400);
    }

    @Test
    void policyWhenDemoDataThenScopesServedInBothVerticals() {
        for (String path : List.of("/v1/rbac/policy", "/v1/b2b/rbac/policy")) {
            JsonNode scopes = http.get(path).json().path("policy").path("scopes");

            assertThat(scopes.findValuesAsText("scope")).as(path).containsExactly("read:documents", "write:documents");
            assertThat(scopes.get(0).path("permissions").get(0).path("resource_id").asText()).isEqualTo("documents");
            assertThat(scopes.get(0).path("permissions").get(0).path("actions").get(0).asText()).isEqualTo("read");
        }
    }

    @Test
    void metadataWhenRequestedWithoutCredentialsThenEndpointsRelativeToTheBaseUrlAndPolicyScopes() {
        String base = emulator.baseUrl().toString();

        JsonNode oauth = http.getWithout("/.well-known/oauth-authorization-server", null).json();
        JsonNode openId = http.getWithout("/.well-known/openid-configuration", null).json();
        JsonNode legacy = http.getWithout("/v1/public/" + emulator.projectId() + "/.well-known/openid-configuration", null)
                .json();

        assertThat(oauth.path("issuer").asText()).isEqualTo(emulator.issuer());
        assertThat(oauth.path("token_endpoint").asText()).isEqualTo(base + "/v1/oauth2/token");
        assertThat(oauth.path("introspection_endpoint").asText()).isEqualTo(base + "/v1/oauth2/introspect");
        assertThat(oauth.path("jwks_uri").asText()).isEqualTo(base + "/.well-known/jwks.json");
        assertThat(oauth.path("code_challenge_methods_supported").get(0).asText()).isEqualTo("S256");
        assertThat(texts(oauth.path("scopes_supported")))
                .containsExactly("openid", "profile", "email", "phone", "offline_access", "read:documents", "write:documents");
        assertThat(texts(openId.path("scopes_supported"))).isEqualTo(texts(oauth.path("scopes_supported")));
        assertThat(openId.has("introspection_endpoint")).isFalse();
        assertThat(legacy.path("issuer").asText()).isEqualTo(emulator.issuer());
    }

    @Test
    void wellKnownJwksWhenRequestedThenTheProjectKeys() {
        JsonNode keys = http.getWithout("/.well-known/jwks.json", null).json().path("keys");

        assertThat(keys.findValuesAsText("kid")).contains(emulator.keys().signingKey().kid());
    }

    private EmulatorHttp.Answer introspect(String token, EmulatedConnectedApp client) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("token_type_hint", "access_token");
        return http.postRaw(introspectPath(), TestHttp.formText(form), FORM, null);
    }

    private String introspectPath() {
        return "/v1/public/" + emulator.projectId() + "/oauth2/introspect";
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
