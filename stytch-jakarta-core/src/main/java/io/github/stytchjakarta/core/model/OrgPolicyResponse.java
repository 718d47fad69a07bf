package io.github.stytchjakarta.core.model;

import java.util.List;

/**
 * The answer of {@code GET /v1/b2b/rbac/organizations/{organization_id}}: an organization's custom roles.
 *
 * @param requestId  Stytch's request id
 * @param statusCode the HTTP status
 * @param orgPolicy  the organization policy (empty if Stytch sent none)
 */
public record OrgPolicyResponse(String requestId, int statusCode, OrgPolicy orgPolicy) {

    /** Replaces an absent policy with an empty one. */
    public OrgPolicyResponse {
        orgPolicy = orgPolicy == null ? new OrgPolicy(null) : orgPolicy;
    }

    /**
     * The custom roles of one organization; they add to the project policy's roles.
     *
     * @param roles the organization's roles
     */
    public record OrgPolicy(List<RbacPolicy.Role> roles) {

        /** Replaces an absent list with an empty one. */
        public OrgPolicy {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
