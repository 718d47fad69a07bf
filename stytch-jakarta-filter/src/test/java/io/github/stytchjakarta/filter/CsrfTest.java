package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The origin check of cookie-authenticated state changes; bearer requests are exempt. */
class CsrfTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;

    private String jwt;

    @BeforeAll
    static void startApp() throws Exception {
        app = StytchApp.start(STYTCH.emulator(), CLOCK, web -> web.publicPaths(List.of("/public/**"))
                .csrfAllowedOrigins(List.of("https://SPA.example:443")));
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @BeforeEach
    void createSession() {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> u.email("eve@example.com")),
                s -> s.duration(Duration.ofHours(1)));
        jwt = session.sessionJwt();
    }

    @Test
    void doFilterWhenCookiePostFromForeignOriginThen403() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/api/items").cookie("stytch_session_jwt", jwt)
                .header("Origin", "https://evil.example"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isNull();
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
    }

    @Test
    void doFilterWhenCookiePostFromSameOriginThenOk() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/api/items").cookie("stytch_session_jwt", jwt)
                .header("Origin", "http://localhost"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("authType", "STYTCH_COOKIE");
    }

    @Test
    void doFilterWhenSameOriginOnAnotherPortThen403() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/api/items").cookie("stytch_session_jwt", jwt)
                .host("localhost:8080").header("Origin", "http://localhost:9090"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
    }

    @Test
    void doFilterWhenFetchMetadataSaysSameOriginThenOk() throws Exception {
        HttpTester.Response response = app.send(Requests.method("DELETE", "/app/api/items/1").cookie("stytch_session_jwt", jwt)
                .header("Sec-Fetch-Site", "same-origin"));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenFetchMetadataSaysCrossSiteWithForeignOriginThen403() throws Exception {
        HttpTester.Response response = app.send(Requests.method("PUT", "/app/api/items/1").cookie("stytch_session_jwt", jwt)
                .header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
    }

    @Test
    void doFilterWhenOriginIsAllowListedThenOk() throws Exception {
        HttpTester.Response response = app.send(Requests.method("PATCH", "/app/api/items/1").cookie("stytch_session_jwt", jwt)
                .header("Sec-Fetch-Site", "cross-site").header("Origin", "https://spa.example"));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenNullOriginThen403() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/api/items").cookie("stytch_session_jwt", jwt)
                .header("Origin", "null"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
    }

    @Test
    void doFilterWhenNoOriginButSameOriginRefererThenOk() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/api/items").cookie("stytch_session_jwt", jwt)
                .header("Referer", "http://localhost/app/page?x=1"));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenNoOriginAndForeignRefererThen403() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/api/items").cookie("stytch_session_jwt", jwt)
                .header("Referer", "https://evil.example/app/page"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
    }

    @Test
    void doFilterWhenNoOriginHeadersAtAllThen403() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/api/items").cookie("stytch_session_jwt", jwt));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
    }

    @Test
    void doFilterWhenBearerPostFromForeignOriginThenOk() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/api/items").bearer(jwt)
                .header("Origin", "https://evil.example"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("authType", "STYTCH_BEARER");
    }

    @Test
    void doFilterWhenCookieGetFromForeignOriginThenOk() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/items").cookie("stytch_session_jwt", jwt)
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenForeignCookiePostOnPublicPathThenProceedsAnonymously() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/public/contact").cookie("stytch_session_jwt", jwt)
                .header("Origin", "https://evil.example"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", null)
                .containsEntry("failureCode", "stytch.csrf");
    }
}
