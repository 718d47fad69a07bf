package io.github.stytchjakarta.filter;

import static io.github.stytchjakarta.testsupport.TestHttp.cookie;
import static io.github.stytchjakarta.testsupport.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The filter over a real loopback socket, driven by the JDK's HTTP client. */
class RealSocketTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;
    private static TestHttp http;

    @BeforeAll
    static void startApp() throws Exception {
        app = StytchApp.start(STYTCH.emulator(), CLOCK, web -> { });
        http = TestHttp.to(app.server().baseUri());
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @Test
    void doFilterWhenExpiredJwtCookieOverSocketThenOkWithRefreshedCookie() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> u.email("ray@example.com")),
                s -> s.duration(Duration.ofHours(1)));

        HttpResponse<String> response = http.get("/app/api/me",
                cookie("stytch_session_jwt", emulator.tokens().jwt(session).expired().mint()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.body())).containsEntry("remoteUser", session.userId());
        assertThat(response.headers().allValues("set-cookie")).singleElement().asString()
                .startsWith("stytch_session_jwt=eyJ").endsWith("; Max-Age=3600; SameSite=Lax");
    }

    @Test
    void doFilterWhenNoTokenOverSocketThen401Challenge() throws Exception {
        HttpResponse<String> response = http.get("/app/api/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"stytch\"");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(json(response).path("code").asText()).isEqualTo("stytch.missing_token");
    }
}
