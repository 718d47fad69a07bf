package io.github.stytchjakarta.compat;

import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

/**
 * The HTTP checks of the filter-only WAR ({@link CallerServlet} behind the filter and its permission rules):
 * the Bearer challenge, bearer and cookie authentication, {@code isUserInRole}, rules that allow, deny and deny
 * unnamed methods, path parameters refused, a refreshed JWT cookie, the CSRF check and logout; M2M and Connected-App
 * callers on the paths that allow them (the container's remote user, no roles) and refused where they are not.
 */
final class FilterOnlyChecks extends AppChecks {

    /** The WAR's {@code stytch.web.access-tokens.paths}: machine callers under {@code /api/machine}, nowhere else. */
    static final String MACHINE_PATHS = "/api/machine/**=m2m,connected-app";

    FilterOnlyChecks(StytchEmulator emulator, DemoData demo) {
        super(emulator, demo);
    }

    @Override
    void run(SoftAssertions checks, TestHttp app) {
        String bob = demo.bob().memberId();
        HttpResponse<String> anonymous = app.get("/api/me");
        challenged(checks, anonymous);

        HttpResponse<String> bearer = app.get("/api/me", bearer("bob@acme.test"));
        checks.assertThat(TestHttp.json(bearer).path("remoteUser").asText()).as("bearer caller").isEqualTo(bob);
        checks.assertThat(TestHttp.json(bearer).path("editor").asBoolean()).as("isUserInRole").isTrue();

        permissionDenied(checks, app.delete("/api/documents/1", bearer("carol@acme.test")));
        for (String pathParameter : List.of("api/documents;x/1", "api/documents;a=b;c=d/1", "api/documents/1;x")) {
            HttpResponse<String> refused = app.delete("/" + pathParameter, bearer("carol@acme.test"));
            checks.assertThat(refused.statusCode()).as("path parameter " + pathParameter).isEqualTo(400);
            checks.assertThat(code(refused)).as("path parameter's problem").isEqualTo("stytch.invalid_request.path");
        }
        checks.assertThat(app.delete("/api/documents/1", bearer("alice@acme.test")).statusCode())
                .as("admin deletes").isEqualTo(200);
        HttpResponse<String> unnamed = app.send(app.request("/api/documents/1")
                .method("PATCH", BodyPublishers.noBody()).headers(bearer("alice@acme.test")));
        checks.assertThat(unnamed.statusCode()).as("a method no rule names").isEqualTo(403);
        checks.assertThat(code(unnamed)).as("unnamed method's problem").isEqualTo("stytch.forbidden.unmatched_method");

        EmulatedSession bobs = demo.sessions().get("bob@acme.test");
        HttpResponse<String> opaque = app.get("/api/me", TestHttp.cookie("stytch_session", bobs.sessionToken()));
        checks.assertThat(TestHttp.json(opaque).path("remoteUser").asText()).as("opaque cookie").isEqualTo(bob);
        HttpResponse<String> refreshed = app.get("/api/me", expiredJwtCookies(bobs));
        checks.assertThat(TestHttp.json(refreshed).path("remoteUser").asText()).as("expired JWT, live session").isEqualTo(bob);
        jwtCookieRefreshed(checks, refreshed);
        csrfRefused(checks, app.send(app.request("/api/documents").POST(BodyPublishers.noBody()).headers(
                with(TestHttp.cookie("stytch_session_jwt", bobs.sessionJwt()), "Origin", "https://elsewhere.example"))));

        machineCallers(checks, app);

        EmulatedSession leaving = emulator.createMemberSession(demo.bob(), s -> { });
        int revokesBefore = revokes();
        HttpResponse<String> logout = app.send(app.request("/logout").POST(BodyPublishers.noBody())
                .headers(TestHttp.bearer(leaving.sessionJwt())));
        checks.assertThat(logout.statusCode()).as("logout").isEqualTo(204);
        checks.assertThat(revokes() - revokesBefore).as("session revoked at Stytch").isEqualTo(1);
    }

    private void machineCallers(SoftAssertions checks, TestHttp app) {
        EmulatedM2mClient client = demo.reportingClient();
        String m2m = emulator.tokens().m2mToken(client).mint();
        String appToken = emulator.connectedApps().accessToken(demo.bob(), emulator.connectedApps().defaultClient(),
                "read:documents");
        HttpResponse<String> machine = app.get("/api/machine/me", TestHttp.bearer(m2m));
        checks.assertThat(TestHttp.json(machine).path("remoteUser").asText()).as("M2M caller").isEqualTo(client.clientId());
        checks.assertThat(TestHttp.json(machine).path("editor").asBoolean()).as("a machine has no roles").isFalse();
        HttpResponse<String> agent = app.get("/api/machine/me", TestHttp.bearer(appToken));
        checks.assertThat(TestHttp.json(agent).path("remoteUser").asText()).as("app caller").isEqualTo(demo.bob().memberId());
        checks.assertThat(TestHttp.json(agent).path("editor").asBoolean()).as("an app token has no roles").isFalse();
        HttpResponse<String> sessionThere = app.get("/api/machine/me", bearer("bob@acme.test"));
        checks.assertThat(code(sessionThere)).as("session JWT on a machine path").isEqualTo("stytch.invalid_token.wrong_token_kind");
        HttpResponse<String> m2mHere = app.get("/api/me", TestHttp.bearer(m2m));
        checks.assertThat(code(m2mHere)).as("M2M token on a session path").isEqualTo("stytch.invalid_token.wrong_token_kind");
    }
}
