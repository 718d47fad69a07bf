package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library keeps the Nimbus and Jackson it was tested with, whatever else the application's class
 * loader offers under their names. The packaged jars run in a web application whose only
 * {@code com.nimbusds} classes are Nimbus 9.47 (what GlassFish 7.0 puts first; our key cache needs
 * constructors from 10.5), with the test JVM's own copies hidden from it: the application starts, and
 * a session JWT is verified against the emulator's keys.
 */
class ForeignDependenciesIT {

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
    void startWhenAnOlderNimbusIsOnTheApplicationsClassPathThenOursIsUsed() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> u.email("kai@example.com")), s -> { });
        Path lib = Files.createDirectories(webapp.resolve("WEB-INF/lib"));
        Files.copy(Path.of(System.getProperty("it.stytch-jakarta.filter-jar")), lib.resolve("stytch-jakarta-filter.jar"));
        try (var jars = Files.list(Path.of(System.getProperty("it.stytch-jakarta.lib")))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }
        WebAppContext app = new WebAppContext();
        app.setContextPath(JettyServer.CONTEXT_PATH);
        app.setBaseResourceAsString(webapp.toUri().toString());
        app.setThrowUnavailableOnStartupException(true);
        // the application sees WEB-INF/lib only: the library's jars and the old Nimbus
        app.getHiddenClassMatcher().add("io.github.stytchjakarta.", "com.nimbusds.", "com.fasterxml.jackson.");
        app.addServlet(new ServletHolder(new CallerServlet()), "/*");
        app.setInitParameter("stytch.project-id", emulator.projectId());
        app.setInitParameter("stytch.secret", emulator.secret());
        app.setInitParameter("stytch.base-url", emulator.baseUrl().toString());
        server = JettyServer.start(app);

        HttpTester.Response authenticated = server.send(Requests.get("/app/me").bearer(session.sessionJwt()));
        HttpTester.Response anonymous = server.send(Requests.get("/app/me"));

        assertThat(authenticated.getStatus()).isEqualTo(200);
        assertThat(authenticated.getContent()).isEqualTo(session.userId());
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContent()).contains("\"code\":\"stytch.missing_token\"");
    }

    /** Answers the caller's name; it uses nothing but the Servlet API, which the application shares. */
    private static final class CallerServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(request.getUserPrincipal().getName());
        }
    }
}
