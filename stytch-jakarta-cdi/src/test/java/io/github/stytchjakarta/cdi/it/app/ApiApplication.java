package io.github.stytchjakarta.cdi.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application; resources and providers (the library's too) are found by scanning. Jersey
 * enforces {@code @RolesAllowed} on resources only with its {@code RolesAllowedDynamicFeature}.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
