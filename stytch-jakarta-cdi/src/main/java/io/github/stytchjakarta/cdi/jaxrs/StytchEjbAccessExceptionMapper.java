package io.github.stytchjakarta.cdi.jaxrs;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchAccessDeniedException;
import io.github.stytchjakarta.cdi.StytchNotAuthenticatedException;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers an EJB's {@code @RolesAllowed} refusal ({@link EJBAccessException}, which JAX-RS would
 * otherwise turn into a 500) like a refused Stytch check: 401 for an anonymous request
 * ({@code stytch.missing_token}), 403 {@code stytch.forbidden.role_missing} for a caller without the
 * role. Not annotated {@code @Provider}: provider scanning would load it on containers without the
 * EJB API and fail the deployment; {@link StytchEjbFeature} registers it where EJB exists. A CDI
 * bean. Thread-safe.
 */
@ApplicationScoped
public class StytchEjbAccessExceptionMapper implements ExceptionMapper<EJBAccessException> {

    @Inject
    private StytchSecurityExceptionMapper security;

    @Inject
    private CurrentStytchSession current;

    @Override
    public Response toResponse(EJBAccessException exception) {
        return security.toResponse(current.isAuthenticated()
                ? new StytchAccessDeniedException(StytchAccessDeniedException.Reason.ROLE_MISSING, "an EJB's @RolesAllowed")
                : new StytchNotAuthenticatedException());
    }
}
