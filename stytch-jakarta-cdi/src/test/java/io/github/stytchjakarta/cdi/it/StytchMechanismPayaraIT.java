package io.github.stytchjakarta.cdi.it;

import static io.github.stytchjakarta.testsupport.TestHttp.bearer;
import static io.github.stytchjakarta.testsupport.TestHttp.cookie;
import static io.github.stytchjakarta.testsupport.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.cdi.contract.SecuredApiContract;
import io.github.stytchjakarta.cdi.it.app.ApiApplication;
import io.github.stytchjakarta.cdi.it.app.AuthenticationLog;
import io.github.stytchjakarta.cdi.it.app.DocumentArchive;
import io.github.stytchjakarta.cdi.it.app.DocumentsResource;
import io.github.stytchjakarta.cdi.it.app.PublicResource;
import io.github.stytchjakarta.cdi.it.app.ReportsResource;
import io.github.stytchjakarta.cdi.it.app.SecurityConfiguration;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.HostileTokens;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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
 * Arquillian with this WAR) against the emulator in the test JVM, over HTTP: the {@link SecuredApiContract}
 * and what only an EE server has: the container's view of the caller, {@code @RolesAllowed} on JAX-RS and
 * EJBs, the login redirect, {@code ;} path parameters under Jersey, events and logout.
 * One deployment for the whole class: starting Payara is the expensive part.
 */
@ExtendWith(ArquillianExtension.class)
class StytchMechanismPayaraIT extends SecuredApiContract {

    private static StytchEmulator emulator;
    private static DemoData demo;

    @ArquillianResource
    private URL deployment;

    private TestHttp http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        emulator = StytchEmulator.builder().build().start();
        demo = DemoData.seed(emulator);
        Map<String, String> config = ItDeployments.emulatorConfig(emulator);
        config.put("stytch.http.connect-timeout", "PT2S");
        config.put("stytch.rbac.policy-ttl", POLICY_TTL_SECONDS);
        config.put("stytch.roles.mapping.admin", "manager");
        config.put("stytch.web.public-paths", "/api/public/**");
        config.put("stytch.web.access-tokens", ACCESS_TOKENS);
        config.put("stytch.web.access-tokens.paths", ACCESS_TOKEN_PATHS);
        config.put("stytch.web.resource-metadata.resource", RESOURCE);
        config.put("stytch.web.access-tokens.introspect", INTROSPECTED_PATHS);
        config.put("stytch.connected-apps.introspection.client-id", emulator.connectedApps().defaultClient().clientId());
        config.put("stytch.connected-apps.introspection.client-secret", emulator.connectedApps().defaultClient().clientSecret());
        config.put("stytch.web.login-page", "/login");
        return ItDeployments.war("stytch-it.war", config, SecurityConfiguration.class, ApiApplication.class,
                DocumentsResource.class, DocumentArchive.class, PublicResource.class, ReportsResource.class, AuthenticationLog.class);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void connect() {
        http = TestHttp.toLoopback(deployment).withHeader("Accept", "application/json");
    }

    @Override
    protected TestHttp http() {
        return http;
    }

    @Override
    protected StytchEmulator emulator() {
        return emulator;
    }

    @Override
    protected DemoData demo() {
        return demo;
    }

    @Override
    protected String mePath() {
        return "/api/documents/me";
    }

    @Override
    protected String readPath() {
        return "/api/documents";
    }

    @Override
    protected String deletePath() {
        return "/api/documents/7";
    }

    @Override
    protected String organizationPath(String organizationId) {
        return "/api/documents/organizations/" + organizationId;
    }

    @Test
    void readinessWhenServerHasMicroProfileHealthThenStytchCheckIsInItsReadinessEndpoint() throws Exception {
        TestHttp server = TestHttp.toLoopback(new URL(deployment, "/"));

        HttpResponse<String> response = server.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("checks")).anySatisfy(check -> {
            assertThat(check.path("name").asText()).isEqualTo("stytch");
            assertThat(check.path("status").asText()).isEqualTo("UP");
            assertThat(check.path("data").path("keys-loaded").asBoolean()).isTrue();
        });
        assertThat(server.get("/health/live").body()).as("never a liveness check").doesNotContain("\"stytch\"");
    }

    @Test
    void bearerWhenValidJwtThenEveryEeApiSeesTheMember() {
        HttpResponse<String> response = http.get("/api/documents/me", bearer(jwt("bob@acme.test")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        String bob = demo.bob().memberId();
        assertThat(me.path("organization").asText()).isEqualTo(demo.acme().organizationId());
        assertThat(me.path("callerPrincipal").path("name").asText()).isEqualTo(bob);
        assertThat(me.path("callerPrincipal").path("type").asText()).isEqualTo(StytchMember.class.getName());
        assertThat(me.path("principalsByType")).as("the portable way to the typed member").singleElement()
                .satisfies(principal -> assertThat(principal.path("name").asText()).isEqualTo(bob));
        assertThat(me.path("jaxrsPrincipal").path("type").asText()).isEqualTo(StytchMember.class.getName());
        assertThat(me.path("servletPrincipal").path("name").asText()).isEqualTo(bob);
        assertThat(me.path("callerIsEditor").asBoolean()).isTrue();
        assertThat(me.path("jaxrsIsEditor").asBoolean()).isTrue();
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
        // Payara's own @RolesAllowed check refuses here (its HTML error page), before any code of the library
        assertThat(http.get("/api/documents/admin", bearer(jwt("bob@acme.test"))).statusCode()).isEqualTo(403);
    }

    @Test
    void mappedRoleWhenStytchRoleHeldThenCallerIsInIt() {
        JsonNode alice = json(http.get("/api/documents/me", bearer(jwt("alice@acme.test"))));

        assertThat(alice.path("callerIsManager").asBoolean()).isTrue();
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
    void publicPathWhenAnonymousThenProceedsAndSignedInMethodsSeeTheCaller() {
        HttpResponse<String> open = http.get("/api/public");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(json(open).path("caller").asText()).isEqualTo("anonymous");

        HttpResponse<String> signedIn = http.get("/api/public/signed-in", bearer(jwt("carol@acme.test")));
        assertThat(json(signedIn).path("caller").asText()).isEqualTo(demo.carol().memberId());
    }

    @Test
    void eventsWhenAuthenticatingThenObserved() {
        http.get("/api/public", bearer(jwt("dave@globex.test")));
        http.get("/api/public", cookie("stytch_session_jwt", "not-a-jwt"));
        EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes("read:documents"));
        http.get("/api/public", bearer(emulator.tokens().m2mToken(client).mint()));
        HttpResponse<String> refused = http.get("/api/documents/me", bearer(HostileTokens.tamperedSignature(jwt("bob@acme.test"))));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("code").asText()).isEqualTo("stytch.invalid_token.bad_signature");
        String events = json(http.get("/api/public/events")).path("events").toString();
        assertThat(events).contains("succeeded " + demo.dave().memberId() + " BEARER_HEADER",
                "succeeded " + client.clientId() + " BEARER_HEADER",
                "failed stytch.invalid_token.malformed", "failed stytch.invalid_token.bad_signature");
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
}
