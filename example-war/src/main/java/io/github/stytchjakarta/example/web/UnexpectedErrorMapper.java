package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last resort: any exception no other mapper takes is a bug or an outage of something behind the app.
 * The client gets a plain 500 (page or problem body), the log gets the exception's type and where it
 * happened; the exception itself is logged only at DEBUG, since its message might quote request data.
 * Thread-safe.
 */
@Provider
@ApplicationScoped
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedErrorMapper.class.getName());

    @Inject
    CurrentStytchSession current;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
        LOG.log(System.Logger.Level.WARNING, () -> "unexpected " + exception.getClass().getName() + " on /" + ErrorPages.path(uri));
        LOG.log(System.Logger.Level.DEBUG, "unexpected exception", exception);
        int status = Response.Status.INTERNAL_SERVER_ERROR.getStatusCode();
        if (ErrorPages.isApi(uri)) {
            return Problem.response(status, "internal_error", "the request failed on the server");
        }
        return ErrorPages.page(uri, current, status, "Something went wrong", "The request failed on the server. "
                + "Try again in a moment.");
    }
}
