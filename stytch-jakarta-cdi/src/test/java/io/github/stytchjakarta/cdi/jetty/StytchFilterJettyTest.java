package io.github.stytchjakarta.cdi.jetty;

import static io.github.stytchjakarta.testsupport.TestHttp.bearer;
import static io.github.stytchjakarta.testsupport.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.contract.SecuredApiContract;
import io.github.stytchjakarta.cdi.fixtures.DocumentService;
import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.ScopedService;
import io.github.stytchjakarta.cdi.fixtures.StytchWeld;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.github.stytchjakarta.testsupport.TestHttp;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
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
 * The {@link SecuredApiContract} and the Payara tests that apply without Jakarta Security, on Jetty 12
 * (ee10) with Weld's servlet integration: the {@code StytchAuthenticationFilter} authenticates (sharing the
 * CDI module's {@link StytchWebAuthenticator}), CDI beans see the caller through {@link CurrentStytchSession} and
 * their {@code @RequiresPermission} / {@code @RequiresRole} checks allow and deny per the RBAC policy,
 * and refusals are answered by the shared code. Not applicable here: {@code @RolesAllowed} and EJBs
 * (no EE container) and the authentication mechanism's events.
 */
class StytchFilterJettyTest extends SecuredApiContract {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static DemoData demo;
    private static Config config;
    private static WeldContainer container;
    private static Server jetty;
    private static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoData.seed(STYTCH.emulator());
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        values.put("stytch.rbac.policy-ttl", POLICY_TTL_SECONDS);
        values.put("stytch.roles.mapping.admin", "manager, auditor");
        values.put("stytch.web.public-paths", "/api/public/**");
        values.put("stytch.web.access-tokens", ACCESS_TOKENS);
        values.put("stytch.web.access-tokens.paths", ACCESS_TOKEN_PATHS);
        values.put("stytch.web.resource-metadata.resource", RESOURCE);
        values.put("stytch.web.access-tokens.introspect", INTROSPECTED_PATHS);
        values.put("stytch.connected-apps.introspection.client-id", STYTCH.emulator().connectedApps().defaultClient().clientId());
        values.put("stytch.connected-apps.introspection.client-secret", STYTCH.emulator().connectedApps().defaultClient().clientSecret());
        config = MicroProfileConfigs.register(values);
        container = StytchWeld.LIBRARY.start(DocumentService.class, ScopedService.class);
        StytchWebAuthenticator web = container.select(StytchWebAuthenticator.class).get();

        ServletContextHandler context = new ServletContextHandler("/app");
        context.addEventListener(Listener.using(container));
        context.addFilter(new FilterHolder(new StytchAuthenticationFilter(web)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new DocumentsServlet(container.select(DocumentService.class).get(),
                container.select(ScopedService.class).get(), container.select(CurrentStytchSession.class).get(), web)), "/api/*");
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(context);
        jetty.start();
        http = TestHttp.to(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app/")).withHeader("Accept", "application/json");
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        container.close();
        MicroProfileConfigs.release(config);
    }

    @Override
    protected TestHttp http() {
        return http;
    }

    @Override
    protected StytchEmulator emulator() {
        return STYTCH.emulator();
    }

    @Override
    protected DemoData demo() {
        return demo;
    }

    @Override
    protected String mePath() {
        return "/api/me";
    }

    @Override
    protected String readPath() {
        return "/api/documents";
    }

    @Override
    protected String deletePath() {
        return "/api/documents";
    }

    @Override
    protected String organizationPath(String organizationId) {
        return "/api/organizations/" + organizationId;
    }

    @Test
    void bearerWhenValidJwtThenServletSeesTheMemberAndItsSource() {
        JsonNode me = json(http.get("/api/me", bearer(jwt("bob@acme.test"))));

        String bob = demo.bob().memberId();
        assertThat(me.path("source").asText()).isEqualTo("BEARER_HEADER");
        assertThat(me.path("servletPrincipal").asText()).isEqualTo(StytchMember.class.getName() + " " + bob);
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

    private static String jwt(String email) {
        return demo.sessions().get(email).sessionJwt();
    }
}
