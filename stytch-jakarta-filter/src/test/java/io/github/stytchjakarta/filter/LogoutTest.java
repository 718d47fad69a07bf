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
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The logout endpoint: revocation at Stytch, cookies cleared with their attributes, redirect or 204, CSRF. */
class LogoutTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String CLEARED = "; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; SameSite=Lax";
    // the in-memory connector is no loopback interface of the server, whatever the Host header says
    private static final String CLEARED_SECURE = CLEARED + "; Secure";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;
    private static StytchApp httpOnlyApp;

    private StytchEmulator emulator;
    private EmulatedSession session;

    @BeforeAll
    static void startApps() throws Exception {
        app = StytchApp.start(STYTCH.emulator(), CLOCK, web -> web.logoutRedirect("/goodbye"));
        httpOnlyApp = StytchApp.start(STYTCH.emulator(), CLOCK, web -> web.cookieHttpOnly(true)
                .cookieDomain("example.com").cookiePath("/").logoutPath("/auth/logout").logoutAllowGet(true));
    }

    @AfterAll
    static void stopApps() throws Exception {
        app.close();
        httpOnlyApp.close();
    }

    @BeforeEach
    void createSession() {
        emulator = STYTCH.emulator();
        session = emulator.createSession(emulator.createUser(u -> u.email("lin@example.com")), s -> s.duration(Duration.ofHours(1)));
    }

    @Test
    void logoutWhenCookieSessionPostedThenRevokedCookiesClearedAnd204() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/logout").header("Origin", "http://localhost")
                .cookie("stytch_session_jwt", session.sessionJwt()).cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getValuesList("Set-Cookie")).containsExactly(
                "stytch_session_jwt=; Path=/" + CLEARED_SECURE,
                "stytch_session=; Path=/" + CLEARED_SECURE);
        assertThat(response.get("Cache-Control")).isEqualTo("no-store");
        assertThat(session.isActive()).isFalse();
        assertThat(emulator.requestLog().requests("/v1/sessions/revoke")).singleElement()
                .satisfies(request -> assertThat(request.body()).contains(session.sessionId()));
    }

    @Test
    void logoutWhenBrowserNavigationThenRedirectToLogoutTarget() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/logout").navigation().header("Sec-Fetch-Site", "same-origin")
                .cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.get("Location")).isEqualTo("/app/goodbye");
        assertThat(session.isActive()).isFalse();
    }

    @Test
    void logoutWhenBearerThenRevokedAnd204WithCookiesCleared() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/logout").bearer(session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getValuesList("Set-Cookie")).hasSize(2);
        assertThat(session.isActive()).isFalse();
    }

    @Test
    void logoutWhenMethodInLowerCaseThenStillALogout() throws Exception {
        HttpTester.Response response = app.send(Requests.method("post", "/app/logout").bearer(session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(session.isActive()).isFalse();
    }

    @Test
    void logoutWhenSessionAlreadyRevokedThen204AndCookiesCleared() throws Exception {
        emulator.revokeSession(session.sessionId());

        HttpTester.Response response = app.send(Requests.post("/app/logout").header("Sec-Fetch-Site", "same-origin")
                .cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getValuesList("Set-Cookie")).hasSize(2);
    }

    @Test
    void logoutWhenAnonymousThen204AndCookiesCleared() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/logout").header("Sec-Fetch-Site", "same-origin"));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getValuesList("Set-Cookie")).hasSize(2);
        assertThat(emulator.requestLog().requests("/v1/sessions/revoke")).isEmpty();
    }

    @Test
    void logoutWhenForeignOriginWithCookieThen403AndSessionKept() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/logout").header("Origin", "https://evil.example")
                .cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
        assertThat(response.getValuesList("Set-Cookie")).isEmpty();
        assertThat(session.isActive()).isTrue();
    }

    @Test
    void logoutWhenCrossSiteWithTwoJwtCookiesThen403AndSessionAndCookiesKept() throws Exception {
        String other = emulator.createSession(emulator.createUser(u -> u.email("mo@example.com")), s -> { }).sessionJwt();

        HttpTester.Response response = app.send(Requests.post("/app/logout").header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").cookie("stytch_session_jwt", session.sessionJwt())
                .cookie("stytch_session_jwt", other).cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
        assertThat(response.getValuesList("Set-Cookie")).isEmpty();
        assertThat(session.isActive()).isTrue();
    }

    @Test
    void logoutWhenCrossSiteFormWithoutCookiesThen403AndNoCookieCleared() throws Exception {
        // a cross-site form post carries no SameSite=Lax cookie, but the browser would apply the clearing Set-Cookie
        HttpTester.Response response = app.send(Requests.post("/app/logout").navigation()
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site").form(""));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.csrf");
        assertThat(response.getValuesList("Set-Cookie")).isEmpty();
    }

    @Test
    void logoutWhenGetAndGetNotAllowedThenRequestReachesTheApplication() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/logout").cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("path", "/logout");
        assertThat(session.isActive()).isTrue();
    }

    @Test
    void logoutWhenStytchFailsThenCookiesClearedAnd503() throws Exception {
        emulator.faults().respond("/v1/sessions/revoke", 500);

        HttpTester.Response response = app.send(Requests.post("/app/logout").header("Sec-Fetch-Site", "same-origin")
                .cookie("stytch_session_jwt", session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.get("Retry-After")).isEqualTo("10");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
        assertThat(response.getValuesList("Set-Cookie")).hasSize(2);
        assertThat(session.isActive()).isTrue();
    }

    @Test
    void logoutWhenHttpOnlyDomainCookiesOnPublicHostThenClearedWithTheSameAttributes() throws Exception {
        HttpTester.Response response = httpOnlyApp.send(Requests.get("/app/auth/logout").host("app.example.com")
                .cookie("stytch_session_jwt", session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getValuesList("Set-Cookie")).containsExactly(
                "stytch_session_jwt=; Path=/; Domain=example.com" + CLEARED_SECURE + "; HttpOnly",
                "stytch_session=; Path=/; Domain=example.com" + CLEARED_SECURE + "; HttpOnly");
        assertThat(session.isActive()).isFalse();
    }
}
