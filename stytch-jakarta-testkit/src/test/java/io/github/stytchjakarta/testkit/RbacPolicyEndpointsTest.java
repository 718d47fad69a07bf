package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.ConsumerAuthenticateTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RbacPolicyEndpointsTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @Test
    void b2bPolicyWhenDefaultThenStytchRolesAndResources() {
        EmulatorHttp.Answer answer = http.get("/v1/b2b/rbac/policy");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode policy = answer.json().get("policy");
        assertThat(policy.get("roles")).extracting(role -> role.get("role_id").asText())
                .containsExactlyInAnyOrder("stytch_admin", "stytch_member");
        assertThat(policy.get("resources")).extracting(resource -> resource.get("resource_id").asText())
                .contains("stytch.organization", "stytch.member", "stytch.sso", "stytch.scim", "stytch.self");
        assertThat(policy.get("scopes").isArray()).isTrue();
        JsonNode member = policy.get("roles").get(1);
        assertThat(member.get("description").isTextual()).isTrue();
        assertThat(member.get("permissions").get(0).get("resource_id").asText()).isEqualTo("stytch.self");
        assertThat(member.get("permissions").get(0).get("actions").get(0).asText()).isEqualTo("*");
    }

    @Test
    void consumerPolicyWhenChangedAtRunTimeThenNextRequestSeesIt() {
        try (StytchEmulator own = StytchEmulator.builder().build().start()) {
            EmulatorHttp ownHttp = new EmulatorHttp(own);
            assertThat(ownHttp.get("/v1/rbac/policy").json().get("policy").get("roles"))
                    .extracting(role -> role.get("role_id").asText()).containsExactly("stytch_user");

            own.rbac().setConsumerPolicy(EmulatedPolicy.builder()
                    .role("editor", "Edits", EmulatedPolicy.permission("documents", "read", "write"))
                    .resource("documents", "Docs", "read", "write")
                    .scope("read:documents", "Reads", EmulatedPolicy.permission("documents", "read"))
                    .build());

            JsonNode policy = ownHttp.get("/v1/rbac/policy").json().get("policy");
            assertThat(policy.get("roles").get(0).get("role_id").asText()).isEqualTo("editor");
            assertThat(policy.get("resources").get(0).get("actions")).extracting(JsonNode::asText).containsExactly("read", "write");
            assertThat(policy.get("scopes").get(0).get("scope").asText()).isEqualTo("read:documents");
            assertThat(policy.get("scopes").get(0).get("permissions").get(0).get("resource_id").asText()).isEqualTo("documents");
            assertThat(own.rbac().consumerPolicy().roles()).extracting(EmulatedPolicy.Role::roleId).containsExactly("editor");
        }
    }

    @Test
    void organizationPolicyWhenRolesSetThenListedAndQueryParametersIgnored() {
        EmulatedOrganization organization = emulator.createOrganization(o -> { });
        String path = "/v1/b2b/rbac/organizations/" + organization.organizationId() + "?organization_id=" + organization.organizationId();
        assertThat(http.get(path).json().get("org_policy").get("roles").isEmpty()).isTrue();

        emulator.rbac().setOrganizationRoles(organization.organizationId(),
                List.of(EmulatedPolicy.role("auditor", "Audits", EmulatedPolicy.permission("documents", "read"))));

        EmulatorHttp.Answer answer = http.get(path);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("org_policy").get("roles").get(0).get("role_id").asText()).isEqualTo("auditor");
        assertThat(answer.json().get("request_id").asText()).startsWith("request-id-test-");
    }

    @Test
    void organizationPolicyWhenUnknownOrganizationThen404() {
        assertError(http.get("/v1/b2b/rbac/organizations/organization-test-unknown"), 404, "organization_not_found");
    }
}
