package io.github.stytchjakarta.cdi.jaxrs;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchSecurityException;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.Problem;
import io.github.stytchjakarta.filter.StytchWebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Answers a refused call ({@link io.github.stytchjakarta.cdi.StytchNotAuthenticatedException},
 * {@link io.github.stytchjakarta.cdi.StytchAccessDeniedException}) like the filter answers a refused
 * request: 401 with {@code WWW-Authenticate: Bearer realm="…"}, or 403 (with
 * {@code error="insufficient_scope"} when the request was authenticated by a bearer token), and an
 * {@code application/problem+json} body with the exception's code: the filter's {@link Problem} (whose challenges name
 * the protected resource metadata when it is configured). Found by
 * JAX-RS provider scanning; a CDI bean. Thread-safe.
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
        return JaxrsProblems.toResponse(Problem.of(exception.failure(credentialSource()), webConfig));
    }

    private Optional<CredentialSource> credentialSource() {
        try {
            return current.credentialSource();
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
