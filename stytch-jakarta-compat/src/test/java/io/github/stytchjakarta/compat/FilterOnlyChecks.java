package io.github.stytchjakarta.compat;

import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * The HTTP checks of the filter-only WAR ({@link CallerServlet} behind the filter and its permission rules):
 * the Bearer challenge, bearer and cookie authentication, {@code isUserInRole}, rules that allow, deny and deny
 * unnamed methods, path parameters refused, a refreshed JWT cookie, the CSRF check and logout.
 */
final class FilterOnlyChecks extends AppChecks {

    FilterOnlyChecks(StytchEmulator emulator, DemoData demo) {
        super(emulator, demo);
    }

    @Override
    void run(SoftAssertions checks, URI app) throws IOException, InterruptedException {
        String bob = demo.bob().memberId();
        HttpResponse<String> anonymous = Http.send(app.resolve("api/me"), "GET", Map.of());
        challenged(checks, anonymous);
        checks.assertThat(anonymous.body()).as("problem code").contains("\"code\":\"stytch.missing_token\"");

        HttpResponse<String> bearer = Http.send(app.resolve("api/me"), "GET", bearer("bob@acme.test"));
        checks.assertThat(Http.json(bearer).path("remoteUser").asText()).as("bearer caller").isEqualTo(bob);
        checks.assertThat(Http.json(bearer).path("editor").asBoolean()).as("isUserInRole").isTrue();

        permissionDenied(checks, Http.send(app.resolve("api/documents/1"), "DELETE", bearer("carol@acme.test")));
        for (String pathParameter : List.of("api/documents;x/1", "api/documents;a=b;c=d/1", "api/documents/1;x")) {
            HttpResponse<String> refused = Http.send(app.resolve(pathParameter), "DELETE", bearer("carol@acme.test"));
            checks.assertThat(refused.statusCode()).as("path parameter " + pathParameter).isEqualTo(400);
            checks.assertThat(refused.body()).as("path parameter's problem").contains("stytch.invalid_request.path");
        }
        checks.assertThat(Http.send(app.resolve("api/documents/1"), "DELETE", bearer("alice@acme.test")).statusCode())
                .as("admin deletes").isEqualTo(200);
        HttpResponse<String> unnamed = Http.send(app.resolve("api/documents/1"), "PATCH", bearer("alice@acme.test"));
        checks.assertThat(unnamed.statusCode()).as("a method no rule names").isEqualTo(403);
        checks.assertThat(unnamed.body()).as("unnamed method's problem").contains("stytch.forbidden.unmatched_method");

        EmulatedSession bobs = demo.sessions().get("bob@acme.test");
        HttpResponse<String> opaque = Http.send(app.resolve("api/me"), "GET",
                Map.of("Cookie", "stytch_session=" + bobs.sessionToken()));
        checks.assertThat(Http.json(opaque).path("remoteUser").asText()).as("opaque cookie").isEqualTo(bob);
        HttpResponse<String> refreshed = Http.send(app.resolve("api/me"), "GET", expiredJwtCookies(bobs));
        checks.assertThat(Http.json(refreshed).path("remoteUser").asText()).as("expired JWT, live session").isEqualTo(bob);
        jwtCookieRefreshed(checks, refreshed);
        csrfRefused(checks, Http.send(app.resolve("api/documents"), "POST", Map.of("Cookie",
                "stytch_session_jwt=" + bobs.sessionJwt(), "Origin", "https://elsewhere.example")));

        EmulatedSession leaving = emulator.createMemberSession(demo.bob(), s -> { });
        int revokesBefore = revokes();
        HttpResponse<String> logout = Http.send(app.resolve("logout"), "POST",
                Map.of("Authorization", "Bearer " + leaving.sessionJwt()));
        checks.assertThat(logout.statusCode()).as("logout").isEqualTo(204);
        checks.assertThat(revokes() - revokesBefore).as("session revoked at Stytch").isEqualTo(1);
    }
}
