package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedFactor;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.EmulatorKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders emulator state as the JSON objects of the Stytch OpenAPI spec, with every property the spec marks required
 * (and every field the official Java SDK needs non-null): arrays are empty rather than absent, strings {@code ""}
 * rather than null, timestamps RFC 3339 UTC. Optional properties without a value are left out.
 */
public final class Views {

    private static final String ALL_ALLOWED = "ALL_ALLOWED";
    private static final String NOT_ALLOWED = "NOT_ALLOWED";

    /** The {@code creation_method} of a Connected App; the spec gives no values, this one is a guess. */
    private static final String CREATED_BY_API = "api";

    /** How much of a client secret {@code client_secret_last_four} shows. */
    private static final int SECRET_LAST_CHARACTERS = 4;

    private Views() {
    }

    /**
     * @param user a user
     * @return a {@code api_user_v1_User}
     */
    public static Map<String, Object> user(EmulatedUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("user_id", user.userId());
        view.put("emails", user.email() == null ? List.of()
                : List.of(object("email_id", user.emailId(), "email", user.email(), "verified", true)));
        view.put("status", "active");
        String[] name = user.name().split(" ", 2);
        view.put("name", object("first_name", name[0], "middle_name", "", "last_name", name.length > 1 ? name[1] : ""));
        view.put("phone_numbers", List.of());
        view.put("webauthn_registrations", List.of());
        view.put("providers", List.of());
        view.put("totps", List.of());
        view.put("crypto_wallets", List.of());
        view.put("biometric_registrations", List.of());
        view.put("is_locked", false);
        List<String> roles = new ArrayList<>();
        roles.add(EmulatedPolicy.STYTCH_USER);
        user.roles().stream().filter(role -> !roles.contains(role)).forEach(roles::add);
        view.put("roles", roles);
        view.put("created_at", Rfc3339.format(user.createdAt()));
        view.put("trusted_metadata", Map.of());
        view.put("untrusted_metadata", Map.of());
        if (user.externalId() != null) {
            view.put("external_id", user.externalId());
        }
        return view;
    }

