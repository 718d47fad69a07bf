package io.github.stytchjakarta.cdi.jaxrs;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchSecurityException;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.ProblemResponses;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.WebFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Answers a refused call ({@link io.github.stytchjakarta.cdi.StytchNotAuthenticatedException},
 * {@link io.github.stytchjakarta.cdi.StytchAccessDeniedException}) like the filter answers a refused
 * request: 401 with {@code WWW-Authenticate: Bearer realm="…"}, or 403 (with
 * {@code error="insufficient_scope"} when the request was authenticated by a bearer token), and an
 * {@code application/problem+json} body with the exception's code. Found by JAX-RS provider
 * scanning; a CDI bean. Thread-safe.
 */
@Provider
@ApplicationScoped
public class StytchSecurityExceptionMapper implements ExceptionMapper<StytchSecurityException> {

    @Inject
    private StytchWebConfig webConfig;

    @Inject
    private CurrentStytchSession current;

    @Override
    public Response toResponse(StytchSecurityException exception) {
        WebFailure failure = exception.failure(credentialSource());
        WebFailure.Kind kind = failure.kind();
        Response.ResponseBuilder response = Response.status(kind.status())
                .type(ProblemResponses.PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ProblemResponses.body(kind.status(), failure.code(), failure.detail()));
        boolean bearer = failure.source().orElse(null) == CredentialSource.BEARER_HEADER;
        if (kind.status() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, ProblemResponses.bearerChallenge(webConfig.realm(), kind.bearerError(), ""));
        } else if (bearer && kind.bearerError().isPresent()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE,
                    ProblemResponses.bearerChallenge(webConfig.realm(), kind.bearerError(), failure.detail()));
        }
        return response.build();
    }

    private Optional<CredentialSource> credentialSource() {
        try {
            return current.credentialSource();
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
