package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.filter.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes a {@link Problem} as the whole servlet response, for the filter and the CDI module's
 * authentication mechanism (the JAX-RS mappers return it as an entity instead). Stateless and thread-safe.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /**
     * Writes the problem: status, its headers, content type and body.
     *
     * @param response the uncommitted response
     * @param problem  the problem
     * @throws IOException when the client went away
     */
    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        byte[] body = problem.body();
        problem.headers().forEach(response::setHeader);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
