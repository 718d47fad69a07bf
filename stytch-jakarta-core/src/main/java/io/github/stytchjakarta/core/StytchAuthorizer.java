package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.jwt.M2mClaims;
import io.github.stytchjakarta.core.internal.rbac.PolicyIndex;
import io.github.stytchjakarta.core.internal.rbac.RbacPolicyCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Local RBAC checks with exactly the semantics of Stytch's SDKs and API (stytch-semantics §4.2), for every kind of
 * {@link StytchCaller}:
 * <ol>
 *   <li>B2B tenancy first: when the resource's organization is given, it must be the caller's own
 *       ({@link AuthorizationDecision.Outcome#TENANCY_MISMATCH} otherwise, before any policy is
 *       consulted). A consumer user, an M2M client and a user's Connected-App token belong to no organization, so
 *       any organization mismatches.</li>
 *   <li>A session ({@link StytchPrincipal}): its roles ({@link StytchPrincipal#roles()}) are looked up in the
 *       project policy and, for B2B, the organization's custom roles; role ids the policy does not know are ignored.
 *       Granted iff some role has a permission on exactly this resource listing the action or {@code *}.</li>
 *   <li>A Connected-App token ({@link ConnectedAppCaller}): its scopes are looked up in the project policy's
 *       {@code scopes} (stytch-node's {@code performScopeAuthorizationCheck}); granted iff some scope of the token has
 *       a permission on exactly this resource listing the action or {@code *}. The roles of the user or member do
 *       not count: the token grants only what its scopes grant.</li>
 *   <li>An M2M token ({@link M2mCaller}): no policy; granted iff some scope is {@code action:resource} or
 *       {@code action:*} for the permission's action and resource (the M2M scope check of
 *       {@link M2mTokenVerifier}).</li>
 * </ol>
 * The decision's {@link AuthorizationDecision#grantingRoles()} are the granting roles, or scopes for access
 * tokens.
 * Policies come from an internal cache (TTL {@code stytch.rbac.policy-ttl}, background refresh,
 * previous policy kept on error). If the project policy was never fetched and cannot be, or the
 * organization's custom roles cannot be fetched and the project roles do not grant the action, the
 * check throws {@link StytchUnavailableException} rather than guess.
 *
 * <p>Thread-safe; a check of a cached policy is a few hash lookups.
 */
public final class StytchAuthorizer {

    private final RbacPolicyCache policies;

    StytchAuthorizer(RbacPolicyCache policies) {
        this.policies = policies;
    }

    /**
     * Checks a permission within the caller's own organization (B2B), or for a caller of no organization.
     *
     * @param caller     the caller; must not be {@code null}
     * @param permission the permission, e.g. {@code new Permission("documents", "read")}
     * @return the decision
     * @throws StytchUnavailableException when the policy cannot be had
     */
    public AuthorizationDecision check(StytchCaller caller, Permission permission) {
        if (caller instanceof ConnectedAppCaller app) {
            return decideByPolicyScopes(app, permission);
        }
        if (caller instanceof M2mCaller client) {
            return decideByM2mScopes(client, permission);
        }
        return decide((StytchPrincipal) caller, permission);
    }

    /**
     * Checks a permission on a resource of a given organization, tenancy first.
     *
     * @param principal      the caller, of any kind; must not be {@code null}
     * @param organizationId the organization owning the resource; must not be {@code null}
     * @param permission     the permission
     * @return the decision
     * @throws StytchUnavailableException when the policy cannot be had
     */
    public AuthorizationDecision checkInOrganization(StytchCaller principal, String organizationId,
                                                     Permission permission) {
        Objects.requireNonNull(organizationId, "organizationId");
        // users and M2M clients belong to no organization
        boolean sameOrganization = principal instanceof StytchMember member ? member.organizationId().equals(organizationId)
                : principal instanceof ConnectedAppCaller app && app.organizationId().filter(organizationId::equals).isPresent();
        if (!sameOrganization) {
            return AuthorizationDecision.TENANCY_MISMATCH;
        }
        return check(principal, permission);
    }

    /**
     * The caller's roles that the project's RBAC policy defines, in session order: an organization's own
     * custom roles (B2B) are left out, since a tenant's administrator may name one like any application
     * role. A consumer user's roles are all project roles (consumer projects have no organization roles),
     * so they are returned without consulting the policy.
     *
     * @param principal the caller; must not be {@code null}
     * @return the project roles, unmodifiable
     * @throws StytchUnavailableException for a member, when the project policy was never fetched and
     *                                    cannot be fetched now
     */
    public List<String> projectRoles(StytchPrincipal principal) {
        if (!(principal instanceof StytchMember)) {
            return principal.roles();
        }
        PolicyIndex project = policies.project();
        return principal.roles().stream().filter(project::defines).toList();
    }

    /**
     * The scopes a caller of a given kind would need for a permission, for an RFC 6750 {@code insufficient_scope}
     * answer: for a Connected-App token the project policy's scopes that grant it (any one suffices), for an M2M token
     * {@code action:resource}; none for a session.
     *
     * @param caller     the caller; must not be {@code null}
     * @param permission the permission
     * @return the scopes, unmodifiable
     * @throws StytchUnavailableException for a Connected-App token, when the project policy was never fetched and
     *                                    cannot be fetched now
     */
    public List<String> scopesGranting(StytchCaller caller, Permission permission) {
        if (caller instanceof ConnectedAppCaller) {
            return policies.project().scopesGranting(permission.resourceId(), permission.action());
        }
        if (caller instanceof M2mCaller) {
            return List.of(permission.action() + ":" + permission.resourceId());
        }
        return List.of();
    }

    /**
     * The required scopes a caller's access token does not grant, compared as Stytch's SDKs do for the token's kind:
     * a Connected-App token by scope name, an M2M token by its {@code action:resource} rules (resource {@code *}
     * covers any, so {@code read:*} grants {@code read:documents}). A session has no scopes, so it misses every one.
     *
     * @param caller   the caller; must not be {@code null}
     * @param required the scopes needed
     * @return the required scopes not granted, in the order given, unmodifiable; empty when all are granted
     */
    public List<String> missingScopes(StytchCaller caller, Collection<String> required) {
        return scopesNotGranted(caller, required);
    }

    // the verifiers' scope check too
    static List<String> scopesNotGranted(StytchCaller caller, Collection<String> required) {
        if (caller instanceof M2mCaller client) {
            return M2mClaims.missingScopes(client.scopes(), required);
        }
        return required.stream().filter(scope -> !caller.scopes().contains(scope)).toList();
    }

    /**
     * Refetches the project policy and the cached organization policies now (normally done in the
     * background every TTL), e.g. after changing the policy in Stytch.
     *
     * @throws StytchUnavailableException when the project policy cannot be fetched (the previous one is kept)
     */
    public void refresh() {
        policies.refresh();
    }

    private AuthorizationDecision decideByPolicyScopes(ConnectedAppCaller caller, Permission permission) {
        PolicyIndex project = policies.project();
        List<String> granting = caller.scopes().stream().distinct()
                .filter(scope -> project.scopeGrants(scope, permission.resourceId(), permission.action())).toList();
        return granting.isEmpty() ? AuthorizationDecision.PERMISSION_DENIED
                : new AuthorizationDecision(AuthorizationDecision.Outcome.GRANTED, granting);
    }

    private static AuthorizationDecision decideByM2mScopes(M2mCaller caller, Permission permission) {
        List<String> required = List.of(permission.action() + ":" + permission.resourceId());
        List<String> granting = caller.scopes().stream().distinct()
                .filter(scope -> M2mClaims.missingScopes(List.of(scope), required).isEmpty()).toList();
        return granting.isEmpty() ? AuthorizationDecision.PERMISSION_DENIED
                : new AuthorizationDecision(AuthorizationDecision.Outcome.GRANTED, granting);
    }

    private AuthorizationDecision decide(StytchPrincipal principal, Permission permission) {
        String resourceId = permission.resourceId();
        String action = permission.action();
        PolicyIndex project = policies.project();
        Optional<PolicyIndex> organization = principal instanceof StytchMember member
                ? policies.organization(member.organizationId())
                : Optional.of(PolicyIndex.EMPTY);
        List<String> granting = null;
        for (String role : principal.roles()) {
            if (project.grants(role, resourceId, action)
                    || organization.isPresent() && organization.get().grants(role, resourceId, action)) {
                if (granting == null) {
                    granting = new ArrayList<>(2);
                }
                if (!granting.contains(role)) {
                    granting.add(role);
                }
            }
        }
        if (granting != null) {
            return new AuthorizationDecision(AuthorizationDecision.Outcome.GRANTED, granting);
        }
        if (organization.isEmpty()) {
            throw new StytchUnavailableException("the organization's RBAC policy is unavailable", null, null, null);
        }
        return AuthorizationDecision.PERMISSION_DENIED;
    }
}
