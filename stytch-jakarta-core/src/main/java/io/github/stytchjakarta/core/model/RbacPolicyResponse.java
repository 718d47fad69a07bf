package io.github.stytchjakarta.core.model;

/**
 * The answer of {@code GET /v1/rbac/policy} and {@code GET /v1/b2b/rbac/policy}.
 *
 * @param requestId  Stytch's request id
 * @param statusCode the HTTP status
 * @param policy     the project policy (empty if Stytch sent none)
 */
public record RbacPolicyResponse(String requestId, int statusCode, RbacPolicy policy) {

    /** Replaces an absent policy with an empty one. */
    public RbacPolicyResponse {
        policy = policy == null ? new RbacPolicy(null, null, null) : policy;
    }
}
