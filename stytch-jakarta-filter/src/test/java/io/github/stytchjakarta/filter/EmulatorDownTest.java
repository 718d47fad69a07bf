package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.time.Duration;
import java.util.logging.Level;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stytch unreachable: JWTs that verify locally keep working on the cached keys; what needs Stytch gets
 * 503 with {@code Retry-After}, within the configured timeout rather than hanging, and the outage is
 * logged at WARNING once, not per request. Each test has its own emulator, since it is shut down.
 */
class EmulatorDownTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.atSystemTime();
    private StytchEmulator emulator;
    private StytchApp app;
    private EmulatedSession session;

    @BeforeEach
    void start() throws Exception {
        emulator = StytchEmulator.builder().clock(clock).build().start();
        app = StytchApp.start(emulator, clock, web -> web.loginPage("/login"));
        EmulatedUser user = emulator.createUser(u -> u.email("grace@example.com"));
        session = emulator.createSession(user, s -> s.duration(Duration.ofHours(1)));
        assertThat(app.send(Requests.get("/app/api/me").bearer(session.sessionJwt())).getStatus())
                .as("a first request caches the signing keys").isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        emulator.close();
    }

    @Test
    void doFilterWhenStytchDownThenLocallyValidJwtStillOk() throws Exception {
        emulator.close();

        HttpTester.Response response = app.send(Requests.get("/app/api/me").cookie("stytch_session_jwt", session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", session.userId());
    }

    @Test
    void doFilterWhenStytchDownThenOpaqueTokenGets503WithRetryAfter() throws Exception {
        emulator.close();

        HttpTester.Response response = app.send(Requests.get("/app/api/me").cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.get("Retry-After")).isEqualTo("10");
        assertThat(response.get("WWW-Authenticate")).isNull();
        assertThat(response.getValuesList("Set-Cookie")).as("the session may be fine: cookies kept").isEmpty();
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable")
                .containsEntry("status", 503);
    }

    @Test
    void doFilterWhenStytchDownThenPageNavigationWithExpiredJwtGets503NotLoginRedirect() throws Exception {
        String expired = emulator.tokens().jwt(session).expired().mint();
        emulator.close();

        HttpTester.Response response = app.send(Requests.get("/app/home").navigation().cookie("stytch_session_jwt", expired));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
    }

    @Test
    void doFilterWhenStytchHangsThenOpaqueTokenGets503AfterRequestTimeout() throws Exception {
        emulator.faults().latency("/v1/sessions/authenticate", Duration.ofMinutes(5));

        HttpTester.Response response = app.send(Requests.get("/app/api/me").cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.get("Retry-After")).isEqualTo("10");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
    }

    @Test
    void doFilterWhenStytchAnswers429ThenItsRetryAfterIsPassedOn() throws Exception {
        emulator.faults().respond("/v1/sessions/authenticate", 429);

        HttpTester.Response response = app.send(Requests.get("/app/api/me").cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.get("Retry-After")).isEqualTo("1");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
    }

    @Test
    void doFilterWhenStytchDownForManyRequestsThenOneWarning() throws Exception {
        emulator.close();

        for (int i = 0; i < 3; i++) {
            HttpTester.Response response = app.send(Requests.get("/app/api/me").cookie("stytch_session", session.sessionToken()));
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
        }

        assertThat(logs.messages(Level.WARNING, StytchWebAuthenticator.class)).singleElement().asString().contains("Stytch is unavailable");
        assertThat(logs.text()).doesNotContain(session.sessionToken()).doesNotContain(emulator.secret());
    }

    @Test
    void doFilterWhenSecretIsWrongThen503AndWarningNamingTheKeys() throws Exception {
        StytchApp misconfigured = StytchApp.start(StytchApp.coreConfig(emulator, Vertical.CONSUMER)
                .secret("secret-test-wrong").build(), StytchWebConfig.builder().build(), clock);
        try {
            HttpTester.Response response = misconfigured.send(Requests.get("/app/api/me")
                    .cookie("stytch_session", session.sessionToken()));

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
            assertThat(logs.messages(Level.WARNING, StytchWebAuthenticator.class)).singleElement().asString()
                    .contains("stytch.secret").contains("HTTP 401");
            assertThat(logs.text()).doesNotContain("secret-test-wrong");
        } finally {
            misconfigured.close();
        }
    }
}
