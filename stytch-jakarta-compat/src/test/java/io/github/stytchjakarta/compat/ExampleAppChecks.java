package io.github.stytchjakarta.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * The HTTP checks of the example app (example-war, unchanged) on a Jakarta EE server, where the Stytch
 * authentication mechanism authenticates: the Bearer challenge and the sign-in redirect, the caller through
 * {@code CurrentStytchSession}, permissions allowed and denied, {@code @RolesAllowed}, tenancy, the opaque
 * session cookie, an expired JWT refreshed, the CSRF check, JSON-B's dates and logout.
 */
final class ExampleAppChecks extends AppChecks {

    ExampleAppChecks(StytchEmulator emulator, DemoData demo) {
        super(emulator, demo);
    }

    @Override
    void run(SoftAssertions checks, URI app) throws IOException, InterruptedException {
        challenged(checks, Http.send(app.resolve("api/documents"), "GET", Map.of()));
        HttpResponse<String> page = Http.send(app.resolve("documents"), "GET", Map.of("Accept", "text/html"));
        checks.assertThat(page.statusCode()).as("anonymous page").isEqualTo(302);
        checks.assertThat(page.headers().firstValue("Location")).as("sent to sign in")
                .hasValueSatisfying(location -> assertThat(location).contains("login?return_to="));

        HttpResponse<String> me = Http.send(app.resolve("api/me"), "GET", bearer("bob@acme.test"));
        checks.assertThat(me.body()).as("the caller, from CurrentStytchSession").contains(demo.bob().memberId())
                .contains("\"editor\"");

        HttpResponse<String> created = Http.send(app.resolve("api/documents"), "POST", bearer("bob@acme.test"),
                "{\"title\": \"Compat\", \"body\": \"checked\"}");
        checks.assertThat(created.statusCode()).as("editor writes").isEqualTo(201);
        JsonNode document = created.statusCode() == 201 ? Http.json(created) : null;
        if (document != null) {
            checks.assertThat(document.path("createdAt").isTextual()).as("JSON-B's ISO date, not a number").isTrue();
            URI documentUri = app.resolve("api/documents/" + document.path("id").asText());
            permissionDenied(checks, Http.send(documentUri, "DELETE", bearer("carol@acme.test")));
            checks.assertThat(Http.send(documentUri, "DELETE", bearer("alice@acme.test")).statusCode())
                    .as("admin deletes").isEqualTo(204);
        }

        Map<String, String> html = Map.of("Accept", "text/html");
        checks.assertThat(Http.send(app.resolve("admin"), "GET", with(bearer("alice@acme.test"), html)).statusCode())
                .as("@RolesAllowed(admin), admin").isEqualTo(200);
        checks.assertThat(Http.send(app.resolve("admin"), "GET", with(bearer("bob@acme.test"), html)).statusCode())
                .as("@RolesAllowed(admin), editor").isEqualTo(403);

        URI acmeDocuments = app.resolve("api/organizations/" + demo.acme().organizationId() + "/documents");
        checks.assertThat(Http.send(acmeDocuments, "GET", bearer("bob@acme.test")).statusCode()).as("own organization")
                .isEqualTo(200);
        HttpResponse<String> otherTenant = Http.send(acmeDocuments, "GET", bearer("dave@globex.test"));
        checks.assertThat(otherTenant.statusCode()).as("another organization").isEqualTo(403);
        checks.assertThat(otherTenant.body()).as("tenancy problem").contains("stytch.forbidden.tenancy_mismatch");

        EmulatedSession bobs = demo.sessions().get("bob@acme.test");
        HttpResponse<String> opaque = Http.send(app.resolve("api/me"), "GET", Map.of("Cookie", "stytch_session=" + bobs.sessionToken()));
        checks.assertThat(opaque.body()).as("opaque session cookie").contains(demo.bob().memberId());
        HttpResponse<String> refreshed = Http.send(app.resolve("api/me"), "GET", expiredJwtCookies(bobs));
        checks.assertThat(refreshed.body()).as("expired JWT, live session").contains(demo.bob().memberId());
        jwtCookieRefreshed(checks, refreshed);
        csrfRefused(checks, Http.send(app.resolve("api/documents"), "POST", Map.of("Cookie",
                "stytch_session_jwt=" + bobs.sessionJwt(), "Origin", "https://elsewhere.example"), "{\"title\": \"CSRF\"}"));

        EmulatedSession leaving = emulator.createMemberSession(demo.bob(), s -> { });
        int revokesBefore = revokes();
        HttpResponse<String> logout = Http.send(app.resolve("logout"), "POST", Map.of(
                "Cookie", "stytch_session=" + leaving.sessionToken(), "Accept", "text/html",
                "Origin", app.getScheme() + "://" + app.getAuthority()));
        checks.assertThat(logout.statusCode()).as("logout").isEqualTo(302);
        checks.assertThat(logout.headers().allValues("Set-Cookie")).as("cookies cleared")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("stytch_session=").contains("Max-Age=0"));
        checks.assertThat(revokes() - revokesBefore).as("session revoked at Stytch").isEqualTo(1);
    }

    private static Map<String, String> with(Map<String, String> headers, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(more);
        return all;
    }
}
