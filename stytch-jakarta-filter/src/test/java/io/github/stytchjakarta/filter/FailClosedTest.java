package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.github.stytchjakarta.filter.internal.FilterSetup;
import io.github.stytchjakarta.filter.internal.StytchFilterInitializer;
import io.github.stytchjakarta.filter.internal.WebSettings;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.JettyServer;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plain servlet container mode (Jetty 12, the module's {@code ServletContainerInitializer}) under the
 * configuration mistakes users made: each either stops the application from starting, with a message that
 * names the key (and what to do) but never a value, or leaves it protected. None ends with an endpoint
 * served anonymously.
 */
class FailClosedTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static final String SECRET_VALUE = "secret-value-never-printed";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private StytchEmulator emulator;
    private JettyServer server;

    @BeforeEach
    void emulator() {
        emulator = STYTCH.emulator();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> startupFailures() {
        return Stream.of(
                Arguments.of("nothing configured", Map.of(), List.of("stytch.project-id: is required", "stytch.enabled=false")),
                Arguments.of("secret and rules without a project id",
                        Map.of("stytch.secret", SECRET_VALUE, "stytch.web.permissions", "POST /** documents:create"),
                        List.of("stytch.project-id: is required", "stytch.enabled=false")),
                Arguments.of("a rule key in the singular", withEmulator("stytch.web.permission", "POST /** documents:create"),
                        List.of("stytch.web.permission: is not a stytch-jakarta key (did you mean stytch.web.permissions?)")),
                Arguments.of("a misspelt duration key", withEmulator("stytch.jwks.cache-tll", "PT5M"),
                        List.of("stytch.jwks.cache-tll: is not a stytch-jakarta key (did you mean stytch.jwks.cache-ttl?)")),
                Arguments.of("a misspelt path key", withEmulator("stytch.web.public-path", "/**"),
                        List.of("stytch.web.public-path: is not a stytch-jakarta key (did you mean stytch.web.public-paths?)",
                                "stytch.config.unknown-keys=warn")),
                Arguments.of("an unreadable switch", withEmulator("stytch.enabled", "off"),
                        List.of("stytch.enabled: must be true or false")),
                Arguments.of("the start-up check with a wrong secret", withEmulator("stytch.startup-check", "true",
                        "stytch.secret", SECRET_VALUE), List.of("stytch.secret: Stytch refused the project id and secret (HTTP 401")),
                Arguments.of("the start-up check with another project's id", withEmulator("stytch.startup-check", "true",
                        "stytch.project-id", "project-test-11111111-1111-1111-1111-111111111111"),
                        List.of("stytch.project-id: Stytch refused the project id and secret (HTTP 401")),
                Arguments.of("protected resource metadata over plain http", withEmulator("stytch.web.resource-metadata.resource",
                        "http://mcp.example.com/mcp"), List.of("stytch.web.resource-metadata.resource: must be an absolute https URL")),
                Arguments.of("a scope rule without a scope", withEmulator("stytch.web.scopes", "POST /mcp/**"),
                        List.of("stytch.web.scopes: rule 1: a scope rule must be METHOD PATTERN SCOPE[ SCOPE...]")),
                Arguments.of("introspected paths without an introspection client", withEmulator(
                        "stytch.web.access-tokens.introspect", "/mcp/**"), List.of("stytch.web.access-tokens.introspect: needs "
                        + "stytch.connected-apps.introspection.client-id and stytch.connected-apps.introspection.client-secret")),
                Arguments.of("an introspection client secret without its id", withEmulator(
                        "stytch.connected-apps.introspection.client-secret", SECRET_VALUE),
                        List.of("stytch.connected-apps.introspection.client-id: is required with "
                                + "stytch.connected-apps.introspection.client-secret")),
                Arguments.of("auto-registration off and a misspelt key", Map.of("stytch.web.auto-register", "false",
                        "stytch.web.protect-paths", "/**"), List.of("stytch.web.protect-paths: is not a stytch-jakarta key")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startupFailures")
    void onStartupWhenMisconfiguredThenStartFailsNamingTheKey(String mistake, Map<String, String> contextParams,
                                                              List<String> expected) {
        assertThatException().isThrownBy(() -> startWithInitializer(contextParams, context -> { }))
                .satisfies(e -> assertThat(stackTrace(e)).contains(expected).doesNotContain(SECRET_VALUE)
                        .doesNotContain("documents:create").doesNotContain("PT5M"));
    }

    @Test
    void onStartupWhenMisspeltKeyIsASystemPropertyThenStartFails() {
        System.setProperty("stytch.web.logout-pth", "/bye");
        try {
            assertThatException().isThrownBy(() -> startWithInitializer(withEmulator(), context -> { }))
                    .satisfies(e -> assertThat(stackTrace(e))
                            .contains("stytch.web.logout-pth: is not a stytch-jakarta key (did you mean stytch.web.logout-path?)"));
        } finally {
            System.clearProperty("stytch.web.logout-pth");
        }
    }

    @Test
    void initWhenMisspeltKeyIsAFilterInitParamThenStartFails() {
        Map<String, String> params = withEmulator("stytch.web.permision", "POST /** documents:create");
        params.put("stytch.web.auto-register", "false");

        assertThatException().isThrownBy(() -> server = JettyServer.servletContext(context -> {
            FilterHolder filter = new FilterHolder(StytchAuthenticationFilter.class);
            params.forEach(filter::setInitParameter);
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        })).satisfies(e -> assertThat(stackTrace(e))
                .contains("stytch.web.permision: is not a stytch-jakarta key (did you mean stytch.web.permissions?)"));
    }

    @Test
    void onStartupWhenAnotherFilterHasOurNameThenStartFails() {
        FilterHolder foreign = new FilterHolder(new PassThroughFilter());
        foreign.setName(StytchFilterInitializer.FILTER_NAME);

        assertThatException().isThrownBy(() -> startWithInitializer(withEmulator(),
                context -> context.addFilter(foreign, "/*", EnumSet.of(DispatcherType.REQUEST))))
                .satisfies(e -> assertThat(stackTrace(e))
                        .contains("a filter named StytchAuthenticationFilter that is not stytch-jakarta's exists"));
    }

    @Test
    void onStartupWhenUnknownKeysToleratedThenWarnedAndStillProtected() throws Exception {
        Map<String, String> params = withEmulator("stytch.future.setting", "on");
        params.put("stytch.config.unknown-keys", "warn");
        startWithInitializer(params, context -> { });

        HttpTester.Response anonymous = server.send(Requests.get("/app/api/me"));
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(anonymous.getContent())).containsEntry("code", "stytch.missing_token");
        assertThat(logs.messages(Level.WARNING, WebSettings.class))
                .contains("stytch.future.setting: is not a stytch-jakarta key; ignored");
    }

    @Test
    void onStartupWhenSwitchedOffExplicitlyThenNoFilterAndAWarning() throws Exception {
        startWithInitializer(Map.of("stytch.enabled", "false"), context -> { });

        HttpTester.Response response = server.send(Requests.get("/app/api/me"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("authenticationType", null);
        assertThat(logs.messages(Level.WARNING, FilterSetup.class))
                .containsExactly("stytch.enabled=false: stytch-jakarta is switched off in /app; no request is authenticated by it");
    }

    @Test
    void onStartupWhenSystemPropertyAndContextParamDisagreeThenSystemPropertyWins() throws Exception {
        Map<String, String> params = withEmulator("stytch.web.realm", "from-web-xml");
        System.setProperty("stytch.web.realm", "from-system-property");
        try {
            startWithInitializer(params, context -> { });
        } finally {
            System.clearProperty("stytch.web.realm");
        }

        assertThat(server.send(Requests.get("/app/api/me")).get("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"from-system-property\"");
    }

    @Test
    void initWhenFilterInitParamAndContextParamDisagreeThenInitParamWins() throws Exception {
        Map<String, String> params = withEmulator("stytch.web.realm", "from-context-param");
        params.put("stytch.web.auto-register", "false");
        server = JettyServer.servletContext(context -> {
            params.forEach(context::setInitParameter);
            FilterHolder filter = new FilterHolder(StytchAuthenticationFilter.class);
            filter.setInitParameter("stytch.web.realm", "from-init-param");
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        });

        assertThat(server.send(Requests.get("/app/api/me")).get("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"from-init-param\"");
    }

    @Test
    void onStartupWhenConfiguredThenEveryPathProtected() throws Exception {
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> u.email("ana@example.com")), s -> { });
        startWithInitializer(withEmulator(), context -> { });

        for (Requests anonymous : List.of(Requests.get("/app/api/me"), Requests.post("/app/api/documents"))) {
            HttpTester.Response response = server.send(anonymous);
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.missing_token");
        }
        assertThat(EchoServlet.parse(server.send(Requests.get("/app/api/me").bearer(session.sessionJwt())).getContent()))
                .containsEntry("remoteUser", session.userId());
    }

    private void startWithInitializer(Map<String, String> contextParams, Consumer<ServletContextHandler> more)
            throws Exception {
        server = JettyServer.servletContext(context -> {
            contextParams.forEach(context::setInitParameter);
            more.accept(context);
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        });
    }

    private static Map<String, String> withEmulator(String... keyValues) {
        StytchEmulator emulator = STYTCH.emulator();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("stytch.project-id", emulator.projectId());
        params.put("stytch.secret", emulator.secret());
        params.put("stytch.base-url", emulator.baseUrl().toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return params;
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** Any filter of the application that happens to carry the library's filter name. */
    private static final class PassThroughFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(request, response);
        }
    }
}
