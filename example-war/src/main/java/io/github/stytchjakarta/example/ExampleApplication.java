package io.github.stytchjakarta.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application: the HTML pages and the JSON API under {@code /api}, every resource and provider
 * found by the container's scanning (this WAR's and the stytch-jakarta-cdi jar's).
 *
 * <p>{@code @RolesAllowed} on a JAX-RS resource that is not an EJB is Jersey's business: its
 * {@code RolesAllowedDynamicFeature}, enabled here by name so that the app compiles against the JAX-RS API
 * alone. It asks {@code SecurityContext.isUserInRole}, which the Stytch filter (or, on a full Jakarta EE
 * server, the Stytch authentication mechanism) answers with the session's roles. On RESTEasy, set the
 * context parameter {@code resteasy.role.based.security=true} instead.
 */
@ApplicationPath("/")
public class ExampleApplication extends Application {

    /** Jersey's property listing extra provider classes by name. */
    public static final String JERSEY_PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

    /** Jersey's feature enforcing {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll}. */
    public static final String JERSEY_ROLES_ALLOWED_FEATURE = "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature";

    /** Jersey's switch for its generated {@code application.wadl}, which would describe the API to anyone. */
    public static final String JERSEY_DISABLE_WADL = "jersey.config.server.wadl.disableWadl";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(JERSEY_PROVIDER_CLASSNAMES, JERSEY_ROLES_ALLOWED_FEATURE, JERSEY_DISABLE_WADL, true);
    }
}
