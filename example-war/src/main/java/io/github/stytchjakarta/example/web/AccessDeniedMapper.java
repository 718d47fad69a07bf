package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchAccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * A {@code @RequiresPermission} (or {@code @RequiresRole}) refusal: a 403 page in the browser, the library's
 * problem body on the API ({@link ErrorPages#forbidden}). It is more specific than the library's mapper for
 * every {@code StytchSecurityException}, so JAX-RS picks it for refusals. Thread-safe.
 */
@Provider
@ApplicationScoped
public class AccessDeniedMapper implements ExceptionMapper<StytchAccessDeniedException> {

    @Inject
    CurrentStytchSession current;

    @Context
    UriInfo uri;

    @Context
    Providers providers;

    @Override
    public Response toResponse(StytchAccessDeniedException refusal) {
        return ErrorPages.forbidden(uri, current, providers, refusal);
    }
}
