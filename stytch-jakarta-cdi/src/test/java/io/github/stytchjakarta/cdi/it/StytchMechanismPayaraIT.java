package io.github.stytchjakarta.cdi.it;

import static io.github.stytchjakarta.cdi.fixtures.HttpProbe.bearer;
import static io.github.stytchjakarta.cdi.fixtures.HttpProbe.cookie;
import static io.github.stytchjakarta.cdi.fixtures.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.cdi.fixtures.HttpProbe;
import io.github.stytchjakarta.cdi.it.app.ApiApplication;
import io.github.stytchjakarta.cdi.it.app.AuthenticationLog;
import io.github.stytchjakarta.cdi.it.app.DocumentArchive;
import io.github.stytchjakarta.cdi.it.app.DocumentsResource;
import io.github.stytchjakarta.cdi.it.app.PublicResource;
import io.github.stytchjakarta.cdi.it.app.SecurityConfiguration;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.HostileTokens;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code StytchAuthenticationMechanism} in a real Jakarta EE 10 server (Payara Micro 6, started by
 * Arquillian with this WAR) against the emulator in the test JVM, over HTTP: authentication by bearer
 * and cookies, the container's view of the caller, {@code @RolesAllowed} on JAX-RS and EJBs,
 * {@code @RequiresPermission} with tenancy, policy changes, events, and bad tokens never giving a 500.
 * One deployment for the whole class: starting Payara is the expensive part.
 */
@ExtendWith(ArquillianExtension.class)
class StytchMechanismPayaraIT {

    private static final String POLICY_TTL_SECONDS = "2";

    private static StytchEmulator emulator;
    private static DemoData demo;

    @ArquillianResource
    private URL deployment;

    private HttpProbe http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        emulator = StytchEmulator.builder().build().start();
        demo = DemoData.seed(emulator);
        Map<String, String> config = ItDeployments.emulatorConfig(emulator);
        config.put("stytch.http.connect-timeout", "PT2S");
        config.put("stytch.rbac.policy-ttl", POLICY_TTL_SECONDS);
        config.put("stytch.roles.mapping.admin", "manager");
        config.put("stytch.web.public-paths", "/api/public/**");
        config.put("stytch.web.login-page", "/login");
        return ItDeployments.war("stytch-it.war", config, SecurityConfiguration.class, ApiApplication.class,
                DocumentsResource.class, DocumentArchive.class, PublicResource.class, AuthenticationLog.class);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void connect() {
        http = new HttpProbe(deployment);
    }

