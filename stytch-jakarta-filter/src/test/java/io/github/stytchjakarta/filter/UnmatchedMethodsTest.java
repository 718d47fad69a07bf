package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.StytchWebConfig.UnmatchedMethods;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stytch.web.permissions.unmatched-methods}: the same rules in two applications, one with
 * {@code deny}, one with the default {@code authenticated}. All of {@code /api/**} is public, so that
 * whatever needs a session here needs it because of the rules.
 */
class UnmatchedMethodsTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String UNMATCHED_METHOD = "stytch.forbidden.unmatched_method";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp deny;
    private static StytchApp authenticated;
    private static DemoData demo;

    @BeforeAll
    static void startApps() throws Exception {
        demo = DemoData.seed(STYTCH.emulator());
        deny = start(UnmatchedMethods.DENY);
        authenticated = start(UnmatchedMethods.AUTHENTICATED);
    }

    // rule methods deliberately in three spellings: they are compared in any case
    private static StytchApp start(UnmatchedMethods unmatched) throws Exception {
        StytchWebConfig web = StytchWebConfig.builder()
                .loginPage("/login")
                .publicPaths(List.of("/api/**"))
                .permission(PathPermission.parse("GET /api/documents/** documents:read"))
                .permission(PathPermission.parse("post /api/documents documents:write"))
                .permission(PathPermission.parse("Delete /api/archive/** documents:delete"))
                .permissionsUnmatchedMethods(unmatched)
                .build();
        return StytchApp.start(StytchApp.coreConfig(STYTCH.emulator(), Vertical.B2B).build(), web, CLOCK);
    }

    @AfterAll
    static void stopApps() throws Exception {
        try {
            deny.close();
        } finally {
            authenticated.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"PUT, /app/api/documents/1", "PATCH, /app/api/documents/1", "DELETE, /app/api/documents/1",
                "PUT, /app/api/documents", "OPTIONS, /app/api/documents/1", "POST, /app/api/archive/1"})
    void doFilterWhenDenyAndNoRuleNamesTheMethodThen403EvenForAnAdmin(String method, String target) throws Exception {
        HttpTester.Response response = deny.send(Requests.method(method, target).bearer(jwt("alice@acme.test")));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", error=\"insufficient_scope\", "
                + "error_description=\"no permission rule for this path allows this method\"");
        assertThat(response.get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("status", 403)
                .containsEntry("code", UNMATCHED_METHOD);
    }

    @Test
    void doFilterWhenDenyAndCookieSessionUsesUnnamedMethodThen403WithoutChallenge() throws Exception {
        HttpTester.Response response = deny.send(Requests.method("PUT", "/app/api/documents/1")
                .cookie("stytch_session_jwt", jwt("alice@acme.test")).header("Sec-Fetch-Site", "same-origin"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isNull();
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", UNMATCHED_METHOD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void doFilterWhenAuthenticatedModeAndNoRuleNamesTheMethodThenReachesTheApplication(String method) throws Exception {
        HttpTester.Response response = authenticated.send(Requests.method(method, "/app/api/documents/1")
                .bearer(jwt("carol@acme.test")));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", demo.carol().memberId());
    }

    @Test
    void doFilterWhenDenyAndAnonymousUsesUnnamedMethodThen401() throws Exception {
        HttpTester.Response response = deny.send(Requests.method("PUT", "/app/api/documents/1"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\"");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.missing_token");
    }

    @Test
    void doFilterWhenDenyAndAnonymousNavigatesToAPathWithoutAGetRuleThenRedirectToLogin() throws Exception {
        HttpTester.Response response = deny.send(Requests.get("/app/api/archive/1").navigation());

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.get("Location")).isEqualTo("/app/login?return_to=%2Fapp%2Fapi%2Farchive%2F1");
    }

    @Test
    void doFilterWhenAuthenticatedModeAndAnonymousUsesUnnamedMethodThenPublicPathProceeds() throws Exception {
        HttpTester.Response response = authenticated.send(Requests.method("PUT", "/app/api/documents/1"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("authenticationType", "Anonymous");
    }

    @ParameterizedTest
    @CsvSource({"PUT, alice@acme.test", "DELETE, carol@acme.test", "PUT, ", "PATCH, "})
    void doFilterWhenDenyAndNoRulePatternMatchesThenUnaffected(String method, String email) throws Exception {
        Requests request = Requests.method(method, "/app/api/notes/1");
        if (email != null) {
            request.bearer(jwt(email));
        }

        HttpTester.Response response = deny.send(request);

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenDenyAndCorsPreflightOnARulePathThenPassesWithoutCredentials() throws Exception {
        HttpTester.Response response = deny.send(Requests.method("OPTIONS", "/app/api/documents/1")
                .header("Origin", "https://spa.example").header("Access-Control-Request-Method", "PUT"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("authenticationType", "Anonymous");
    }

    // the raw request line carries the method as written, and Jetty passes an unusual spelling through unchanged
    @ParameterizedTest
    @CsvSource({"DELETE, /app/api/archive/1, alice@acme.test, 200", "delete, /app/api/archive/1, alice@acme.test, 200",
                "dElEtE, /app/api/archive/1, alice@acme.test, 200", "dElEtE, /app/api/archive/1, carol@acme.test, 403",
                "POST, /app/api/documents, bob@acme.test, 200", "Post, /app/api/documents, carol@acme.test, 403",
                "get, /app/api/documents/1, carol@acme.test, 200"})
    void doFilterWhenMethodsDifferInCaseThenTheRuleStillApplies(String method, String target, String email, int status)
            throws Exception {
        HttpTester.Response response = deny.send(Requests.method(method, target).bearer(jwt(email)));

        assertThat(response.getStatus()).isEqualTo(status);
        if (status == 403) {
            assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.permission_denied");
        } else {
            assertThat(EchoServlet.parse(response.getContent())).containsEntry("method", method)
                    .containsEntry("remoteUser", memberId(email));
        }
    }

    @Test
    void doFilterWhenMethodInOtherCaseIsNamedByNoRuleThenRefusedLikeUpperCase() throws Exception {
        HttpTester.Response response = deny.send(Requests.method("pUt", "/app/api/documents/1").bearer(jwt("alice@acme.test")));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", UNMATCHED_METHOD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HEAD", "head"})
    void doFilterWhenDenyAndHeadOnAPathWithAGetRuleThenTheGetRuleApplies(String method) throws Exception {
        HttpTester.Response reader = deny.send(Requests.method(method, "/app/api/documents/1").bearer(jwt("carol@acme.test")));
        HttpTester.Response anonymous = deny.send(Requests.method(method, "/app/api/documents/1"));

        assertThat(reader.getStatus()).isEqualTo(200);
        assertThat(anonymous.getStatus()).isEqualTo(401);
        // a HEAD answer has no body: the challenge is what says "no credential"
        assertThat(anonymous.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\"");
    }

    private static String jwt(String email) {
        return demo.sessions().get(email).sessionJwt();
    }

    private static String memberId(String email) {
        return switch (email) {
            case "alice@acme.test" -> demo.alice().memberId();
            case "bob@acme.test" -> demo.bob().memberId();
            default -> demo.carol().memberId();
        };
    }
}
