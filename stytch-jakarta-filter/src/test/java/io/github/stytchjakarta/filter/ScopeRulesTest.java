package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.StytchWebConfig.AccessTokenKind;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scope rules ({@code stytch.web.scopes}) in a real Jetty 12: an access token must grant every scope of the first rule
 * matching the method and path (Connected-App scopes by name, M2M scopes as Stytch's SDKs compare them, {@code read:*}
 * granting {@code read:reports}); a session grants none. A refusal is 403 {@code insufficient_scope} naming the rule's
 * scopes, and, with protected resource metadata configured, the metadata too.
 */
class ScopeRulesTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String DESCRIPTION = "the credential does not grant the scopes this request needs";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;
    private static DemoData demo;
    private static EmulatedConnectedApp agent;

    @BeforeAll
    static void startApp() throws Exception {
        demo = DemoData.seed(STYTCH.emulator());
        agent = STYTCH.emulator().connectedApps().create(c -> c.name("Agent"));
        StytchWebConfig web = StytchWebConfig.builder()
                .accessTokens(Set.of(AccessTokenKind.SESSION, AccessTokenKind.M2M, AccessTokenKind.CONNECTED_APP))
                .publicPaths(List.of("/mcp/**"))
                .scope(PathScopes.parse("post /mcp/** read:documents write:documents"))
                .scope(PathScopes.parse("GET /api/reports/** read:reports"))
                .resourceMetadata("https://mcp.example.com/mcp", null)
                .build();
        app = StytchApp.start(StytchApp.coreConfig(STYTCH.emulator(), Vertical.B2B).build(), web, CLOCK);
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @Test
    void postWhenAppTokenGrantsEveryScopeOfTheRuleThenAllowed() throws Exception {
        String token = STYTCH.emulator().connectedApps().accessToken(demo.bob(), agent, "read:documents", "write:documents");

        assertThat(app.send(Requests.post("/app/mcp").bearer(token)).getStatus()).isEqualTo(200);
    }

    @Test
    void postWhenAppTokenLacksOneScopeThen403InsufficientScopeNamingTheRulesScopes() throws Exception {
        String token = STYTCH.emulator().connectedApps().accessToken(demo.bob(), agent, "read:documents");

        HttpTester.Response response = app.send(Requests.post("/app/mcp").bearer(token));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", error=\"insufficient_scope\", "
                + "error_description=\"" + DESCRIPTION + "\", scope=\"read:documents write:documents\", "
                + "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.insufficient_scope");
        assertThat(response.toString() + response.getContent()).doesNotContain(token);
    }

    @Test
    void getWhenM2mTokenHoldsActionWildcardThenAllowed() throws Exception {
        EmulatedM2mClient reader = STYTCH.emulator().createM2mClient(c -> c.scopes("read:*"));

        HttpTester.Response response = app.send(Requests.get("/app/api/reports/1")
                .bearer(STYTCH.emulator().tokens().m2mToken(reader).mint()));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void getWhenM2mTokenLacksTheScopeThen403InsufficientScope() throws Exception {
        EmulatedM2mClient writer = STYTCH.emulator().createM2mClient(c -> c.scopes("write:*", "read:documents"));

        HttpTester.Response response = app.send(Requests.get("/app/api/reports/1")
                .bearer(STYTCH.emulator().tokens().m2mToken(writer).mint()));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).contains("error=\"insufficient_scope\"", "scope=\"read:reports\"");
    }

    @Test
    void postWhenSessionJwtBearerThen403SessionsGrantNoScope() throws Exception {
        String jwt = demo.sessions().get("bob@acme.test").sessionJwt();

        HttpTester.Response response = app.send(Requests.post("/app/mcp").bearer(jwt));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.insufficient_scope");
    }

    @Test
    void getWhenSessionCookieThen403WithoutBearerChallenge() throws Exception {
        String jwt = demo.sessions().get("bob@acme.test").sessionJwt();

        HttpTester.Response response = app.send(Requests.get("/app/api/reports/1").cookie("stytch_session_jwt", jwt));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isNull();
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.insufficient_scope");
    }

    @Test
    void postWhenRulePathIsPublicAndNoCredentialThen401() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/mcp"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", "
                + "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"");
    }

    @Test
    void getWhenNoRuleMatchesTheMethodThenPublicPathStaysPublic() throws Exception {
        assertThat(app.send(Requests.get("/app/mcp")).getStatus()).isEqualTo(200);
    }
}