    @Test
    void bearerWhenValidJwtThenEveryApiSeesTheMember() {
        HttpResponse<String> response = http.get("/api/documents/me", bearer(jwt("bob@acme.test")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        String bob = demo.bob().memberId();
        assertThat(me.path("current").asText()).isEqualTo(bob);
        assertThat(me.path("organization").asText()).isEqualTo(demo.acme().organizationId());
        assertThat(me.path("callerPrincipal").path("name").asText()).isEqualTo(bob);
        assertThat(me.path("callerPrincipal").path("type").asText()).isEqualTo(StytchMember.class.getName());
        assertThat(me.path("principalsByType")).as("the portable way to the typed member").singleElement()
                .satisfies(principal -> assertThat(principal.path("name").asText()).isEqualTo(bob));
        assertThat(me.path("jaxrsPrincipal").path("type").asText()).isEqualTo(StytchMember.class.getName());
        assertThat(me.path("jaxrsScheme").asText()).isEqualTo("STYTCH_BEARER");
        assertThat(me.path("servletPrincipal").path("name").asText()).isEqualTo(bob);
        assertThat(me.path("callerIsEditor").asBoolean()).isTrue();
        assertThat(me.path("jaxrsIsEditor").asBoolean()).isTrue();
        assertThat(me.path("servletIsEditor").asBoolean()).isTrue();
    }

    @Test
    void cookieWhenValidJwtThenAuthenticated() {
        HttpResponse<String> response = http.get("/api/documents/me", cookie("stytch_session_jwt", jwt("carol@acme.test")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("current").asText()).isEqualTo(demo.carol().memberId());
        assertThat(json(response).path("jaxrsScheme").asText()).isEqualTo("STYTCH_COOKIE");
    }

    @Test
    void cookieWhenOpaqueSessionTokenThenAuthenticatedByStytch() {
        String token = demo.sessions().get("carol@acme.test").sessionToken();
        HttpResponse<String> response = http.get("/api/documents/me", cookie("stytch_session", token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("current").asText()).isEqualTo(demo.carol().memberId());
    }

    @Test
    void cookieWhenJwtExpiredButSessionLiveThenFreshJwtCookie() {
        EmulatedSession session = demo.sessions().get("bob@acme.test");
        HttpResponse<String> response = http.get("/api/documents/me",
                cookie("stytch_session_jwt", emulator.tokens().jwt(session).expired().mint()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(header -> assertThat(header).startsWith("stytch_session_jwt=").contains("SameSite=Lax"));
    }

    @Test
    void protectedPathWhenNoTokenThenChallenge() {
        HttpResponse<String> response = http.get("/api/documents");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stytch\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("code").asText()).isEqualTo("stytch.missing_token");
    }

    @Test
    void protectedPageWhenBrowserWithoutSessionThenRedirectToLogin() {
        HttpResponse<String> response = http.send(http.request("/api/documents?page=2")
                .header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate").GET());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(http.contextPath() + "/login?return_to=")
                .contains("api%2Fdocuments%3Fpage%3D2"));
    }

    @Test
    void rolesAllowedWhenStytchRoleHeldThenAllowedElseForbidden() {
        assertThat(http.get("/api/documents/admin", bearer(jwt("alice@acme.test"))).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/documents/admin", bearer(jwt("bob@acme.test"))).statusCode()).isEqualTo(403);
    }

    @Test
    void mappedRoleWhenStytchRoleHeldThenCallerIsInIt() {
        JsonNode alice = json(http.get("/api/documents/me", bearer(jwt("alice@acme.test"))));

        assertThat(alice.path("callerIsManager").asBoolean()).isTrue();
        assertThat(alice.path("roles").toString()).contains("\"admin\"", "\"manager\"");
    }

    @Test
    void requiresPermissionWhenPolicyGrantsThenAllowedElseForbidden() {
        assertThat(http.get("/api/documents", bearer(jwt("carol@acme.test"))).statusCode()).isEqualTo(200);
        assertThat(http.send(http.request("/api/documents/7").headers(bearer(jwt("alice@acme.test"))).DELETE())
                .statusCode()).isEqualTo(200);

        HttpResponse<String> denied = http.send(http.request("/api/documents/7").headers(bearer(jwt("carol@acme.test"))).DELETE());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.permission_denied");
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"insufficient_scope\""));
    }

    @Test
    void pathParameterWhenInRequestUriThen400BeforeAnyRule() {
        // Payara cuts the servlet path at the first ';' while Jersey routes the rest as matrix parameters
        for (String path : List.of("/api/documents;x/7", "/api/documents;a=b;c=d/7", "/api/documents/7;x")) {
            HttpResponse<String> response = http.send(http.request(path).headers(bearer(jwt("carol@acme.test"))).DELETE());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(json(response).path("code").asText()).as(path).isEqualTo("stytch.invalid_request.path");
        }
    }

    @Test
    void requiresPermissionWhenOtherOrganizationThenTenancyMismatch() {
        String acme = demo.acme().organizationId();
        assertThat(http.get("/api/documents/organizations/" + acme, bearer(jwt("bob@acme.test"))).statusCode())
                .isEqualTo(200);

        HttpResponse<String> denied = http.get("/api/documents/organizations/" + acme, bearer(jwt("dave@globex.test")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.tenancy_mismatch");
    }

    @Test
    void ejbWhenRolesAllowedThenCallerPropagatedElseForbiddenNot500() {
        HttpResponse<String> response = http.get("/api/documents/ejb/editor", bearer(jwt("bob@acme.test")));
        assertThat(response.statusCode()).isEqualTo(200);
        String bob = demo.bob().memberId();
        assertThat(json(response).path("ejb").asText()).isEqualTo(bob + " " + bob);

        HttpResponse<String> denied = http.get("/api/documents/ejb/editor", bearer(jwt("carol@acme.test")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.role_missing");
    }

    @Test
    void ejbWhenRequiresPermissionDeniedThenForbiddenNotWrapped() {
        HttpResponse<String> denied = http.send(http.request("/api/documents/ejb").headers(bearer(jwt("bob@acme.test"))).DELETE());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.permission_denied");

        HttpResponse<String> allowed = http.send(http.request("/api/documents/ejb").headers(bearer(jwt("alice@acme.test"))).DELETE());
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    @Test
    void policyChangeWhenMadeInStytchThenEffectiveAfterTheCacheTtl() throws InterruptedException {
        EmulatedMember archivist = emulator.createMember(demo.acme(), m -> m.email("erin@acme.test").roles("archivist"));
        String token = emulator.createMemberSession(archivist, s -> { }).sessionJwt();
        assertThat(http.send(http.request("/api/documents/8").headers(bearer(token)).DELETE()).statusCode()).isEqualTo(403);

        emulator.rbac().setB2bPolicy(emulator.rbac().b2bPolicy().toBuilder()
                .role("archivist", "Archives documents", EmulatedPolicy.permission(DemoData.RESOURCE, "delete"))
                .build());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            Thread.sleep(250);
            status = http.send(http.request("/api/documents/8").headers(bearer(token)).DELETE()).statusCode();
        } while (status == 403 && System.nanoTime() < deadline);
        assertThat(status).as("allowed once the policy cache (TTL %s s) refreshed", POLICY_TTL_SECONDS).isEqualTo(200);
    }

    @Test
    void publicPathWhenAnonymousThenProceedsButAuthenticatedMethodsRefuse() {
        HttpResponse<String> open = http.get("/api/public");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(json(open).path("caller").asText()).isEqualTo("anonymous");

        HttpResponse<String> refused = http.get("/api/public/signed-in");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stytch\"");
        assertThat(json(refused).path("code").asText()).isEqualTo("stytch.missing_token");

        HttpResponse<String> signedIn = http.get("/api/public/signed-in", bearer(jwt("carol@acme.test")));
        assertThat(json(signedIn).path("caller").asText()).isEqualTo(demo.carol().memberId());
    }

    @Test
    void eventsWhenAuthenticatingThenObserved() {
        http.get("/api/public", bearer(jwt("dave@globex.test")));
        http.get("/api/public", cookie("stytch_session_jwt", "not-a-jwt"));
        HttpResponse<String> refused = http.get("/api/documents/me", bearer(HostileTokens.tamperedSignature(jwt("bob@acme.test"))));

        assertThat(refused.statusCode()).isEqualTo(401);
        String events = json(http.get("/api/public/events")).path("events").toString();
        assertThat(events).contains("succeeded " + demo.dave().memberId() + " BEARER_HEADER",
                "failed stytch.invalid_token.malformed", "failed stytch.invalid_token.bad_signature");
    }

    @Test
    void badTokenWhenAnyShapeThen401NeverA500() {
        String valid = jwt("bob@acme.test");
        String[] parts = valid.split("\\.");
        String noneHeader = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        Map<String, String[]> attempts = new LinkedHashMap<>();
        attempts.put("garbage", bearer("garbage"));
        attempts.put("truncated", bearer(valid.substring(0, valid.length() / 2)));
        attempts.put("bad signature", bearer(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA"));
        attempts.put("alg none", bearer(noneHeader + "." + parts[1] + "."));
        attempts.put("unknown kid", bearer(emulator.tokens().jwt(demo.sessions().get("bob@acme.test")).keyId("no-such-key").mint()));
        attempts.put("bad base64", bearer("!!!." + parts[1] + "." + parts[2]));
        attempts.put("json array header", bearer(base64("[1,2]") + "." + parts[1] + "." + parts[2]));
        attempts.put("huge", bearer("a".repeat(6000)));
        attempts.put("bad cookie", cookie("stytch_session_jwt", "%%%\u00e9"));
        attempts.put("unknown session token", cookie("stytch_session", "A".repeat(44)));
        attempts.forEach((name, headers) -> {
            HttpResponse<String> response = http.get("/api/documents/me", headers);
            assertThat(response.statusCode()).as(name).isIn(400, 401);
            assertThat(response.body()).as(name).doesNotContain(valid).doesNotContain("Exception");
        });
    }

    @Test
    void logoutWhenBearerThenSessionRevokedAtStytch() {
        EmulatedSession session = emulator.createMemberSession(demo.carol(), s -> { });

        HttpResponse<String> response = http.send(http.request("/logout").headers(bearer(session.sessionJwt()))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(session.isActive()).isFalse();
    }

    private static String jwt(String email) {
        return demo.sessions().get(email).sessionJwt();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
