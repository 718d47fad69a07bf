package io.github.stytchjakarta.cdi.jaxrs;

import io.github.stytchjakarta.filter.Problem;
import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into a JAX-RS response, for the exception mappers. Stateless and thread-safe. */
final class JaxrsProblems {

    private JaxrsProblems() {
    }

    static Response toResponse(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE);
        problem.headers().forEach(response::header);
        return response.entity(problem.body()).build();
    }
}
