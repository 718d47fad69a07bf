package io.github.stytchjakarta.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedFactors;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every emulator endpoint this library uses, consumer and B2B, success and error shapes, checked
 * against the Stytch OpenAPI spec: {@link ContractHttpClient} validates each request and response
 * with {@link OpenApiContract}, so a test here fails on any response property the spec does not
 * declare, any required one missing, any wrong JSON type or undocumented status.
 */
class EmulatorOpenApiContractTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static final EmulatedPolicy DOCUMENTS_POLICY = EmulatedPolicy.builder()
            .role("editor", "Edits documents", EmulatedPolicy.permission("documents", "read", "write"))
            .role("owner", "Owns documents", EmulatedPolicy.permission("documents", "*"))
            .resource("documents", "Documents", "read", "write", "delete")
            .scope("read:documents", "Reads documents", EmulatedPolicy.permission("documents", "read"))
            .build();

    private StytchEmulator emulator;
    private ContractHttpClient http;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        emulator.faults().clear();
        http = ContractHttpClient.forEmulator(emulator);
    }

    @Test
    void consumerJwksWhenRequestedThenConformsWithEveryKeyFieldAndCacheHeader() {
        Exchange jwks = http.get("/v1/sessions/jwks/" + emulator.projectId());

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.responseHeader("Cache-Control")).hasValue("public, max-age=900");
        assertThat(jwks.json().path("keys").findValuesAsText("kid")).contains(emulator.keys().signingKey().kid());
    }

    @Test
    void consumerJwksWhenRequestedThenEachCertificateHoldsTheKeyAndMatchesItsThumbprint() throws Exception {
        JsonNode keys = http.get("/v1/sessions/jwks/" + emulator.projectId()).json().path("keys");

        assertThat(keys).isNotEmpty();
        for (JsonNode key : keys) {
            byte[] der = Base64.getDecoder().decode(key.path("x5c").get(0).asText());
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            RSAPublicKey publicKey = (RSAPublicKey) certificate.getPublicKey();
            Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
            assertThat(key.path("n").asText()).isEqualTo(base64Url.encodeToString(unsigned(publicKey.getModulus())));
            assertThat(key.path("e").asText()).isEqualTo(base64Url.encodeToString(unsigned(publicKey.getPublicExponent())));
            assertThat(key.path("x5tS256").asText())
                    .isEqualTo(base64Url.encodeToString(MessageDigest.getInstance("SHA-256").digest(der)));
        }
    }

    @Test
    void b2bJwksWhenTwoKeysPublishedThenConforms() {
        String oldKid = emulator.keys().signingKey().kid();
        emulator.keys().rotate();

        Exchange jwks = http.get("/v1/b2b/sessions/jwks/" + emulator.projectId());

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().path("keys").findValuesAsText("kid"))
                .contains(oldKid, emulator.keys().signingKey().kid());
    }

    @Test
    void consumerJwksWhenAnonymousThenServedAlthoughSpecAsksForBasicAuth() {
        // The SDKs fetch JWKS without credentials (stytch-semantics.md 2.1, 10.8); the spec marks it basicAuth.
        Exchange jwks = http.withAuthorization(null).offSpec().get("/v1/sessions/jwks/" + emulator.projectId());

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(OpenApiContract.stytch().requestViolations(jwks))
                .singleElement().asString().startsWith("validation.request.security.missing");
    }

    @Test
    void consumerAuthenticateWhenSessionTokenThenConforms() {
        EmulatedSession session = consumerSession(List.of("editor"));

        Exchange response = http.postJson("/v1/sessions/authenticate", Map.of("session_token", session.sessionToken()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("session").path("session_id").asText()).isEqualTo(session.sessionId());
        assertThat(body.path("session_token").asText()).isEqualTo(session.sessionToken());
        assertThat(texts(body.path("session").path("roles"))).containsExactlyInAnyOrder("stytch_user", "editor");
        assertThat(body.has("verdict")).isFalse();
    }

    @Test
    void consumerAuthenticateWhenJwtWithDurationAndCustomClaimsThenConforms() {
        EmulatedSession session = consumerSession(List.of());

        Exchange response = http.postJson("/v1/sessions/authenticate", Map.of("session_jwt", session.sessionJwt(),
                "session_duration_minutes", 90, "session_custom_claims", Map.of("plan", Map.of("tier", "gold"))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("session").path("custom_claims").path("plan").path("tier").asText())
                .isEqualTo("gold");
    }

    @Test
    void consumerAuthenticateWhenExpiredJwtOfLiveSessionThenNewJwtConforms() {
        EmulatedSession session = consumerSession(List.of());
        String expired = emulator.tokens().jwt(session).expired().mint();

        Exchange response = http.postJson("/v1/sessions/authenticate", Map.of("session_jwt", expired));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("session_jwt").asText()).isNotEmpty().isNotEqualTo(expired);
    }

    @Test
    void consumerAuthenticateWhenAuthorizationCheckPassesThenVerdictConforms() {
        emulator.rbac().setConsumerPolicy(DOCUMENTS_POLICY);
        EmulatedSession session = consumerSession(List.of("editor"));

        Exchange response = http.postJson("/v1/sessions/authenticate", Map.of("session_token", session.sessionToken(),
                "authorization_check", Map.of("resource_id", "documents", "action", "write")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("verdict").path("authorized").asBoolean()).isTrue();
        assertThat(texts(response.json().path("verdict").path("granting_roles"))).containsExactly("editor");
    }

    @Test
    void consumerAuthenticateWhenAuthorizationCheckFailsThen403Conforms() {
        emulator.rbac().setConsumerPolicy(DOCUMENTS_POLICY);
        EmulatedSession session = consumerSession(List.of("editor"));

        Exchange response = http.postJson("/v1/sessions/authenticate", Map.of("session_token", session.sessionToken(),
                "authorization_check", Map.of("resource_id", "documents", "action", "delete")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("error_type").asText()).isEqualTo("consumer_session_authorization_error");
    }

    @Test
    void consumerAuthenticateWhenSessionRevokedThen404Conforms() {
        EmulatedSession session = consumerSession(List.of());
        emulator.revokeSession(session.sessionId());

        Exchange response = http.postJson("/v1/sessions/authenticate", Map.of("session_token", session.sessionToken()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error_type").asText()).isEqualTo("session_not_found");
    }

    @Test
    void b2bAuthenticateWhenSessionTokenThenConformsWithMemberAndOrganization() {
        B2bFixture b2b = b2bSession("acme-token", List.of("editor"));

        Exchange response = http.postJson("/v1/b2b/sessions/authenticate",
                Map.of("session_token", b2b.session().sessionToken()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("member_session").path("member_session_id").asText()).isEqualTo(b2b.session().sessionId());
        assertThat(body.path("member").path("member_id").asText()).isEqualTo(b2b.member().memberId());
        assertThat(body.path("organization").path("organization_slug").asText()).isEqualTo("acme-token");
    }

    @Test
    void b2bAuthenticateWhenJwtWithDurationAndCustomClaimsThenConforms() {
        B2bFixture b2b = b2bSession("acme-jwt", List.of());

        Exchange response = http.postJson("/v1/b2b/sessions/authenticate", Map.of("session_jwt", b2b.session().sessionJwt(),
                "session_duration_minutes", 60, "session_custom_claims", Map.of("team", "blue")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("member_session").path("custom_claims").path("team").asText()).isEqualTo("blue");
    }

    @Test
    void b2bAuthenticateWhenAuthorizationCheckPassesThenVerdictConforms() {
        emulator.rbac().setB2bPolicy(DOCUMENTS_POLICY);
        B2bFixture b2b = b2bSession("acme-allowed", List.of("owner"));

        Exchange response = http.postJson("/v1/b2b/sessions/authenticate", Map.of("session_token", b2b.session().sessionToken(),
                "authorization_check", Map.of("organization_id", b2b.organization().organizationId(),
                        "resource_id", "documents", "action", "delete")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("verdict").path("authorized").asBoolean()).isTrue();
        assertThat(texts(response.json().path("verdict").path("granting_roles"))).containsExactly("owner");
    }

    @Test
    void b2bAuthenticateWhenPermissionMissingThen403Conforms() {
        emulator.rbac().setB2bPolicy(DOCUMENTS_POLICY);
        B2bFixture b2b = b2bSession("acme-denied", List.of("editor"));

        Exchange response = http.postJson("/v1/b2b/sessions/authenticate", Map.of("session_token", b2b.session().sessionToken(),
                "authorization_check", Map.of("organization_id", b2b.organization().organizationId(),
                        "resource_id", "documents", "action", "delete")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("error_type").asText()).isEqualTo("session_authorization_error");
    }

    @Test
    void b2bAuthenticateWhenOtherOrganizationThen403TenancyConforms() {
        emulator.rbac().setB2bPolicy(DOCUMENTS_POLICY);
        B2bFixture b2b = b2bSession("acme-tenant", List.of("owner"));
        EmulatedOrganization other = emulator.createOrganization(o -> o.name("Other").slug("other-tenant"));

        Exchange response = http.postJson("/v1/b2b/sessions/authenticate", Map.of("session_token", b2b.session().sessionToken(),
                "authorization_check", Map.of("organization_id", other.organizationId(),
                        "resource_id", "documents", "action", "read")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("error_type").asText()).isEqualTo("session_authorization_tenancy_error");
    }

    @Test
    void b2bAuthenticateWhenUnknownTokenThen404Conforms() {
        Exchange response = http.postJson("/v1/b2b/sessions/authenticate",
                Map.of("session_token", "x".repeat(44)));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error_type").asText()).isEqualTo("session_not_found");
    }

    @Test
    void consumerGetWhenUserHasSessionsThenOnlyActiveOnesConform() {
        EmulatedUser user = emulator.createUser(u -> u.email("lister@example.com"));
        EmulatedSession active = emulator.createSession(user, s -> s.duration(Duration.ofHours(1)));
        EmulatedSession revoked = emulator.createSession(user, s -> s.duration(Duration.ofHours(1)));
        emulator.revokeSession(revoked.sessionId());

        Exchange response = http.get("/v1/sessions", Map.of("user_id", user.userId()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("sessions").findValuesAsText("session_id")).containsExactly(active.sessionId());
    }

    @Test
    void b2bGetWhenSlugAndExternalIdsGivenThenConforms() {
        B2bFixture b2b = b2bSession("acme-get", List.of());

        Exchange byIds = http.get("/v1/b2b/sessions", Map.of("organization_id", b2b.organization().organizationId(),
                "member_id", b2b.member().memberId()));
        Exchange byConveniences = http.get("/v1/b2b/sessions", Map.of("organization_id", "acme-get",
                "member_id", b2b.member().externalId()));

        assertThat(byIds.status()).isEqualTo(200);
        assertThat(byIds.json().path("member_sessions").findValuesAsText("member_session_id"))
                .containsExactly(b2b.session().sessionId());
        assertThat(byConveniences.status()).isEqualTo(200);
        assertThat(byConveniences.json().path("member_sessions")).isEqualTo(byIds.json().path("member_sessions"));
    }

    @Test
    void consumerRevokeWhenEachFormThenConforms() {
        EmulatedSession byId = consumerSession(List.of());
        EmulatedSession byToken = consumerSession(List.of());
        EmulatedSession byJwt = consumerSession(List.of());

        List<Exchange> responses = List.of(
                http.postJson("/v1/sessions/revoke", Map.of("session_id", byId.sessionId())),
                http.postJson("/v1/sessions/revoke", Map.of("session_token", byToken.sessionToken())),
                http.postJson("/v1/sessions/revoke", Map.of("session_jwt", byJwt.sessionJwt())));

        assertThat(responses).extracting(Exchange::status).containsOnly(200);
        for (EmulatedSession session : List.of(byId, byToken, byJwt)) {
            assertThat(http.postJson("/v1/sessions/authenticate", Map.of("session_token", session.sessionToken())).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void b2bRevokeWhenEachFormThenConforms() {
        B2bFixture byId = b2bSession("acme-revoke-id", List.of());
        B2bFixture byToken = b2bSession("acme-revoke-token", List.of());
        B2bFixture byJwt = b2bSession("acme-revoke-jwt", List.of());
        B2bFixture byMember = b2bSession("acme-revoke-member", List.of());

        List<Exchange> responses = List.of(
                http.postJson("/v1/b2b/sessions/revoke", Map.of("member_session_id", byId.session().sessionId())),
                http.postJson("/v1/b2b/sessions/revoke", Map.of("session_token", byToken.session().sessionToken())),
                http.postJson("/v1/b2b/sessions/revoke", Map.of("session_jwt", byJwt.session().sessionJwt())),
                http.postJson("/v1/b2b/sessions/revoke", Map.of("member_id", byMember.member().memberId())));

        assertThat(responses).extracting(Exchange::status).containsOnly(200);
        for (B2bFixture b2b : List.of(byId, byToken, byJwt, byMember)) {
            assertThat(http.postJson("/v1/b2b/sessions/authenticate",
                    Map.of("session_token", b2b.session().sessionToken())).status()).isEqualTo(404);
        }
    }

    @Test
    void consumerRevokeWhenUnknownSessionThen404Conforms() {
        Exchange response = http.postJson("/v1/sessions/revoke", Map.of("session_id", "session-test-00000000-0000-0000-0000-000000000000"));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void consumerPolicyWhenDefaultAndWhenChangedThenConforms() {
        emulator.rbac().setConsumerPolicy(EmulatedPolicy.defaultConsumerPolicy());
        Exchange defaults = http.get("/v1/rbac/policy");
        emulator.rbac().setConsumerPolicy(DOCUMENTS_POLICY);
        Exchange changed = http.get("/v1/rbac/policy");

        assertThat(defaults.json().path("policy").path("roles").findValuesAsText("role_id")).contains("stytch_user");
        assertThat(changed.json().path("policy").path("roles").findValuesAsText("role_id")).containsExactly("editor", "owner");
        assertThat(changed.json().path("policy").path("scopes").findValuesAsText("scope")).containsExactly("read:documents");
    }

    @Test
    void b2bPolicyWhenDefaultThenConformsWithReservedRolesAndResources() {
        emulator.rbac().setB2bPolicy(EmulatedPolicy.defaultB2bPolicy());

        Exchange response = http.get("/v1/b2b/rbac/policy");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("policy").path("roles").findValuesAsText("role_id"))
                .contains("stytch_member", "stytch_admin");
        assertThat(response.json().path("policy").path("resources").findValuesAsText("resource_id"))
                .contains("stytch.organization", "stytch.member", "stytch.self");
    }

    @Test
    void b2bOrganizationPolicyWhenCustomRolesSetThenConforms() {
        EmulatedOrganization organization = emulator.createOrganization(o -> o.name("Custom").slug("custom-roles"));
        emulator.rbac().setOrganizationRoles(organization.organizationId(),
                List.of(EmulatedPolicy.role("auditor", "Reads everything", EmulatedPolicy.permission("documents", "read"))));

        Exchange withRoles = http.get("/v1/b2b/rbac/organizations/" + organization.organizationId());
        Exchange withoutRoles = http.get("/v1/b2b/rbac/organizations/"
                + emulator.createOrganization(o -> o.name("Plain").slug("plain-roles")).organizationId());

        assertThat(withRoles.json().path("org_policy").path("roles").findValuesAsText("role_id")).containsExactly("auditor");
        assertThat(withoutRoles.status()).isEqualTo(200);
        assertThat(withoutRoles.json().path("org_policy").path("roles").isArray()).isTrue();
    }

    @Test
    void b2bOrganizationPolicyWhenUnknownOrganizationThen404Conforms() {
        Exchange response = http.get("/v1/b2b/rbac/organizations/organization-test-00000000-0000-0000-0000-000000000000");

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void m2mTokenWhenJsonWithProjectCredentialsThenConforms() {
        EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes("read:users", "write:users"));

        Exchange response = http.postJson("/v1/public/" + emulator.projectId() + "/oauth2/token",
                Map.of("client_id", client.clientId(), "client_secret", client.clientSecret(),
                        "grant_type", "client_credentials", "scope", "read:users"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("expires_in").asInt()).isEqualTo(3600);
    }

    @Test
    void m2mTokenWhenFormWithClientCredentialsOnlyThenConforms() {
        // The docs: this endpoint is authenticated by client_id/client_secret; node sends no Basic auth.
        EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes("read:users"));

        Exchange response = http.withAuthorization(null).postForm("/v1/public/" + emulator.projectId() + "/oauth2/token",
                Map.of("client_id", client.clientId(), "client_secret", client.clientSecret(),
                        "grant_type", "client_credentials"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("access_token").asText()).isNotEmpty();
    }

    @Test
    void connectedAppCreateWhenConfidentialThenConformsWithSecretAndGetConformsWithout() {
        Exchange created = http.postJson("/v1/connected_apps/clients", Map.of("client_type", "first_party",
                "client_name", "Reports", "client_description", "Nightly reports", "full_access_allowed", false));
        String clientId = created.json().path("connected_app").path("client_id").asText();

        Exchange fetched = http.get("/v1/connected_apps/clients/" + clientId);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("connected_app").path("client_secret").asText()).isNotEmpty();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("connected_app").path("client_name").asText()).isEqualTo("Reports");
        assertThat(fetched.json().path("connected_app").has("client_secret")).isFalse();
    }

    @Test
    void connectedAppCreateWhenPublicThenConformsWithoutSecretAndDeleteConforms() {
        Exchange created = http.postJson("/v1/connected_apps/clients", Map.of("client_type", "third_party_public",
                "redirect_urls", List.of("http://127.0.0.1:33418/callback")));
        String clientId = created.json().path("connected_app").path("client_id").asText();

        Exchange deleted = http.send("DELETE", "/v1/connected_apps/clients/" + clientId, Map.of(), null, null);

        assertThat(created.json().path("connected_app").has("client_secret")).isFalse();
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("client_id").asText()).isEqualTo(clientId);
    }

    @Test
    void connectedAppGetWhenUnknownThen404Conforms() {
        Exchange response = http.get("/v1/connected_apps/clients/connected-app-test-00000000-0000-0000-0000-000000000000");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error_type").asText()).isEqualTo("connected_app_not_found");
    }

    @Test
    void introspectWhenActiveMemberTokenThenConformsWithOrganizationClaim() {
        B2bFixture b2b = b2bSession("acme-introspect", List.of());
        EmulatedConnectedApp client = emulator.connectedApps().create(c -> c.name("Agent"));
        String token = emulator.connectedApps().accessToken(b2b.member(), client, "openid");

        Exchange response = http.withAuthorization(null).postForm("/v1/public/" + emulator.projectId() + "/oauth2/introspect",
                Map.of("token", token, "client_id", client.clientId(), "client_secret", client.clientSecret(),
                        "token_type_hint", "access_token"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("active").asBoolean()).isTrue();
        assertThat(response.json().path("https://stytch.com/organization").path("slug").asText()).isEqualTo("acme-introspect");
    }

    @Test
    void introspectWhenRevokedThenInactiveConformsAndWrongSecret401Conforms() {
        EmulatedUser user = emulator.createUser(u -> u.email("granter-" + System.nanoTime() + "@example.com"));
        EmulatedConnectedApp client = emulator.connectedApps().create(c -> c.name("Revoked"));
        String token = emulator.connectedApps().accessToken(user, client);
        emulator.connectedApps().revoke(token);

        Exchange inactive = http.withAuthorization(null).postForm("/v1/oauth2/introspect",
                Map.of("token", token, "client_id", client.clientId(), "client_secret", client.clientSecret()));
        Exchange unauthorized = http.withAuthorization(null).postForm("/v1/oauth2/introspect",
                Map.of("token", token, "client_id", client.clientId(), "client_secret", "wrong"));

        assertThat(inactive.json().path("active").asBoolean(true)).isFalse();
        assertThat(unauthorized.status()).isEqualTo(401);
    }

    @Test
    void metadataWhenEachDocumentThenConforms() {
        List<Exchange> documents = List.of(
                http.withAuthorization(null).get("/.well-known/openid-configuration"),
                http.withAuthorization(null).get("/v1/public/" + emulator.projectId() + "/.well-known/openid-configuration"),
                http.withAuthorization(null).get("/.well-known/oauth-authorization-server"));

        assertThat(documents).extracting(Exchange::status).containsOnly(200);
        assertThat(documents.get(2).json().path("introspection_endpoint").asText()).endsWith("/v1/oauth2/introspect");
    }

    @Test
    void whoamiWhenProjectCredentialsThenConformsWithProjectIdAndName() {
        Exchange response = http.get("/v1/debug/whoami");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("project_id").asText()).isEqualTo(emulator.projectId());
        assertThat(response.json().path("name").asText()).isNotEmpty();
    }

    @Test
    void whoamiWhenWrongSecretThen401Conforms() {
        Exchange response = http.withAuthorization(TestHttp.basic(emulator.projectId(), "secret-test-wrong"))
                .get("/v1/debug/whoami");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error_type").asText()).isEqualTo("unauthorized_credentials");
    }

    @Test
    void anyEndpointWhenWrongSecretThen401Conforms() {
        Exchange response = http.withAuthorization(TestHttp.basic(emulator.projectId(), "secret-test-wrong"))
                .offSpec().postJson("/v1/sessions/authenticate", Map.of("session_token", "x".repeat(44)));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error_type").asText()).isEqualTo("unauthorized_credentials");
    }

    @Test
    void anyEndpointWhenForced429Or500ThenConforms() {
        emulator.faults().respond("/v1/b2b/rbac/policy", 429, 1);
        emulator.faults().respond("/v1/sessions/authenticate", 500, 1);

        Exchange tooMany = http.get("/v1/b2b/rbac/policy");
        Exchange serverError = http.postJson("/v1/sessions/authenticate", Map.of("session_token", "x".repeat(44)));

        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.responseHeader("Retry-After")).isPresent();
        assertThat(tooMany.json().path("error_type").asText()).isEqualTo("too_many_requests");
        assertThat(serverError.status()).isEqualTo(500);
        assertThat(serverError.json().path("error_type").asText()).isEqualTo("internal_server_error");
    }

    private EmulatedSession consumerSession(List<String> roles) {
        EmulatedUser user = emulator.createUser(u -> u.email("user-" + System.nanoTime() + "@example.com").name("Ada")
                .roles(roles.toArray(String[]::new)));
        return emulator.createSession(user, s -> s.duration(Duration.ofHours(1)).customClaim("tier", "gold")
                .factor(EmulatedFactors.emailMagicLink(user.email()))
                .factor(EmulatedFactors.smsOtp("+15555550100"))
                .factor(EmulatedFactors.googleOAuth("google-subject-1"))
                .factor(EmulatedFactors.totp())
                .attributes("203.0.113.7", "Mozilla/5.0"));
    }

    private B2bFixture b2bSession(String slug, List<String> roles) {
        EmulatedOrganization organization = emulator.createOrganization(o -> o.name("Org " + slug).slug(slug)
                .externalId("ext-" + slug));
        EmulatedMember member = emulator.createMember(organization, m -> m.email("alice@" + slug + ".test").name("Alice")
                .roles(roles.toArray(String[]::new)).externalId("ext-alice-" + slug));
        EmulatedSession session = emulator.createMemberSession(member, s -> s.duration(Duration.ofMinutes(30))
                .factor(EmulatedFactors.emailOtp(member.email()))
                .factor(EmulatedFactors.samlSso("saml-connection-test-1", "alice")));
        return new B2bFixture(organization, member, session);
    }

    /** A JWK's big-endian unsigned integer: the two's-complement bytes without a leading sign byte. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private record B2bFixture(EmulatedOrganization organization, EmulatedMember member, EmulatedSession session) {
    }
}
