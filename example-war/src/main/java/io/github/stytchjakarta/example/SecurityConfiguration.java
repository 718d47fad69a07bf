package io.github.stytchjakarta.example;

import io.github.stytchjakarta.cdi.StytchAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How this app authenticates, for every kind of server:
 * <ul>
 *   <li>on a Jakarta EE 10 server (Payara, ...), Stytch sessions are a Jakarta Security authentication
 *       mechanism ({@link StytchAuthenticationMechanismDefinition}), so the container knows the caller and its
 *       roles ({@code @RolesAllowed}, {@code isCallerInRole}, {@code SecurityContext});</li>
 *   <li>on a plain servlet container with CDI (embedded Jetty + Weld in the dev run), where nothing calls that
 *       mechanism, the Stytch filter does the same work: the filter module registers it, and it uses the
 *       authenticator CDI builds from MicroProfile Config.</li>
 * </ul>
 * The roles the app checks by name are declared, as servers with mandatory role mapping require.
 */
@ApplicationScoped
@StytchAuthenticationMechanismDefinition
@DeclareRoles({"admin", "editor", "viewer"})
public class SecurityConfiguration {
}
