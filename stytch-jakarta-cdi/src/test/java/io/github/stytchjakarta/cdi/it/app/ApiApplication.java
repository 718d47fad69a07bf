package io.github.stytchjakarta.cdi.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application; resources and providers (the library's too) are found by scanning. No runtime
 * feature for {@code @RolesAllowed}: the library enforces it on the resources (CDI beans).
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
