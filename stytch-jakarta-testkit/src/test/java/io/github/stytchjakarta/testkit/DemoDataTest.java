package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoDataTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static DemoData demo;

    private final EmulatorHttp http = new EmulatorHttp(STYTCH.emulator());

    @BeforeAll
    static void seed() {
        demo = DemoData.seed(STYTCH.emulator());
    }

    @Test
    void seedWhenDoneThenOrganizationsMembersUserAndSessions() {
        assertThat(demo.acme().slug()).isEqualTo("acme");
        assertThat(demo.globex().slug()).isEqualTo("globex");
        assertThat(demo.alice().roles()).contains(DemoData.ADMIN);
        assertThat(demo.sessions()).containsOnlyKeys("alice@acme.test", "bob@acme.test", "carol@acme.test",
                "dave@globex.test", "ada@example.com");
        assertThat(demo.sessions().values()).allMatch(EmulatedSession::isActive);
        assertThat(demo.reportingClient().scopes()).containsExactly("read:documents", "write:documents");
    }

    @Test
    void rolesWhenCheckedOverHttpThenAdminEditorViewerPermissions() {
        assertThat(b2bCheck("alice@acme.test", demo.acme(), "delete")).isEqualTo(200);
        assertThat(b2bCheck("bob@acme.test", demo.acme(), "write")).isEqualTo(200);
        assertThat(b2bCheck("bob@acme.test", demo.acme(), "delete")).isEqualTo(403);
        assertThat(b2bCheck("carol@acme.test", demo.acme(), "read")).isEqualTo(200);
        assertThat(b2bCheck("carol@acme.test", demo.acme(), "write")).isEqualTo(403);
        assertThat(b2bCheck("dave@globex.test", demo.acme(), "read")).isEqualTo(403);

        EmulatorHttp.Answer consumer = http.post("/v1/sessions/authenticate", body(
                "session_token", demo.sessions().get("ada@example.com").sessionToken(),
                "authorization_check", body("resource_id", DemoData.RESOURCE, "action", "write")));
        assertThat(consumer.status()).isEqualTo(200);
    }

    private int b2bCheck(String email, EmulatedOrganization organization, String action) {
        Map<String, Object> check = body("organization_id", organization.organizationId(), "resource_id", DemoData.RESOURCE,
                "action", action);
        return http.post("/v1/b2b/sessions/authenticate", body("session_token", demo.sessions().get(email).sessionToken(),
                "authorization_check", check)).status();
    }
}
