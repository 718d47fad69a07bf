package io.github.stytchjakarta.cdi.jaxrs;

import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.filter.Problem;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.internal.WebFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Answers {@link StytchUnavailableException} (Stytch or its RBAC policy cannot be had right now, e.g.
 * during a permission check) like the filter: 503 with {@code Retry-After} (Stytch's delay, else
 * {@code stytch.web.retry-after}) and a problem body with the code {@value #CODE}, never a 500 or a
 * 401. Found by JAX-RS provider scanning; a CDI bean. Thread-safe.
 */
@Provider
@ApplicationScoped
public class StytchUnavailableExceptionMapper implements ExceptionMapper<StytchUnavailableException> {

    /** The problem code, the filter's. */
    public static final String CODE = WebFailures.UNAVAILABLE_CODE;

    private static final System.Logger LOG = System.getLogger(StytchUnavailableExceptionMapper.class.getName());

    @Inject
    private StytchWebConfig webConfig;

    @Override
    public Response toResponse(StytchUnavailableException exception) {
        LOG.log(Level.DEBUG, () -> "Stytch unavailable: " + exception.getMessage());
        Duration retryAfter = exception.retryAfter().orElse(webConfig.retryAfter());
        return JaxrsProblems.toResponse(Problem.of(WebFailures.unavailable(retryAfter), webConfig.realm(), retryAfter));
    }
}
