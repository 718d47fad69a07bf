package io.github.stytchjakarta.cdi.jetty;

import static io.github.stytchjakarta.testsupport.TestHttp.bearer;
import static io.github.stytchjakarta.testsupport.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.fixtures.DocumentService;
import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.ScopedService;
import io.github.stytchjakarta.cdi.fixtures.StytchWeld;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.internal.StytchFilterInitializer;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.environment.servlet.Listener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One configuration and one {@code Stytch} per application in CDI mode (Jetty 12 with Weld, the filter module's
 * {@code ServletContainerInitializer} as a server runs it): the filter it registers reads MicroProfile Config
 * and uses the CDI module's authenticator instead of building a second one from servlet sources.
 */
class OneAuthenticationPathJettyTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private Config config;
    private WeldContainer container;
    private Server jetty;

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        if (container != null) {
            container.close();
        }
        MicroProfileConfigs.release(config);
    }

    @Test
    void onStartupWhenCdiModulePresentThenTheRegisteredFilterSharesTheCdiStytch() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        DemoData demo = DemoData.seed(emulator);
        // the README's CDI quick start with the project id from the environment, which once made the filter
        // module build a second, half-configured Stytch from environment variables alone
        Map<String, String> packaged = MicroProfileConfigs.emulator(emulator, "b2b");
        packaged.remove("stytch.project-id");
        packaged.put("stytch.jwks.prefetch", "true");
        long fetchesBefore = keySetFetches(emulator);
        TestHttp http = start(MicroProfileConfigs.registerLayered(Map.of("STYTCH_PROJECT_ID", emulator.projectId()),
                packaged), context -> { });

        HttpResponse<String> me = http.get("/api/me", bearer(demo.sessions().get("bob@acme.test").sessionJwt()));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("current").asText()).isEqualTo(demo.bob().memberId());
        assertThat(http.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(keySetFetches(emulator) - fetchesBefore).as("one Stytch, so one key set prefetch").isEqualTo(1);
    }

    @Test
    void onStartupWhenStytchContextParamInCdiApplicationThenStartFailsNamingIt() {
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");

        assertThatException().isThrownBy(() -> start(MicroProfileConfigs.register(values),
                        context -> context.setInitParameter("stytch.web.permissions", "POST /** documents:create")))
                .satisfies(e -> assertThat(e).rootCause().hasMessageContaining("stytch.web.permissions: is a servlet "
                        + "context parameter, but this application reads its Stytch configuration from MicroProfile Config"));
    }

    @Test
    void onStartupWhenMicroProfileConfigLacksTheProjectIdThenStartFails() {
        assertThatException().isThrownBy(() -> start(MicroProfileConfigs.register(Map.of("stytch.web.realm", "documents")),
                        context -> { }))
                .satisfies(e -> assertThat(e).rootCause().hasMessageContaining("stytch.project-id: is required"));
    }

    private static long keySetFetches(StytchEmulator emulator) {
        return emulator.requestLog().requests().stream().filter(request -> request.path().contains("/sessions/jwks/")).count();
    }

    private TestHttp start(Config registered, Consumer<ServletContextHandler> setup) throws Exception {
        config = registered;
        container = StytchWeld.LIBRARY.start(DocumentService.class, ScopedService.class);
        ServletContextHandler context = new ServletContextHandler("/app");
        context.addEventListener(Listener.using(container));
        context.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        context.addServlet(new ServletHolder(new DocumentsServlet(container.select(DocumentService.class).get(),
                container.select(ScopedService.class).get(), container.select(CurrentStytchSession.class).get(),
                container.select(StytchWebAuthenticator.class).get())),
                "/api/*");
        setup.accept(context);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        assertThat(context.getServletHandler().getFilters()).extracting(FilterHolder::getName)
                .containsExactly(StytchFilterInitializer.FILTER_NAME);
        return TestHttp.to(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app/")).withHeader("Accept", "application/json");
    }
}
