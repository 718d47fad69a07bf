package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The filter over a real loopback socket, driven by the JDK's HTTP client. */
class RealSocketTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;
    private static HttpClient client;

    @BeforeAll
    static void startApp() throws Exception {
        app = StytchApp.start(STYTCH.emulator(), CLOCK, web -> { });
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
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

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(app.server().baseUri().resolve("/app/api/me"))
                .header("Cookie", "stytch_session_jwt=" + emulator.tokens().jwt(session).expired().mint())
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.body())).containsEntry("remoteUser", session.userId());
        assertThat(response.headers().allValues("set-cookie")).singleElement().asString()
                .startsWith("stytch_session_jwt=eyJ").endsWith("; Max-Age=3600; SameSite=Lax");
    }

    @Test
    void doFilterWhenNoTokenOverSocketThen401Challenge() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(app.server().baseUri().resolve("/app/api/me"))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"stytch\"");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    }
}
