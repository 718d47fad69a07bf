package io.github.stytchjakarta.cdi.it.app;

import io.github.stytchjakarta.cdi.StytchAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns the Stytch mechanism on and declares the roles the application checks, as the README says. */
@ApplicationScoped
@StytchAuthenticationMechanismDefinition
@DeclareRoles({"admin", "editor", "viewer", "manager", "stytch_member", "stytch_admin"})
public class SecurityConfiguration {
}
