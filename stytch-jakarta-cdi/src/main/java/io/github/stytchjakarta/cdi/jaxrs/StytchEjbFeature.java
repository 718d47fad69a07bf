package io.github.stytchjakarta.cdi.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Registers {@link StytchEjbAccessExceptionMapper} where the EJB API exists (a full Jakarta EE server),
 * and nothing on a servlet container without it, where loading the mapper would fail. Found by JAX-RS
 * provider scanning. Stateless and thread-safe.
 */
@Provider
public final class StytchEjbFeature implements Feature {

    /** The class whose presence means EJB, and so EJB {@code @RolesAllowed} refusals, exist. */
    public static final String EJB_ACCESS_EXCEPTION = "jakarta.ejb.EJBAccessException";

    @Override
    public boolean configure(FeatureContext context) {
        if (!isPresent(EJB_ACCESS_EXCEPTION)) {
            return false;
        }
        context.register(StytchEjbAccessExceptionMapper.class);
        return true;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, StytchEjbFeature.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
