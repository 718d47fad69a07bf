package io.github.stytchjakarta.cdi.ee11.app;

import io.github.stytchjakarta.cdi.StytchAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.InMemoryIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.InMemoryIdentityStoreDefinition.Credentials;

/**
 * Two mechanisms, as the README's "Several authentication mechanisms" section has them: Stytch sessions,
 * qualified {@link ViaStytch}, and Basic authentication (qualified by Jakarta Security 4's default) for
 * operators from an in-memory store. {@link StytchOrBasic} chooses between them.
 */
@ApplicationScoped
@StytchAuthenticationMechanismDefinition(qualifiers = ViaStytch.class)
@BasicAuthenticationMechanismDefinition(realmName = "operations")
@InMemoryIdentityStoreDefinition(@Credentials(callerName = SecurityConfiguration.OPERATOR,
        password = SecurityConfiguration.OPERATOR_PASSWORD, groups = "operator"))
@DeclareRoles({"operator", "admin", "editor", "viewer"})
public class SecurityConfiguration {

    /** The operator Basic authentication knows. */
    public static final String OPERATOR = "olga";

    /** Her password (a test fixture). */
    public static final String OPERATOR_PASSWORD = "operator-password-1";
}
