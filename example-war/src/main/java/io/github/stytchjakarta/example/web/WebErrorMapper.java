package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * JAX-RS's own errors (no such page, wrong method or media type, an unreadable body): a page for the browser,
 * a problem body on the API. Redirects pass through. Thread-safe.
 */
@Provider
@ApplicationScoped
public class WebErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    CurrentStytchSession current;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status < Response.Status.BAD_REQUEST.getStatusCode()) {
            return exception.getResponse();
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "Error" : type.getReasonPhrase();
        if (ErrorPages.isApi(uri)) {
            return Problem.response(status, "http_" + status, "the request cannot be answered: " + reason.toLowerCase(Locale.ROOT));
        }
        String message = status == Response.Status.NOT_FOUND.getStatusCode()
                ? "There is no page here." : "This request cannot be answered (" + status + " " + reason + ").";
        return ErrorPages.page(uri, current, status, reason, message);
    }
}