    /**
     * @param member a member
     * @return a {@code api_organization_v1_Member}
     */
    public static Map<String, Object> member(EmulatedMember member) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("organization_id", member.organizationId());
        view.put("member_id", member.memberId());
        view.put("email_address", member.email());
        view.put("status", "active");
        view.put("name", member.name());
        view.put("sso_registrations", List.of());
        view.put("is_breakglass", false);
        view.put("member_password_id", "");
        view.put("oauth_registrations", List.of());
        view.put("email_address_verified", true);
        view.put("mfa_phone_number_verified", false);
        view.put("is_admin", member.roles().contains(EmulatedPolicy.STYTCH_ADMIN));
        view.put("totp_registration_id", "");
        view.put("retired_email_addresses", List.of());
        view.put("is_locked", false);
        view.put("mfa_enrolled", false);
        view.put("mfa_phone_number", "");
        view.put("default_mfa_method", "");
        List<String> roleIds = new ArrayList<>();
        roleIds.add(EmulatedPolicy.STYTCH_MEMBER);
        member.roles().stream().filter(role -> !roleIds.contains(role)).forEach(roleIds::add);
        view.put("roles", roleIds.stream()
                .map(roleId -> object("role_id", roleId, "sources", List.of(object("type", "direct_assignment", "details", Map.of()))))
                .toList());
        view.put("trusted_metadata", Map.of());
        view.put("untrusted_metadata", Map.of());
        view.put("created_at", Rfc3339.format(member.createdAt()));
        view.put("updated_at", Rfc3339.format(member.createdAt()));
        if (member.externalId() != null) {
            view.put("external_id", member.externalId());
        }
        return view;
    }

    /**
     * @param organization an organization
     * @param customRoles  its custom roles
     * @return a {@code api_organization_v1_Organization} with the settings of a fresh organization
     */
    public static Map<String, Object> organization(EmulatedOrganization organization, List<EmulatedPolicy.Role> customRoles) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("organization_id", organization.organizationId());
        view.put("organization_name", organization.name());
        view.put("organization_logo_url", "");
        view.put("organization_slug", organization.slug());
        view.put("sso_jit_provisioning", ALL_ALLOWED);
        view.put("sso_jit_provisioning_allowed_connections", List.of());
        view.put("sso_active_connections", List.of());
        view.put("email_allowed_domains", List.of());
        view.put("email_jit_provisioning", NOT_ALLOWED);
        view.put("email_invites", ALL_ALLOWED);
        view.put("auth_methods", ALL_ALLOWED);
        view.put("allowed_auth_methods", List.of());
        view.put("mfa_policy", "OPTIONAL");
        view.put("rbac_email_implicit_role_assignments", List.of());
        view.put("mfa_methods", ALL_ALLOWED);
        view.put("allowed_mfa_methods", List.of());
        view.put("oauth_tenant_jit_provisioning", NOT_ALLOWED);
        view.put("claimed_email_domains", List.of());
        view.put("first_party_connected_apps_allowed_type", ALL_ALLOWED);
        view.put("allowed_first_party_connected_apps", List.of());
        view.put("third_party_connected_apps_allowed_type", ALL_ALLOWED);
        view.put("allowed_third_party_connected_apps", List.of());
        view.put("custom_roles", customRoles.stream().map(Views::role).toList());
        view.put("trusted_metadata", Map.of());
        view.put("created_at", Rfc3339.format(organization.createdAt()));
        view.put("updated_at", Rfc3339.format(organization.createdAt()));
        if (organization.externalId() != null) {
            view.put("organization_external_id", organization.externalId());
        }
        view.put("allowed_oauth_tenants", Map.of());
        return view;
    }

    /**
     * @param session a consumer session
     * @param roles   its roles
     * @return a {@code api_session_v1_Session}
     */
    public static Map<String, Object> consumerSession(SessionData session, List<String> roles) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("session_id", session.sessionId());
        view.put("user_id", session.subjectId());
        view.put("started_at", Rfc3339.format(session.startedAt()));
        view.put("last_accessed_at", Rfc3339.format(session.lastAccessedAt()));
        view.put("expires_at", Rfc3339.format(session.expiresAt()));
        view.put("attributes", attributes(session));
        view.put("authentication_factors", factors(session));
        view.put("custom_claims", session.customClaims());
        view.put("roles", roles);
        return view;
    }

    /**
     * @param session          a B2B session
     * @param organizationSlug the slug of its organization
     * @param roles            its roles
     * @return a {@code api_b2b_session_v1_MemberSession}
     */
    public static Map<String, Object> memberSession(SessionData session, String organizationSlug, List<String> roles) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("member_session_id", session.sessionId());
        view.put("member_id", session.subjectId());
        view.put("started_at", Rfc3339.format(session.startedAt()));
        view.put("last_accessed_at", Rfc3339.format(session.lastAccessedAt()));
        view.put("expires_at", Rfc3339.format(session.expiresAt()));
        view.put("authentication_factors", factors(session));
        view.put("custom_claims", session.customClaims());
        view.put("organization_id", session.organizationId());
        view.put("roles", roles);
        view.put("organization_slug", organizationSlug);
        return view;
    }

    /**
     * @param session a session
     * @param roles   its roles
     * @return the {@code https://stytch.com/session} JWT claim
     */
    public static Map<String, Object> sessionClaim(SessionData session, List<String> roles) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("id", session.sessionId());
        claim.put("started_at", Rfc3339.format(session.startedAt()));
        claim.put("last_accessed_at", Rfc3339.format(session.lastAccessedAt()));
        claim.put("expires_at", Rfc3339.format(session.expiresAt()));
        claim.put("attributes", attributes(session));
        claim.put("authentication_factors", factors(session));
        claim.put("roles", roles);
        return claim;
    }

    /**
     * @param policy a policy
     * @return a {@code api_b2b_rbac_v1_Policy} / {@code api_consumer_rbac_v1_Policy}
     */
    public static Map<String, Object> policy(EmulatedPolicy policy) {
        return object(
                "roles", policy.roles().stream().map(Views::role).toList(),
                "resources", policy.resources().stream()
                        .map(resource -> object("resource_id", resource.resourceId(), "description", resource.description(),
                                "actions", resource.actions()))
                        .toList(),
                "scopes", policy.scopes().stream()
                        .map(scope -> object("scope", scope.scope(), "description", scope.description(),
                                "permissions", permissions(scope.permissions())))
                        .toList());
    }

    /**
     * @param role a role
     * @return a {@code PolicyRole} (also the shape of an organization's {@code CustomRole})
     */
    public static Map<String, Object> role(EmulatedPolicy.Role role) {
        return object("role_id", role.roleId(), "description", role.description(),
                "permissions", permissions(role.permissions()));
    }

    /**
     * @param client     a Connected-App client
     * @param withSecret whether to include {@code client_secret} (the create answer of a confidential client)
     * @return a {@code api_connectedapps_v1_ConnectedApp}, or with the secret a
     *         {@code api_connectedapps_v1_ConnectedAppWithClientSecret}; the settings the emulator does not model
     *         have Stytch's defaults
     */
    public static Map<String, Object> connectedApp(EmulatedConnectedApp client, boolean withSecret) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("client_id", client.clientId());
        view.put("client_name", client.clientName());
        view.put("client_description", client.clientDescription());
        view.put("status", "active");
        view.put("full_access_allowed", false);
        view.put("client_type", client.clientType().apiValue());
        view.put("redirect_urls", client.redirectUrls());
        view.put("access_token_expiry_minutes", client.accessTokenLifetime().toMinutes());
        view.put("access_token_template_content", "");
        view.put("post_logout_redirect_urls", List.of());
        view.put("bypass_consent_for_offline_access", false);
        if (!withSecret) {
            view.put("creation_method", CREATED_BY_API);
        }
        if (client.clientSecret() != null) {
            String secret = client.clientSecret();
            view.put("client_secret_last_four", secret.substring(secret.length() - SECRET_LAST_CHARACTERS));
            if (withSecret) {
                view.put("client_secret", secret);
            }
        }
        return view;
    }

    /**
     * @param key a key
     * @return a {@code api_session_v1_JWK}: {@code kty, use, key_ops, alg, kid, x5c, x5tS256, n, e}
     */
    public static Map<String, Object> jwk(EmulatorKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kty", "RSA");
        view.put("use", "sig");
        view.put("key_ops", List.of("verify"));
        view.put("alg", "RS256");
        view.put("kid", key.kid());
        view.put("x5c", key.rsaKey().getX509CertChain().stream().map(Object::toString).toList());
        view.put("x5tS256", key.rsaKey().getX509CertSHA256Thumbprint().toString());
        view.put("n", key.rsaKey().getModulus().toString());
        view.put("e", key.rsaKey().getPublicExponent().toString());
        return view;
    }

    private static List<Map<String, Object>> permissions(List<EmulatedPolicy.Permission> permissions) {
        return permissions.stream()
                .map(permission -> object("resource_id", permission.resourceId(), "actions", permission.actions()))
                .toList();
    }

    private static Map<String, Object> attributes(SessionData session) {
        return object("ip_address", session.ipAddress(), "user_agent", session.userAgent());
    }

    private static List<Map<String, Object>> factors(SessionData session) {
        return session.factors().stream().map(factor -> factor(factor, session.startedAt())).toList();
    }

    private static Map<String, Object> factor(EmulatedFactor factor, Instant sessionStart) {
        String at = Rfc3339.format(factor.lastAuthenticatedAt() == null ? sessionStart : factor.lastAuthenticatedAt());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", factor.type());
        view.put("delivery_method", factor.deliveryMethod());
        view.put("last_authenticated_at", at);
        view.put("created_at", at);
        view.put("updated_at", at);
        if (factor.detailsField() != null) {
            view.put(factor.detailsField(), factor.details());
        }
        return view;
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
