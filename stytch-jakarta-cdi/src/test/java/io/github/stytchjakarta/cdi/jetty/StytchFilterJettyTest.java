package io.github.stytchjakarta.cdi.jetty;

import static io.github.stytchjakarta.cdi.fixtures.HttpProbe.bearer;
import static io.github.stytchjakarta.cdi.fixtures.HttpProbe.cookie;
import static io.github.stytchjakarta.cdi.fixtures.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.fixtures.DocumentService;
import io.github.stytchjakarta.cdi.fixtures.HttpProbe;
import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.TestContainers;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.environment.servlet.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Payara tests that apply without Jakarta Security, on Jetty 12 (ee10) with Weld's servlet
 * integration: the {@code StytchAuthenticationFilter} authenticates (sharing the CDI module's
 * {@link StytchWebAuthenticator}), CDI beans see the caller through {@link CurrentStytchSession} and
 * their {@code @RequiresPermission} / {@code @RequiresRole} checks allow and deny per the RBAC policy,
 * and refusals are answered by the shared code. Not applicable here: {@code @RolesAllowed} and EJBs
 * (no EE container) and the authentication mechanism's events.
 */
class StytchFilterJettyTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static DemoData demo;
    private static Config config;
    private static WeldContainer container;
    private static Server jetty;
    private static HttpProbe http;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoData.seed(STYTCH.emulator());
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        values.put("stytch.rbac.policy-ttl", "2");
        values.put("stytch.roles.mapping.admin", "manager, auditor");
        values.put("stytch.web.public-paths", "/api/public/**");
        config = MicroProfileConfigs.register(values);
        container = TestContainers.start(DocumentService.class);
        StytchWebAuthenticator web = container.select(StytchWebAuthenticator.class).get();

        ServletContextHandler context = new ServletContextHandler("/app");
        context.addEventListener(Listener.using(container));
        context.addFilter(new FilterHolder(new StytchAuthenticationFilter(web)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new DocumentsServlet(container.select(DocumentService.class).get(),
                container.select(CurrentStytchSession.class).get(), web)), "/api/*");
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(context);
        jetty.start();
        http = new HttpProbe(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app/").toURL());
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        container.close();
        MicroProfileConfigs.release(config);
    }

    @Test
    void bearerWhenValidJwtThenServletAndBeansSeeTheMember() {
        HttpResponse<String> response = http.get("/api/me", bearer(jwt("bob@acme.test")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        String bob = demo.bob().memberId();
        assertThat(me.path("current").asText()).isEqualTo(bob);
        assertThat(me.path("source").asText()).isEqualTo("BEARER_HEADER");
        assertThat(me.path("servletPrincipal").asText()).isEqualTo(StytchMember.class.getName() + " " + bob);
        assertThat(me.path("servletIsEditor").asBoolean()).isTrue();
        assertThat(me.path("authType").asText()).isEqualTo("STYTCH_BEARER");
    }

    @Test
    void cookieWhenValidJwtOrSessionTokenThenAuthenticated() {
        HttpResponse<String> byJwt = http.get("/api/me", cookie("stytch_session_jwt", jwt("carol@acme.test")));
        HttpResponse<String> byToken = http.get("/api/me",
                cookie("stytch_session", demo.sessions().get("carol@acme.test").sessionToken()));

        assertThat(json(byJwt).path("current").asText()).isEqualTo(demo.carol().memberId());
        assertThat(json(byJwt).path("authType").asText()).isEqualTo("STYTCH_COOKIE");
        assertThat(json(byToken).path("current").asText()).isEqualTo(demo.carol().memberId());
    }

    @Test
    void protectedPathWhenNoTokenThenChallenge() {
        HttpResponse<String> response = http.get("/api/documents");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stytch\"");
        assertThat(json(response).path("code").asText()).isEqualTo("stytch.missing_token");
    }

    @Test
    void requiresPermissionWhenPolicyGrantsThenAllowedElseForbidden() {
        assertThat(http.get("/api/documents", bearer(jwt("carol@acme.test"))).statusCode()).isEqualTo(200);
        assertThat(http.send(http.request("/api/documents").headers(bearer(jwt("alice@acme.test"))).DELETE())
                .statusCode()).isEqualTo(200);

        HttpResponse<String> denied = http.send(http.request("/api/documents").headers(bearer(jwt("carol@acme.test"))).DELETE());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.permission_denied");
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"insufficient_scope\""));
    }

    @Test
    void requiresPermissionWhenOtherOrganizationThenTenancyMismatch() {
        String acme = demo.acme().organizationId();
        assertThat(http.get("/api/organizations/" + acme, bearer(jwt("bob@acme.test"))).statusCode()).isEqualTo(200);

        HttpResponse<String> denied = http.get("/api/organizations/" + acme, bearer(jwt("dave@globex.test")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.tenancy_mismatch");
    }

    @Test
    void mappedRoleWhenStytchRoleHeldThenServletAndBeansAgree() {
        JsonNode alice = json(http.get("/api/me", bearer(jwt("alice@acme.test"))));
        assertThat(alice.path("servletIsManager").asBoolean()).isTrue();
        assertThat(alice.path("roles").toString()).contains("\"manager\"", "\"auditor\"");

        assertThat(http.get("/api/audit", bearer(jwt("alice@acme.test"))).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = http.get("/api/audit", bearer(jwt("bob@acme.test")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.role_missing");
    }

    @Test
    void publicPathWhenAnonymousThenAuthenticatedBeanMethodRefuses() {
        HttpResponse<String> refused = http.get("/api/public/signed-in");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stytch\"");
        assertThat(json(refused).path("code").asText()).isEqualTo("stytch.missing_token");
        assertThat(http.get("/api/public/signed-in", bearer(jwt("bob@acme.test"))).statusCode()).isEqualTo(200);
    }

    @Test
    void policyChangeWhenMadeInStytchThenEffectiveAfterTheCacheTtl() throws InterruptedException {
        EmulatedMember archivist = STYTCH.emulator().createMember(demo.acme(), m -> m.email("erin@acme.test")
                .roles("archivist"));
        String token = STYTCH.emulator().createMemberSession(archivist, s -> { }).sessionJwt();
        assertThat(http.send(http.request("/api/documents").headers(bearer(token)).DELETE()).statusCode()).isEqualTo(403);

        STYTCH.emulator().rbac().setB2bPolicy(STYTCH.emulator().rbac().b2bPolicy().toBuilder()
                .role("archivist", "Archives documents", EmulatedPolicy.permission(DemoData.RESOURCE, "delete"))
                .build());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            Thread.sleep(250);
            status = http.send(http.request("/api/documents").headers(bearer(token)).DELETE()).statusCode();
        } while (status == 403 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }

    @Test
    void badTokenWhenAnyShapeThen401NeverA500() {
        String valid = jwt("bob@acme.test");
        String[] parts = valid.split("\\.");
        Map<String, String[]> attempts = new LinkedHashMap<>();
        attempts.put("garbage", bearer("garbage"));
        attempts.put("truncated", bearer(valid.substring(0, valid.length() / 2)));
        attempts.put("bad signature", bearer(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA"));
        attempts.put("alg none", bearer(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."));
        attempts.put("unknown kid",
                bearer(STYTCH.emulator().tokens().jwt(demo.sessions().get("bob@acme.test")).keyId("no-such-key").mint()));
        attempts.put("huge", bearer("a".repeat(6000)));
        attempts.put("unknown session token", cookie("stytch_session", "A".repeat(44)));
        attempts.forEach((name, headers) -> {
            HttpResponse<String> response = http.get("/api/me", headers);
            assertThat(response.statusCode()).as(name).isIn(400, 401);
            assertThat(response.body()).as(name).doesNotContain(valid).doesNotContain("Exception");
        });
    }

    private static String jwt(String email) {
        return demo.sessions().get(email).sessionJwt();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
