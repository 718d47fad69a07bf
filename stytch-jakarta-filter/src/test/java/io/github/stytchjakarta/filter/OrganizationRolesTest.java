package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organization's own custom role named like an application role: not a container role by default
 * ({@code stytch.roles.organization-roles=exclude}), though it still grants its permissions; a container
 * role, mapped too, with {@code include}.
 */
class OrganizationRolesTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    // named like the application's own role, defined by Acme's tenant administrator
    private static final String ORG_ROLE = "auditor";
    private static final String ROLES_QUERY = "?roles=stytch_member,auditor,ops,editor,writer";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp excluding;
    private static StytchApp including;
    private static String eve;
    private static String bob;

    @BeforeAll
    static void startApps() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        DemoData demo = DemoData.seed(emulator);
        emulator.rbac().setOrganizationRoles(demo.acme().organizationId(), List.of(EmulatedPolicy.role(ORG_ROLE, "Acme's auditors",
                EmulatedPolicy.permission(DemoData.RESOURCE, "delete"))));
        EmulatedMember member = emulator.createMember(demo.acme(), m -> m.email("eve@acme.test").roles(ORG_ROLE));
        eve = emulator.createMemberSession(member, s -> { }).sessionJwt();
        bob = demo.sessions().get("bob@acme.test").sessionJwt();
        excluding = start(web -> { });
        including = start(web -> web.organizationRoles(StytchWebConfig.OrganizationRoles.INCLUDE));
    }

    private static StytchApp start(Consumer<StytchWebConfigBuilder> settings) throws Exception {
        StytchWebConfigBuilder web = StytchWebConfig.builder()
                .permission(PathPermission.parse("DELETE /api/documents/** documents:delete"))
                .roleMapping(ORG_ROLE, List.of("ops")).roleMapping(DemoData.EDITOR, List.of("writer"));
        settings.accept(web);
        return StytchApp.start(StytchApp.coreConfig(STYTCH.emulator(), Vertical.B2B).build(), web.build(), CLOCK);
    }

    @AfterAll
    static void stopApps() throws Exception {
        excluding.close();
        including.close();
    }

    @Test
    void isUserInRoleWhenOrganizationCustomRoleByDefaultThenNotAContainerRoleNorMapped() throws Exception {
        HttpTester.Response response = excluding.send(Requests.get("/app/api/me" + ROLES_QUERY).bearer(eve));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("inRole", Map.of("stytch_member", true,
                "auditor", false, "ops", false, "editor", false, "writer", false));
    }

    @Test
    void isUserInRoleWhenProjectRoleByDefaultThenContainerRoleAndMapped() throws Exception {
        HttpTester.Response response = excluding.send(Requests.get("/app/api/me" + ROLES_QUERY).bearer(bob));

        assertThat(EchoServlet.parse(response.getContent())).containsEntry("inRole", Map.of("stytch_member", true,
                "auditor", false, "ops", false, "editor", true, "writer", true));
    }

    @Test
    void permissionRuleWhenOrganizationCustomRoleGrantsItThenAllowedEitherWay() throws Exception {
        assertThat(excluding.send(Requests.method("DELETE", "/app/api/documents/1").bearer(eve)).getStatus()).isEqualTo(200);
        assertThat(including.send(Requests.method("DELETE", "/app/api/documents/1").bearer(eve)).getStatus()).isEqualTo(200);
        HttpTester.Response refused = excluding.send(Requests.method("DELETE", "/app/api/documents/1").bearer(bob));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(EchoServlet.parse(refused.getContent())).containsEntry("code", "stytch.forbidden.permission_denied");
    }

    @Test
    void isUserInRoleWhenOrganizationRolesIncludedThenContainerRoleAndMapped() throws Exception {
        HttpTester.Response response = including.send(Requests.get("/app/api/me" + ROLES_QUERY).bearer(eve));

        assertThat(EchoServlet.parse(response.getContent())).containsEntry("inRole", Map.of("stytch_member", true,
                "auditor", true, "ops", true, "editor", false, "writer", false));
    }
}
