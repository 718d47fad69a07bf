package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.JettyServer;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container that runs no {@code ServletContainerInitializer} (Jetty's {@code WebAppContext} without its
 * annotations module, as a standalone Jetty without {@code ee10-annotations}): the packaged jar's
 * {@code web-fragment.xml} still checks the configuration and registers the filter, so the application is
 * protected or does not start. Runs after {@code package}, on the jar in a WAR's {@code WEB-INF/lib}.
 */
class FragmentRegistrationIT {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    @TempDir
    Path webapp;

    private JettyServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void startWhenNoInitializerRunsThenTheFragmentRegistersTheFilter() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> u.email("sam@example.com")), s -> { });
        WebAppContext app = webApp(Map.of("stytch.project-id", emulator.projectId(), "stytch.secret", emulator.secret(),
                "stytch.base-url", emulator.baseUrl().toString()));
        server = JettyServer.start(app);

        HttpTester.Response anonymous = server.send(Requests.get("/app/api/me"));
        HttpTester.Response authenticated = server.send(Requests.get("/app/api/me").bearer(session.sessionJwt()));

        assertThat(app.getServletHandler().getFilters()).extracting(FilterHolder::getName)
                .containsExactly("StytchAuthenticationFilter");
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(authenticated.getContent())).containsEntry("remoteUser", session.userId());
    }

    @Test
    void startWhenNoInitializerRunsAndNoProjectIdThenTheApplicationDoesNotStart() throws Exception {
        WebAppContext app = webApp(Map.of("stytch.web.permissions", "POST /** documents:create"));

        assertThatException().isThrownBy(() -> server = JettyServer.start(app))
                .satisfies(e -> assertThat(e).hasStackTraceContaining("stytch.project-id: is required"));
        assertThat(app.isAvailable()).isFalse();
    }

    private WebAppContext webApp(Map<String, String> contextParams) throws IOException {
        Path lib = Files.createDirectories(webapp.resolve("WEB-INF/lib"));
        Files.copy(Path.of(System.getProperty("it.stytch-jakarta.filter-jar")), lib.resolve("stytch-jakarta-filter.jar"));
        WebAppContext app = new WebAppContext();
        app.setContextPath(JettyServer.CONTEXT_PATH);
        app.setBaseResourceAsString(webapp.toUri().toString());
        app.setParentLoaderPriority(true);
        app.setThrowUnavailableOnStartupException(true);
        app.addServlet(new ServletHolder(new EchoServlet()), "/*");
        contextParams.forEach(app::setInitParameter);
        return app;
    }
}
