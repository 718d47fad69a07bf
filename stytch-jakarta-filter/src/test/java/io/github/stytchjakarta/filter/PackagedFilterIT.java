package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.github.stytchjakarta.filter.support.JettyServer;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jars (after {@code package}) in a web application's {@code WEB-INF/lib}, in Jetty's
 * {@code WebAppContext} without its annotations module, so that no {@code ServletContainerInitializer} runs
 * (as in a standalone Jetty without {@code ee10-annotations}) and with the test JVM's copies of the library,
 * Nimbus and Jackson hidden from the application:
 * <ul>
 *   <li>the filter jar's {@code web-fragment.xml} checks the configuration and registers the filter, so the
 *       application is protected or does not start;</li>
 *   <li>the library keeps the Nimbus it was tested with when the application's class loader offers an older
 *       one under the same names (Nimbus 9.47, what GlassFish 7.0 loads first; our key cache needs
 *       constructors from 10.5). Without the relocation in core's jar this fails with a
 *       {@code NoSuchMethodError} (checked by hand with a jar of core's unrelocated classes).</li>
 * </ul>
 */
class PackagedFilterIT {

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
        EmulatedSession session = session("sam@example.com");
        WebAppContext app = webApp(emulatorParams());
        server = JettyServer.start(app);

        HttpTester.Response anonymous = server.send(Requests.get("/app/me"));
        HttpTester.Response authenticated = server.send(Requests.get("/app/me").bearer(session.sessionJwt()));

        assertThat(app.getServletHandler().getFilters()).extracting(FilterHolder::getName)
                .containsExactly("StytchAuthenticationFilter");
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContent()).contains("\"code\":\"stytch.missing_token\"");
        assertThat(authenticated.getContent()).isEqualTo(session.userId());
    }

    @Test
    void startWhenNoInitializerRunsAndNoProjectIdThenTheApplicationDoesNotStart() throws Exception {
        WebAppContext app = webApp(Map.of("stytch.web.permissions", "POST /** documents:create"));

        assertThatException().isThrownBy(() -> server = JettyServer.start(app))
                .satisfies(e -> assertThat(e).hasStackTraceContaining("stytch.project-id: is required"));
        assertThat(app.isAvailable()).isFalse();
    }

    @Test
    void startWhenAnOlderNimbusIsOnTheApplicationsClassPathThenOursIsUsed() throws Exception {
        EmulatedSession session = session("kai@example.com");
        WebAppContext app = webApp(emulatorParams(), Path.of(System.getProperty("it.stytch-jakarta.old-nimbus-jar")));
        server = JettyServer.start(app);

        HttpTester.Response authenticated = server.send(Requests.get("/app/me").bearer(session.sessionJwt()));

        assertThat(authenticated.getStatus()).isEqualTo(200);
        assertThat(authenticated.getContent()).isEqualTo(session.userId());
    }

    private static EmulatedSession session(String email) {
        StytchEmulator emulator = STYTCH.emulator();
        return emulator.createSession(emulator.createUser(u -> u.email(email)), s -> { });
    }

    private static Map<String, String> emulatorParams() {
        StytchEmulator emulator = STYTCH.emulator();
        return Map.of("stytch.project-id", emulator.projectId(), "stytch.secret", emulator.secret(),
                "stytch.base-url", emulator.baseUrl().toString());
    }

    // WEB-INF/lib: the packaged filter and core jars, and any other jars given
    private WebAppContext webApp(Map<String, String> contextParams, Path... otherJars) throws IOException {
        Path lib = Files.createDirectories(webapp.resolve("WEB-INF/lib"));
        for (Path jar : Stream.concat(Stream.of(Path.of(System.getProperty("it.stytch-jakarta.filter-jar")),
                Path.of(System.getProperty("it.stytch-jakarta.core-jar"))), Stream.of(otherJars)).toList()) {
            Files.copy(jar, lib.resolve(jar.getFileName()));
        }
        WebAppContext app = new WebAppContext();
        app.setContextPath(JettyServer.CONTEXT_PATH);
        app.setBaseResourceAsString(webapp.toUri().toString());
        app.setThrowUnavailableOnStartupException(true);
        app.getHiddenClassMatcher().add("io.github.stytchjakarta.", "com.nimbusds.", "com.fasterxml.jackson.");
        app.addServlet(new ServletHolder(new CallerServlet()), "/*");
        contextParams.forEach(app::setInitParameter);
        return app;
    }

    /** Answers the caller's name; it uses nothing but the Servlet API, which the application shares. */
    private static final class CallerServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(request.getUserPrincipal().getName());
        }
    }
}
