package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.github.stytchjakarta.filter.internal.StytchFilterInitializer;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.JettyServer;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three ways to register the filter: a real {@code WEB-INF/web.xml}, the no-argument filter with
 * init-params, and the {@code ServletContainerInitializer} (on, off, and not twice). These filters
 * build their own {@code Stytch} from configuration.
 */
class RegistrationTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private final AtomicReference<ServletContextHandler> context = new AtomicReference<>();
    private StytchEmulator emulator;
    private EmulatedSession session;
    private JettyServer server;

    @BeforeEach
    void createSession() {
        emulator = STYTCH.emulator();
        session = emulator.createSession(emulator.createUser(u -> u.email("kim@example.com")), s -> { });
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void webXmlWhenFilterDeclaredThenItReadsInitParamsThenContextParams() throws Exception {
        URL webapp = getClass().getClassLoader().getResource("webapp");
        WebAppContext webApp = new WebAppContext();
        webApp.setContextPath(JettyServer.CONTEXT_PATH);
        webApp.setBaseResourceAsString(webapp.toExternalForm());
        webApp.setParentLoaderPriority(true);
        stytchParams().forEach(webApp::setInitParameter);
        webApp.setInitParameter("stytch.web.login-page", "/overridden-by-the-init-param");
        webApp.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        server = JettyServer.start(webApp);

        HttpTester.Response authenticated = server.send(Requests.get("/app/api/me?roles=member").bearer(session.sessionJwt()));
        HttpTester.Response navigation = server.send(Requests.get("/app/home").navigation());

        assertThat(EchoServlet.parse(authenticated.getContent())).containsEntry("remoteUser", session.userId())
                .containsEntry("inRole", Map.of("member", true));
        assertThat(navigation.get("Location")).isEqualTo("/app/login?return_to=%2Fapp%2Fhome");
        assertThat(webApp.getServletHandler().getFilters()).as("the initializer saw the declared filter").hasSize(1);
    }

    @Test
    void initWhenConfigurationInvalidThenStartupFailsNamingEveryKey() {
        Map<String, String> params = stytchParams();
        params.remove("stytch.secret");
        params.put("stytch.web.mode", "sometimes");
        params.put("stytch.web.permissions", "GET /api/** documents:read, fetch /x");

        assertThatException().isThrownBy(() -> server = JettyServer.servletContext(context -> {
            FilterHolder filter = new FilterHolder(StytchAuthenticationFilter.class);
            params.forEach(filter::setInitParameter);
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        })).satisfies(e -> assertThat(stackTrace(e)).contains("stytch.secret: is required")
                .contains("stytch.web.mode: must be one of auto, api, browser")
                .contains("stytch.web.permissions: rule 2").doesNotContain("sometimes").doesNotContain("fetch /x"));
    }

    @Test
    void onStartupWhenUnmatchedMethodsUnknownThenStartupFailsNamingTheKeyNotTheValue() {
        Map<String, String> params = stytchParams();
        params.put("stytch.web.permissions", "GET /api/** documents:read");
        params.put("stytch.web.permissions.unmatched-methods", "forbid");

        assertThatException().isThrownBy(() -> startWithInitializer(params, false))
                .satisfies(e -> assertThat(stackTrace(e))
                        .contains("stytch.web.permissions.unmatched-methods: must be one of authenticated, deny")
                        .doesNotContain("forbid"));
    }

    @Test
    void onStartupWhenUnmatchedMethodsDenyThenUnnamedMethodOnARulePathRefused() throws Exception {
        Map<String, String> params = stytchParams();
        params.put("stytch.web.permissions", "GET /api/** documents:read");
        params.put("stytch.web.permissions.unmatched-methods", "deny");
        startWithInitializer(params, false);

        HttpTester.Response response = server.send(Requests.method("PUT", "/app/api/me").bearer(session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.unmatched_method");
    }

    @Test
    void onStartupWhenProjectIdConfiguredThenFilterRegisteredBeforeTheApplication() throws Exception {
        startWithInitializer(stytchParams(), false);

        HttpTester.Response anonymous = server.send(Requests.get("/app/api/me"));
        HttpTester.Response authenticated = server.send(Requests.get("/app/api/me").bearer(session.sessionJwt()));

        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(anonymous.getContent())).containsEntry("code", "stytch.missing_token");
        assertThat(EchoServlet.parse(authenticated.getContent())).containsEntry("remoteUser", session.userId());
        assertThat(context.get().getServletHandler().getFilters()).extracting(FilterHolder::getName)
                .containsExactly(StytchFilterInitializer.FILTER_NAME);
    }

    @Test
    void onStartupWhenAutoRegisterFalseThenNoFilter() throws Exception {
        Map<String, String> params = stytchParams();
        params.put("stytch.web.auto-register", "false");
        startWithInitializer(params, false);

        HttpTester.Response response = server.send(Requests.get("/app/api/me"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("authenticationType", null);
        assertThat(context.get().getServletHandler().getFilters()).isEmpty();
    }

    @Test
    void onStartupWhenApplicationDeclaresTheFilterThenNotRegisteredAgain() throws Exception {
        startWithInitializer(stytchParams(), true);

        HttpTester.Response anonymous = server.send(Requests.get("/app/api/me"));
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(anonymous.getContent())).containsEntry("code", "stytch.missing_token");
        assertThat(context.get().getServletHandler().getFilters()).extracting(FilterHolder::getName)
                .containsExactly("declared");
    }

    @Test
    void onStartupWhenTheDeclaredFilterAloneCarriesTheConfigurationThenItIsReadFromItsInitParams() throws Exception {
        server = JettyServer.servletContext(handler -> {
            context.set(handler);
            FilterHolder filter = new FilterHolder(StytchAuthenticationFilter.class);
            filter.setName("declared");
            stytchParams().forEach(filter::setInitParameter);
            handler.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
            handler.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        });

        HttpTester.Response anonymous = server.send(Requests.get("/app/api/me"));
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(anonymous.getContent())).containsEntry("code", "stytch.missing_token");
        assertThat(EchoServlet.parse(server.send(Requests.get("/app/api/me").bearer(session.sessionJwt())).getContent()))
                .containsEntry("remoteUser", session.userId());
    }

    @Test
    void onStartupWhenAutoRegisterIsNotABooleanThenStartupFails() {
        Map<String, String> params = stytchParams();
        params.put("stytch.web.auto-register", "perhaps");

        assertThatException().isThrownBy(() -> startWithInitializer(params, false))
                .satisfies(e -> assertThat(stackTrace(e)).contains("stytch.web.auto-register: must be true or false"));
    }

    @Test
    void serviceLoaderWhenLookingForInitializersThenFindsStytchs() {
        assertThat(ServiceLoader.load(ServletContainerInitializer.class).stream().map(ServiceLoader.Provider::type))
                .contains(StytchFilterInitializer.class);
    }

    private void startWithInitializer(Map<String, String> params, boolean declareFilter) throws Exception {
        server = JettyServer.servletContext(handler -> {
            context.set(handler);
            params.forEach(handler::setInitParameter);
            if (declareFilter) {
                FilterHolder filter = new FilterHolder(StytchAuthenticationFilter.class);
                filter.setName("declared");
                handler.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
            }
            handler.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        });
    }

    private Map<String, String> stytchParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("stytch.project-id", emulator.projectId());
        params.put("stytch.secret", emulator.secret());
        params.put("stytch.base-url", emulator.baseUrl().toString());
        params.put("stytch.http.request-timeout", "PT2S");
        return params;
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
