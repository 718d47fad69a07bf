package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.stytchjakarta.core.internal.http.StytchHttp;
import io.github.stytchjakarta.filter.internal.StytchFilterInitializer;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.JettyServer;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A configuration that starts but points at the wrong place, as a user writes it (context params, the
 * module's initializer, Jetty 12): it is told apart from a bad token. A {@code stytch.base-url} of a web
 * server that is not Stytch gives 503 and a WARNING naming the URL and status, not "session not found";
 * a project id the tokens were not issued for gives 401 and a WARNING naming the keys to check. Neither
 * shows a token or the secret.
 */
class MisconfiguredStytchTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static final String NOT_FOUND_PAGE = "<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private HttpServer foreign;
    private JettyServer server;
    private EmulatedSession session;

    @BeforeEach
    void start() throws IOException {
        foreign = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        foreign.createContext("/", exchange -> {
            try (exchange) {
                byte[] page = NOT_FOUND_PAGE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(404, page.length);
                exchange.getResponseBody().write(page);
            }
        });
        foreign.start();
        StytchEmulator emulator = STYTCH.emulator();
        session = emulator.createSession(emulator.createUser(u -> u.email("lee@example.com")), s -> { });
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        foreign.stop(0);
    }

    @Test
    void doFilterWhenBaseUrlIsAnotherWebServerThen503AndAWarningNamingUrlAndStatus() throws Exception {
        String baseUrl = "http://127.0.0.1:" + foreign.getAddress().getPort();
        start(Map.of("stytch.project-id", STYTCH.emulator().projectId(), "stytch.base-url", baseUrl));

        HttpTester.Response response = server.send(Requests.get("/app/api/me").cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.get("Retry-After")).isEqualTo("10");
        assertThat(response.getContent()).contains("\"code\":\"stytch.unavailable\"").doesNotContain("session_not_found");
        assertThat(logs.messages(Level.WARNING, StytchHttp.class)).containsExactly("Stytch API call POST " + baseUrl
                + "/v1/sessions/authenticate answered HTTP 404 without a Stytch error body: check stytch.base-url "
                + "(and stytch.project-id)");
        assertThat(logs.text() + response.getContent()).doesNotContain(session.sessionToken())
                .doesNotContain(STYTCH.emulator().secret());
    }

    @Test
    void doFilterWhenProjectIdIsNotTheTokensThen401AndAWarningNamingTheKeys() throws Exception {
        start(Map.of("stytch.project-id", "project-test-00000000-0000-0000-0000-000000000000",
                "stytch.base-url", STYTCH.emulator().baseUrl().toString()));

        HttpTester.Response first = server.send(Requests.get("/app/api/me").bearer(session.sessionJwt()));
        HttpTester.Response second = server.send(Requests.get("/app/api/me").bearer(session.sessionJwt()));

        assertThat(first.getStatus()).isEqualTo(401);
        assertThat(first.get("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(second.getStatus()).isEqualTo(401);
        assertThat(List.of(first, second)).extracting(response -> EchoServlet.parse(response.getContent()).get("code"))
                .containsOnly("stytch.invalid_token.wrong_issuer");
        assertThat(logs.messages(Level.WARNING)).as("one WARNING a minute")
                .filteredOn(message -> message.contains("JWT issuer not accepted")).singleElement()
                .asString().contains("JWT issuer not accepted", "stytch.com/" + STYTCH.emulator().projectId(),
                        "check stytch.project-id / stytch.base-url / stytch.jwt.issuers");
        assertThat(logs.text()).doesNotContain(session.sessionJwt()).doesNotContain(STYTCH.emulator().secret());
    }

    private void start(Map<String, String> contextParams) throws Exception {
        server = JettyServer.servletContext(context -> {
            contextParams.forEach(context::setInitParameter);
            context.setInitParameter("stytch.secret", STYTCH.emulator().secret());
            context.setInitParameter("stytch.http.max-retries", "0");
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        });
    }
}
