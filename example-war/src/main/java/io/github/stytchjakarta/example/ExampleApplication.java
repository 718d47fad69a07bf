package io.github.stytchjakarta.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application: the HTML pages and the JSON API under {@code /api}, every resource and provider
 * found by the container's scanning (this WAR's and the stytch-jakarta-cdi jar's). {@code @RolesAllowed} on
 * the resources (CDI beans) is enforced by stytch-jakarta-cdi on every JAX-RS runtime (Jersey, RESTEasy, CXF),
 * so no runtime's own roles feature is enabled.
 */
@ApplicationPath("/")
public class ExampleApplication extends Application {

    /** Jersey's switch for its generated {@code application.wadl}, which would describe the API to anyone. */
    public static final String JERSEY_DISABLE_WADL = "jersey.config.server.wadl.disableWadl";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(JERSEY_DISABLE_WADL, true);
    }
}
