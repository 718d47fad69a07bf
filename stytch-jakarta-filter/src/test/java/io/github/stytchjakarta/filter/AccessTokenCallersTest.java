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
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bearer access tokens in a real Jetty 12 ({@code stytch.web.access-tokens}): each kind is accepted where allowed, as
 * its own caller without roles, and refused with 401 {@code wrong_token_kind} where not (sessions only by default,
 * {@code stytch.web.access-tokens.paths} per path);
 * permission rules are answered by the token's scopes, a refusal is 403 {@code insufficient_scope} naming the scope.
 */
class AccessTokenCallersTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String WRONG_KIND_CHALLENGE = "Bearer realm=\"stytch\", error=\"invalid_token\", "
            + "error_description=\"the token is not of the kind accepted here\"";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp allKinds;
    private static StytchApp sessionsOnly;
    private static StytchApp m2mOnly;
    private static StytchApp perPath;
    private static DemoData demo;
    private static EmulatedConnectedApp agent;

    @BeforeAll
    static void startApps() throws Exception {
        demo = DemoData.seed(STYTCH.emulator());
        agent = STYTCH.emulator().connectedApps().create(c -> c.name("Agent"));
        allKinds = start(Set.of(AccessTokenKind.SESSION, AccessTokenKind.M2M, AccessTokenKind.CONNECTED_APP));
        sessionsOnly = start(StytchWebConfig.DEFAULT_ACCESS_TOKENS);
        m2mOnly = start(web -> web.accessTokens(Set.of(AccessTokenKind.M2M)));
        perPath = start(web -> web.accessTokens(PathAccessTokens.parse("/api/reports/**=m2m"))
                .accessTokens(PathAccessTokens.parse("/api/documents/**=connected-app,session")));
    }

    private static StytchApp start(Set<AccessTokenKind> kinds) throws Exception {
        return start(web -> web.accessTokens(kinds));
    }

    private static StytchApp start(Consumer<StytchWebConfigBuilder> settings) throws Exception {
        StytchWebConfigBuilder web = StytchWebConfig.builder()
                .permission(PathPermission.parse("GET /api/documents/** documents:read"))
                .permission(PathPermission.parse("POST /api/documents/** documents:write"));
        settings.accept(web);
        return StytchApp.start(StytchApp.coreConfig(STYTCH.emulator(), Vertical.B2B).build(), web.build(), CLOCK);
    }

    @AfterAll
    static void stopApps() throws Exception {
        allKinds.close();
        sessionsOnly.close();
        m2mOnly.close();
        perPath.close();
    }

    @Test
    void doFilterWhenM2mTokenAllowedThenCallerIsTheClientWithoutRoles() throws Exception {
        HttpTester.Response response = allKinds.send(Requests.get("/app/api/me?roles=stytch_member").bearer(m2mToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("principalType", "M2mCaller")
                .containsEntry("principalName", demo.reportingClient().clientId())
                .containsEntry("remoteUser", demo.reportingClient().clientId())
                .containsEntry("authType", "STYTCH_BEARER").containsEntry("inRole", Map.of("stytch_member", false))
                .containsEntry("sessionType", null);
    }

    @Test
    void doFilterWhenConnectedAppTokenAllowedThenCallerIsTheMemberThroughTheApp() throws Exception {
        String token = STYTCH.emulator().connectedApps().accessToken(demo.bob(), agent, "read:documents");

        HttpTester.Response response = allKinds.send(Requests.get("/app/api/me?roles=editor").bearer(token));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("principalType", "ConnectedAppCaller")
                .containsEntry("principalName", demo.bob().memberId()).containsEntry("remoteUser", demo.bob().memberId())
                .containsEntry("inRole", Map.of("editor", false));
    }

    @Test
    void doFilterWhenSessionJwtAndAllKindsAllowedThenSessionWithRoles() throws Exception {
        String jwt = demo.sessions().get("bob@acme.test").sessionJwt();

        HttpTester.Response response = allKinds.send(Requests.get("/app/api/me?roles=editor").bearer(jwt));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("principalType", "StytchMember")
                .containsEntry("inRole", Map.of("editor", true));
    }

    @Test
    void doFilterWhenSessionsOnlyByDefaultThenAccessTokensRefused401WrongTokenKind() throws Exception {
        String appToken = STYTCH.emulator().connectedApps().accessToken(demo.bob(), agent, "read:documents");
        for (String token : List.of(m2mToken(), appToken)) {
            assertWrongKind(sessionsOnly.send(Requests.get("/app/api/me").bearer(token)), token);
        }
    }

    @Test
    void doFilterWhenOnlyM2mAllowedThenSessionJwtAndAppTokenRefused401WrongTokenKind() throws Exception {
        String sessionJwt = demo.sessions().get("bob@acme.test").sessionJwt();
        String appToken = STYTCH.emulator().connectedApps().accessToken(demo.bob(), agent, "read:documents");
        for (String token : List.of(sessionJwt, appToken)) {
            assertWrongKind(m2mOnly.send(Requests.get("/app/api/me").bearer(token)), token);
        }
        assertThat(m2mOnly.send(Requests.get("/app/api/me").bearer(m2mToken())).getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenPathRuleAllowsOnlyM2mThenSessionJwtAndAppTokenRefusedThereAndM2mRefusedElsewhere() throws Exception {
        String sessionJwt = demo.sessions().get("bob@acme.test").sessionJwt();
        String appToken = STYTCH.emulator().connectedApps().accessToken(demo.bob(), agent, "read:documents");
        String m2mToken = m2mToken();

        assertThat(perPath.send(Requests.get("/app/api/reports/1").bearer(m2mToken)).getStatus()).isEqualTo(200);
        assertWrongKind(perPath.send(Requests.get("/app/api/reports/1").bearer(sessionJwt)), sessionJwt);
        assertWrongKind(perPath.send(Requests.get("/app/api/reports/1").bearer(appToken)), appToken);
        assertThat(perPath.send(Requests.get("/app/api/documents/1").bearer(appToken)).getStatus()).isEqualTo(200);
        assertThat(perPath.send(Requests.get("/app/api/documents/1").bearer(sessionJwt)).getStatus()).isEqualTo(200);
        assertWrongKind(perPath.send(Requests.get("/app/api/documents/1").bearer(m2mToken)), m2mToken);
        // elsewhere the global setting: sessions only
        assertWrongKind(perPath.send(Requests.get("/app/api/me").bearer(m2mToken)), m2mToken);
        assertThat(perPath.send(Requests.get("/app/api/me").bearer(sessionJwt)).getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenAppTokenScopeGrantsRulePermissionThenAllowed() throws Exception {
        String token = STYTCH.emulator().connectedApps().accessToken(demo.carol(), agent, "read:documents");

        assertThat(allKinds.send(Requests.get("/app/api/documents/1").bearer(token)).getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenAppTokenScopeDoesNotGrantRulePermissionThen403InsufficientScopeNamingTheScope() throws Exception {
        // bob's editor role grants documents:write, but the token was only granted read:documents
        String token = STYTCH.emulator().connectedApps().accessToken(demo.bob(), agent, "read:documents");

        HttpTester.Response response = allKinds.send(Requests.post("/app/api/documents/1").bearer(token));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", error=\"insufficient_scope\", "
                + "error_description=\"the token's scopes do not grant this permission\", scope=\"write:documents\"");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.permission_denied");
    }

    @Test
    void doFilterWhenM2mScopeDoesNotGrantRulePermissionThen403InsufficientScopeNamingActionResource() throws Exception {
        EmulatedM2mClient reader = STYTCH.emulator().createM2mClient(c -> c.scopes("read:documents"));
        String token = STYTCH.emulator().tokens().m2mToken(reader).mint();

        assertThat(allKinds.send(Requests.get("/app/api/documents/1").bearer(token)).getStatus()).isEqualTo(200);
        HttpTester.Response response = allKinds.send(Requests.post("/app/api/documents/1").bearer(token));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", error=\"insufficient_scope\", "
                + "error_description=\"the token's scopes do not grant this permission\", scope=\"write:documents\"");
    }

    @Test
    void doFilterWhenIdTokenAndAllKindsAllowedThen401WrongTokenKind() throws Exception {
        String token = STYTCH.emulator().tokens().idToken(demo.bob()).mint();

        assertWrongKind(allKinds.send(Requests.get("/app/api/me").bearer(token)), token);
    }

    @Test
    void doFilterWhenMalformedBearerAndAllKindsAllowedThen401Malformed() throws Exception {
        HttpTester.Response response = allKinds.send(Requests.get("/app/api/me").bearer("not.a-token"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.invalid_token.malformed");
    }

    private static String m2mToken() {
        StytchEmulator emulator = STYTCH.emulator();
        return emulator.tokens().m2mToken(demo.reportingClient()).mint();
    }

    private static void assertWrongKind(HttpTester.Response response, String token) {
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate")).isEqualTo(WRONG_KIND_CHALLENGE);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.invalid_token.wrong_token_kind")
                .doesNotContainKey("principalName");
        assertThat(response.toString() + response.getContent()).doesNotContain(token);
    }
}
