package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A B2B project: member principals, member sessions, organization roles and RBAC path rules. */
class B2bMemberTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;
    private static DemoData demo;

    @BeforeAll
    static void startApp() throws Exception {
        demo = DemoData.seed(STYTCH.emulator());
        StytchWebConfig web = StytchWebConfig.builder()
                .permission(PathPermission.parse("GET /api/documents/** documents:read"))
                .permission(PathPermission.parse("POST /api/documents/** documents:write"))
                .roleMapping("stytch_admin", List.of("org-admin"))
                .build();
        app = StytchApp.start(StytchApp.coreConfig(STYTCH.emulator(), Vertical.B2B).build(), web, CLOCK);
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @Test
    void doFilterWhenMemberJwtThenServletSeesMemberPrincipalAndOrganizationRoles() throws Exception {
        String jwt = demo.sessions().get("alice@acme.test").sessionJwt();

        HttpTester.Response response = app.send(Requests.get("/app/api/me?roles=stytch_member,stytch_admin,admin,org-admin,editor")
                .bearer(jwt));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent()))
                .containsEntry("principalType", "StytchMember")
                .containsEntry("remoteUser", demo.alice().memberId())
                .containsEntry("sessionType", "StytchMemberSession")
                .containsEntry("inRole", Map.of("stytch_member", true, "stytch_admin", true, "admin", true,
                        "org-admin", true, "editor", false));
    }

    @Test
    void doFilterWhenViewerWritesThen403AndEditorWritesThenOk() throws Exception {
        String viewer = demo.sessions().get("carol@acme.test").sessionJwt();
        String editor = demo.sessions().get("bob@acme.test").sessionJwt();

        HttpTester.Response refused = app.send(Requests.post("/app/api/documents").bearer(viewer));
        HttpTester.Response allowed = app.send(Requests.post("/app/api/documents").bearer(editor));
        HttpTester.Response read = app.send(Requests.get("/app/api/documents/1").bearer(viewer));

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(refused.getContent())).containsEntry("code", "stytch.forbidden.permission_denied");
        assertThat(allowed.getStatus()).isEqualTo(200);
        assertThat(read.getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenMemberSessionCookieThenAuthenticatedRemotely() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/api/me")
                .cookie("stytch_session", demo.sessions().get("dave@globex.test").sessionToken()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("remoteUser", demo.dave().memberId());
    }
}
