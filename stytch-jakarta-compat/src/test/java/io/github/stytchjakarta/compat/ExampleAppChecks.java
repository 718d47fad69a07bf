package io.github.stytchjakarta.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.assertj.core.api.SoftAssertions;

/**
 * The HTTP checks of the example app (example-war, unchanged) on a Jakarta EE server, where the Stytch
 * authentication mechanism authenticates: the Bearer challenge and the sign-in redirect, the caller through
 * {@code CurrentStytchSession}, permissions allowed and denied, {@code @RolesAllowed}, tenancy, the opaque
 * session cookie, an expired JWT refreshed, the CSRF check, JSON-B's dates and logout; an M2M client and a
 * Connected-App token on the documents API, and the MCP endpoint (the MCP Java SDK, with its own Jackson) answering an
 * app token's {@code initialize} and refusing a session JWT.
 */
final class ExampleAppChecks extends AppChecks {

    private static final String MCP_INITIALIZE = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", "
            + "\"params\": {\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, "
            + "\"clientInfo\": {\"name\": \"compat\", \"version\": \"1\"}}}";

    ExampleAppChecks(StytchEmulator emulator, DemoData demo) {
        super(emulator, demo);
    }

    @Override
    void run(SoftAssertions checks, TestHttp app) {
        challenged(checks, app.get("/api/documents"));
        HttpResponse<String> page = app.get("/documents", "Accept", "text/html");
        checks.assertThat(page.statusCode()).as("anonymous page").isEqualTo(302);
        checks.assertThat(page.headers().firstValue("Location")).as("sent to sign in")
                .hasValueSatisfying(location -> assertThat(location).contains("login?return_to="));

        HttpResponse<String> me = app.get("/api/me", bearer("bob@acme.test"));
        checks.assertThat(me.body()).as("the caller, from CurrentStytchSession").contains(demo.bob().memberId())
                .contains("\"editor\"");

        HttpResponse<String> created = app.send(app.request("/api/documents")
                .POST(BodyPublishers.ofString("{\"title\": \"Compat\", \"body\": \"checked\"}"))
                .headers(with(bearer("bob@acme.test"), "Content-Type", "application/json")));
        checks.assertThat(created.statusCode()).as("editor writes").isEqualTo(201);
        JsonNode document = created.statusCode() == 201 ? TestHttp.json(created) : null;
        if (document != null) {
            checks.assertThat(document.path("createdAt").isTextual()).as("JSON-B's ISO date, not a number").isTrue();
            String documentPath = "/api/documents/" + document.path("id").asText();
            permissionDenied(checks, app.delete(documentPath, bearer("carol@acme.test")));
            checks.assertThat(app.delete(documentPath, bearer("alice@acme.test")).statusCode())
                    .as("admin deletes").isEqualTo(204);
        }

        checks.assertThat(app.get("/admin", with(bearer("alice@acme.test"), "Accept", "text/html")).statusCode())
                .as("@RolesAllowed(admin), admin").isEqualTo(200);
        // a page, not a problem; its text differs by server (GlassFish shows the example's generic 403 page)
        checks.assertThat(app.get("/admin", with(bearer("bob@acme.test"), "Accept", "text/html")).statusCode())
                .as("@RolesAllowed(admin), editor").isEqualTo(403);

        String acmeDocuments = "/api/organizations/" + demo.acme().organizationId() + "/documents";
        checks.assertThat(app.get(acmeDocuments, bearer("bob@acme.test")).statusCode()).as("own organization")
                .isEqualTo(200);
        HttpResponse<String> otherTenant = app.get(acmeDocuments, bearer("dave@globex.test"));
        checks.assertThat(otherTenant.statusCode()).as("another organization").isEqualTo(403);
        checks.assertThat(code(otherTenant)).as("tenancy problem").isEqualTo("stytch.forbidden.tenancy_mismatch");

        EmulatedSession bobs = demo.sessions().get("bob@acme.test");
        HttpResponse<String> opaque = app.get("/api/me", TestHttp.cookie("stytch_session", bobs.sessionToken()));
        checks.assertThat(opaque.body()).as("opaque session cookie").contains(demo.bob().memberId());
        HttpResponse<String> refreshed = app.get("/api/me", expiredJwtCookies(bobs));
        checks.assertThat(refreshed.body()).as("expired JWT, live session").contains(demo.bob().memberId());
        jwtCookieRefreshed(checks, refreshed);
        csrfRefused(checks, app.send(app.request("/api/documents").POST(BodyPublishers.ofString("{\"title\": \"CSRF\"}"))
                .headers(with(TestHttp.cookie("stytch_session_jwt", bobs.sessionJwt()),
                        "Origin", "https://elsewhere.example", "Content-Type", "application/json"))));

        machineCallers(checks, app);

        EmulatedSession leaving = emulator.createMemberSession(demo.bob(), s -> { });
        int revokesBefore = revokes();
        URI root = app.uri("/");
        HttpResponse<String> logout = app.send(app.request("/logout").POST(BodyPublishers.noBody()).headers(
                with(TestHttp.cookie("stytch_session", leaving.sessionToken()), "Accept", "text/html",
                        "Origin", root.getScheme() + "://" + root.getAuthority())));
        checks.assertThat(logout.statusCode()).as("logout").isEqualTo(302);
        checks.assertThat(logout.headers().allValues("Set-Cookie")).as("cookies cleared")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("stytch_session=").contains("Max-Age=0"));
        checks.assertThat(revokes() - revokesBefore).as("session revoked at Stytch").isEqualTo(1);
    }

    private void machineCallers(SoftAssertions checks, TestHttp app) {
        String appToken = emulator.connectedApps().accessToken(demo.bob(), emulator.connectedApps().defaultClient(),
                "read:documents");
        checks.assertThat(app.get("/api/documents", TestHttp.bearer(appToken)).statusCode()).as("app token reads")
                .isEqualTo(200);
        HttpResponse<String> initialize = app.send(app.request("/mcp").POST(BodyPublishers.ofString(MCP_INITIALIZE))
                .headers(with(TestHttp.bearer(appToken), "Content-Type", "application/json",
                        "Accept", "application/json, text/event-stream")));
        checks.assertThat(initialize.statusCode()).as("MCP initialize: " + initialize.body()).isEqualTo(200);
        checks.assertThat(initialize.headers().firstValue("Mcp-Session-Id")).as("MCP session").isPresent();
        HttpResponse<String> sessionThere = app.send(app.request("/mcp").POST(BodyPublishers.ofString(MCP_INITIALIZE))
                .headers(with(bearer("bob@acme.test"), "Content-Type", "application/json")));
        checks.assertThat(code(sessionThere)).as("session JWT on /mcp").isEqualTo("stytch.invalid_token.wrong_token_kind");
    }
}
