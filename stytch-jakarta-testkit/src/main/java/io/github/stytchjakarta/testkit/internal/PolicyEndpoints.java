package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedOrganization;
import java.util.Map;

/**
 * {@code GET /v1/rbac/policy}, {@code GET /v1/b2b/rbac/policy} and {@code GET /v1/b2b/rbac/organizations/{id}}; query
 * parameters are ignored (the Java SDK sends {@code ?organization_id=} on the last one).
 */
public final class PolicyEndpoints {

    private final EmulatorState state;

    public PolicyEndpoints(EmulatorState state) {
        this.state = state;
    }

    public ApiResponse consumerPolicy(ApiRequest request) {
        return ApiResponse.ok(request.requestId(), Map.of("policy", Views.policy(state.rbac().consumerPolicy())), Map.of());
    }

    public ApiResponse b2bPolicy(ApiRequest request) {
        return ApiResponse.ok(request.requestId(), Map.of("policy", Views.policy(state.rbac().b2bPolicy())), Map.of());
    }

    /**
     * @param request the path variable is an organization id (slug and external id work too)
     * @return {@code {org_policy: {roles}}}; 404 {@code organization_not_found} for an unknown organization
     */
    public ApiResponse organizationPolicy(ApiRequest request) {
        EmulatedOrganization organization = state.directory().findOrganization(request.pathParameters().get(0))
                .orElseThrow(SessionEndpoints::organizationNotFound);
        return ApiResponse.ok(request.requestId(), Map.of("org_policy", Map.of("roles",
                state.rbac().organizationRoles(organization.organizationId()).stream().map(Views::role).toList())), Map.of());
    }
}
