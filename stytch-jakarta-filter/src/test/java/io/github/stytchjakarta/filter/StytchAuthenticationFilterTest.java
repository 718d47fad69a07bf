package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The filter in a real Jetty 12 against the emulator: principals, roles, refresh cookies, challenges, redirects, 403. */
class StytchAuthenticationFilterTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final DateTimeFormatter COOKIE_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static StytchApp app;
    private static DemoData demo;

    private StytchEmulator emulator;
    private EmulatedSession session;

    @BeforeAll
    static void startApp() throws Exception {
        demo = DemoData.seed(STYTCH.emulator());
        app = StytchApp.start(STYTCH.emulator(), CLOCK, web -> web
                .loginPage("/login")
                .publicPaths(List.of("/public/**"))
                .permission(PathPermission.parse("GET /api/documents/** documents:read"))
                .permission(PathPermission.parse("DELETE /api/documents/** documents:delete"))
                .roleMapping(DemoData.EDITOR, List.of("writer", "reader")));
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @BeforeEach
    void createSession() {
        emulator = STYTCH.emulator();
        session = emulator.createSession(demo.ada(), s -> s.duration(Duration.ofHours(1)));
    }

    @AfterEach
    void noTokenOrSecretInLogs() {
        assertThat(logs.text()).doesNotContain(session.sessionToken()).doesNotContain(emulator.secret())
                .doesNotContain("eyJ");
    }

    @Test
    void doFilterWhenValidJwtInBearerHeaderThenServletSeesUserPrincipalAndRoles() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/me?roles=stytch_user,editor,writer,reader,admin")
                .bearer(session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, Object> echo = EchoServlet.parse(response.getContent());
        assertThat(echo).containsEntry("principalType", "StytchUser")
                .containsEntry("principalName", demo.ada().userId())
                .containsEntry("remoteUser", demo.ada().userId())
                .containsEntry("authType", "STYTCH_BEARER")
                .containsEntry("sessionType", "StytchSession")
                .containsEntry("sessionId", session.sessionId())
                .containsEntry("authenticationType", "Authenticated")
                .containsEntry("inRole", Map.of("stytch_user", true, "editor", true, "writer", true, "reader", true,
                        "admin", false));
        assertThat(response.getValuesList("Set-Cookie")).isEmpty();
    }

    @Test
    void doFilterWhenValidJwtInCookieThenCookieAuthenticationWithoutNewCookies() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/me")
                .cookie("stytch_session_jwt", session.sessionJwt()).cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", demo.ada().userId())
                .containsEntry("authType", "STYTCH_COOKIE");
        assertThat(response.getValuesList("Set-Cookie")).isEmpty();
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).isEmpty();
    }

    @Test
    void doFilterWhenSessionCookieOnlyThenAuthenticatedRemotely() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/me").cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", demo.ada().userId());
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).hasSize(1);
    }

    @Test
    void doFilterWhenExpiredJwtCookieAndSessionCookieThenOkAndBothCookiesReissuedUntilSessionExpiry() throws Exception {
        String expired = emulator.tokens().jwt(session).expired().mint();

        HttpTester.Response response = app.send(Requests.get("/app/api/me")
                .cookie("stytch_session_jwt", expired).cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", demo.ada().userId());
        assertThat(bothCookiesRefreshed(response)).isNotEqualTo(expired);
    }

    @Test
    void doFilterWhenJwtCookieOfUnknownKeyAndLiveSessionCookieThenSessionTokenDecidesAndCookiesAreRefreshed()
            throws Exception {
        String unknownKey = emulator.tokens().jwt(session).signedWith(emulator.keys().generateUnpublished()).mint();

        HttpTester.Response response = app.send(Requests.get("/app/api/me")
                .cookie("stytch_session_jwt", unknownKey).cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", demo.ada().userId())
                .containsEntry("sessionId", session.sessionId()).containsEntry("authType", "STYTCH_COOKIE");
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"session_token\"").doesNotContain(unknownKey));
        bothCookiesRefreshed(response);
    }

    // both cookies re-set with the session's lifetime; the new JWT is accepted without another refresh
    private String bothCookiesRefreshed(HttpTester.Response response) throws Exception {
        List<String> cookies = response.getValuesList("Set-Cookie");
        assertThat(cookies).hasSize(2);
        // Secure: the in-memory connector is no loopback interface of the server, whatever the Host header says
        String attributes = "; Path=/; Expires=" + COOKIE_DATE.format(session.expiresAt()) + "; Max-Age=3600; SameSite=Lax; Secure";
        String refreshed = cookies.get(0).substring("stytch_session_jwt=".length(), cookies.get(0).indexOf(';'));
        assertThat(cookies).containsExactly("stytch_session_jwt=" + refreshed + attributes,
                "stytch_session=" + session.sessionToken() + attributes);
        HttpTester.Response withRefreshed = app.send(Requests.get("/app/api/me").cookie("stytch_session_jwt", refreshed));
        assertThat(withRefreshed.getStatus()).isEqualTo(200);
        assertThat(withRefreshed.getValuesList("Set-Cookie")).isEmpty();
        return refreshed;
    }

    @Test
    void doFilterWhenJwtCookieOfUnknownKeyAndRevokedSessionCookieThen401SessionNotFoundAndCookiesCleared()
            throws Exception {
        String unknownKey = emulator.tokens().jwt(session).signedWith(emulator.keys().generateUnpublished()).mint();
        emulator.revokeSession(session.sessionId());

        HttpTester.Response response = app.send(Requests.get("/app/api/me")
                .cookie("stytch_session_jwt", unknownKey).cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(response.getContent()))
                .containsEntry("code", "stytch.invalid_token.session_not_found");
        assertThat(response.getValuesList("Set-Cookie")).containsExactly(
                "stytch_session_jwt=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; SameSite=Lax; Secure",
                "stytch_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; SameSite=Lax; Secure");
    }

    // only an unknown key falls back: a JWT refused for anything else is final, as before
    @Test
    void doFilterWhenJwtCookieWithBadSignatureAndLiveSessionCookieThen401WithoutApiCallAndCookiesCleared()
            throws Exception {
        String jwt = session.sessionJwt();
        String badSignature = jwt.substring(0, jwt.lastIndexOf('.') + 1) + "A".repeat(342);

        HttpTester.Response response = app.send(Requests.get("/app/api/me")
                .cookie("stytch_session_jwt", badSignature).cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.invalid_token.bad_signature");
        assertThat(response.getValuesList("Set-Cookie")).hasSize(2).allMatch(cookie -> cookie.contains("Max-Age=0"));
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).isEmpty();
    }

    @Test
    void doFilterWhenExpiredBearerJwtThenOkWithoutCookies() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/me").bearer(emulator.tokens().jwt(session).expired().mint()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getValuesList("Set-Cookie")).isEmpty();
    }

    @Test
    void doFilterWhenSessionRevokedThenApiRequestGets401AndCookiesAreCleared() throws Exception {
        emulator.revokeSession(session.sessionId());

        HttpTester.Response response = app.send(Requests.get("/app/api/me").cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"stytch\", error=\"invalid_token\", error_description=\"the session was not found\"");
        assertThat(response.get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("status", 401)
                .containsEntry("code", "stytch.invalid_token.session_not_found")
                .containsEntry("detail", "the session was not found");
        assertThat(response.getValuesList("Set-Cookie")).containsExactly(
                "stytch_session_jwt=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; SameSite=Lax; Secure",
                "stytch_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; SameSite=Lax; Secure");
        assertThat(response.getContent()).doesNotContain(session.sessionToken());
    }

    @Test
    void doFilterWhenSessionRevokedAndExpiredJwtOnPageThenRedirectToLogin() throws Exception {
        String expired = emulator.tokens().jwt(session).expired().mint();
        emulator.revokeSession(session.sessionId());

        HttpTester.Response response = app.send(Requests.get("/app/reports?year=2026").navigation()
                .cookie("stytch_session_jwt", expired));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.get("Location")).isEqualTo("/app/login?return_to=%2Fapp%2Freports%3Fyear%3D2026");
        assertThat(response.getValuesList("Set-Cookie")).hasSize(2);
    }

    @Test
    void doFilterWhenNoTokenOnApiPathThen401WithBareChallengeAndProblemBody() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/me").header("Accept", "application/json"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\"");
        assertThat(response.get("Cache-Control")).isEqualTo("no-store");
        assertThat(EchoServlet.parse(response.getContent())).containsExactly(Map.entry("type", "about:blank"),
                Map.entry("title", "Unauthorized"), Map.entry("status", 401),
                Map.entry("detail", "authentication is required"), Map.entry("code", "stytch.missing_token"));
    }

    @Test
    void doFilterWhenNoTokenOnPageNavigationThenRedirectToLoginWithReturnPath() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/documents/42").navigation());

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.get("Location")).isEqualTo("/app/login?return_to=%2Fapp%2Fdocuments%2F42");
    }

    @Test
    void doFilterWhenNoTokenAndHtmlAcceptedWithoutFetchMetadataThenRedirectToLogin() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/").header("Accept", "text/html"));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.get("Location")).isEqualTo("/app/login?return_to=%2Fapp%2F");
    }

    @Test
    void doFilterWhenNoTokenOnFetchRequestAcceptingHtmlThen401() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/fragment").header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "cors"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.missing_token");
    }

    @Test
    void doFilterWhenNoTokenOnPostNavigationThen401NotRedirect() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/documents").navigation().form("title=x"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.missing_token");
    }

    @Test
    void doFilterWhenPublicPathWithoutTokenThenAnonymous() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/public/about"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("principalType", null)
                .containsEntry("remoteUser", null).containsEntry("authenticationType", "Anonymous");
    }

    @Test
    void doFilterWhenPublicPathWithValidTokenThenAuthenticated() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/public/about").bearer(session.sessionJwt()));

        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", demo.ada().userId());
    }

    @Test
    void doFilterWhenPublicPathWithRevokedSessionThenAnonymousWithFailureAttribute() throws Exception {
        emulator.revokeSession(session.sessionId());

        HttpTester.Response response = app.send(Requests.get("/app/public/about").cookie("stytch_session", session.sessionToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", null)
                .containsEntry("failureCode", "stytch.invalid_token.session_not_found");
    }

    @Test
    void doFilterWhenLoginPageThenPublic() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/login?return_to=%2Fapp%2F").navigation());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("path", "/login");
    }

    @Test
    void doFilterWhenCorsPreflightThenPassesWithoutCredentials() throws Exception {
        HttpTester.Response response = app.send(Requests.method("OPTIONS", "/app/api/documents/1")
                .header("Origin", "https://spa.example").header("Access-Control-Request-Method", "DELETE"));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenRoleGrantsPermissionRuleThenOk() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/documents/7").bearer(session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenBearerLacksPermissionThen403WithInsufficientScope() throws Exception {
        HttpTester.Response response = app.send(Requests.method("DELETE", "/app/api/documents/7").bearer(session.sessionJwt()));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", error=\"insufficient_scope\", "
                + "error_description=\"the session's roles do not grant this permission\"");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.permission_denied")
                .containsEntry("status", 403);
    }

    @Test
    void doFilterWhenCookieSessionLacksPermissionThen403WithoutChallenge() throws Exception {
        HttpTester.Response response = app.send(Requests.method("DELETE", "/app/api/documents/7")
                .cookie("stytch_session_jwt", session.sessionJwt()).header("Sec-Fetch-Site", "same-origin"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isNull();
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.permission_denied");
    }

    @Test
    void doFilterWhenPermissionRuleOnAnonymousRequestThen401() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/documents/7"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.missing_token");
    }
}
