package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.RbacState;
import io.github.stytchjakarta.testkit.internal.WebhookSender;
import java.util.List;
import java.util.Map;

/**
 * The project's RBAC policies and organizations' custom roles ({@link StytchEmulator#rbac()}), as the policy endpoints
 * serve them and as sessions' authorization checks use them. A change takes effect for the next request. Thread-safe.
 *
 * <pre>
 * emulator.rbac().setB2bPolicy(EmulatedPolicy.defaultB2bPolicy().toBuilder()
 *         .role("editor", "Edits documents", EmulatedPolicy.permission("documents", "read", "write")).build());
 * emulator.rbac().setOrganizationRoles(acme.organizationId(), List.of(EmulatedPolicy.role("auditor", "Acme's")));
 * </pre>
 */
public final class EmulatorRbac {

    private final RbacState rbac;
    private final WebhookSender webhooks;
    private final String projectId;

    EmulatorRbac(RbacState rbac, WebhookSender webhooks, String projectId) {
        this.rbac = rbac;
        this.webhooks = webhooks;
        this.projectId = projectId;
    }

    /** @return the consumer policy ({@link EmulatedPolicy#defaultConsumerPolicy()} until set) */
    public EmulatedPolicy consumerPolicy() {
        return rbac.consumerPolicy();
    }

    /**
     * Replaces the consumer policy.
     *
     * @param policy the policy
     */
    public void setConsumerPolicy(EmulatedPolicy policy) {
        rbac.setConsumerPolicy(policy);
        webhooks.send("rbac_policy", "UPDATE", projectId, Map.of());
    }

    /** @return the B2B policy ({@link EmulatedPolicy#defaultB2bPolicy()} until set) */
    public EmulatedPolicy b2bPolicy() {
        return rbac.b2bPolicy();
    }

    /**
     * Replaces the B2B policy.
     *
     * @param policy the policy
     */
    public void setB2bPolicy(EmulatedPolicy policy) {
        rbac.setB2bPolicy(policy);
        webhooks.send("rbac_policy", "UPDATE", projectId, Map.of());
    }

    /**
     * Sets an organization's custom roles (its org policy and {@code custom_roles}); they count in B2B authorization
     * checks of its members' sessions.
     *
     * @param organizationId the organization
     * @param roles          the roles
     * @throws IllegalArgumentException for an unknown organization
     */
    public void setOrganizationRoles(String organizationId, List<EmulatedPolicy.Role> roles) {
        rbac.setOrganizationRoles(organizationId, roles);
        webhooks.send("rbac_policy", "UPDATE", organizationId, Map.of("organization_id", organizationId));
    }
}
