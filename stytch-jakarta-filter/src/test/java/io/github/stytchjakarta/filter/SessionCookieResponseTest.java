package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What accompanies a re-issued session cookie: {@code Cache-Control: no-store}, and {@code Secure} in auto
 * mode decided by the connection the server received, not by the {@code Host} header.
 */
class SessionCookieResponseTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;
    private static TestHttp http;

    private StytchEmulator emulator;
    private EmulatedSession session;

    @BeforeAll
    static void startApp() throws Exception {
        app = StytchApp.start(STYTCH.emulator(), CLOCK, web -> { });
        http = TestHttp.to(app.server().baseUri());
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @BeforeEach
    void createSession() {
        emulator = STYTCH.emulator();
        session = emulator.createSession(emulator.createUser(u -> u.email("kim@example.com")), s -> s.duration(Duration.ofHours(1)));
    }

    @Test
    void doFilterWhenJwtCookieRefreshedThenResponseIsNoStore() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/me").host("app.example.com")
                .cookie("stytch_session_jwt", emulator.tokens().jwt(session).expired().mint())
                .cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getValuesList("Set-Cookie")).hasSize(2);
        assertThat(response.get("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void doFilterWhenHostSaysLocalhostOnConnectionNotOnLoopbackThenCookieSecure() throws Exception {
        // the in-memory connector's local address is no loopback interface: a client chose the Host header
        HttpTester.Response response = app.send(Requests.get("/app/api/me").host("localhost")
                .cookie("stytch_session_jwt", emulator.tokens().jwt(session).expired().mint()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getValuesList("Set-Cookie")).singleElement().asString().endsWith("; SameSite=Lax; Secure");
    }

    @Test
    void doFilterWhenLoopbackSocketForLocalhostThenCookieNotSecure() throws Exception {
        HttpResponse<String> response = refreshOverSocket(List.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("set-cookie")).singleElement().asString().endsWith("; SameSite=Lax");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
    }

    @Test
    void doFilterWhenLoopbackSocketBehindProxyForwardingHttpsThenCookieSecure() throws Exception {
        HttpResponse<String> forwardedProto = refreshOverSocket(List.of("X-Forwarded-Proto", "https"));
        HttpResponse<String> forwarded = refreshOverSocket(List.of("Forwarded", "for=192.0.2.60;proto=https;by=203.0.113.43"));

        assertThat(forwardedProto.headers().allValues("set-cookie")).singleElement().asString().endsWith("; SameSite=Lax; Secure");
        assertThat(forwarded.headers().allValues("set-cookie")).singleElement().asString().endsWith("; SameSite=Lax; Secure");
    }

    // the JDK client sends Host: 127.0.0.1:<port>, a loopback name, over a loopback connection
    private HttpResponse<String> refreshOverSocket(List<String> headers) throws Exception {
        HttpRequest.Builder request = http.request("/app/api/me")
                .header("Cookie", "stytch_session_jwt=" + emulator.tokens().jwt(session).expired().mint()).GET();
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request);
    }
}
