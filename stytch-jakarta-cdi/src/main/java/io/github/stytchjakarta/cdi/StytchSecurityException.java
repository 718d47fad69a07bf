package io.github.stytchjakarta.cdi;

import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.WebFailure;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Optional;

/**
 * A call was refused by a Stytch security check ({@link RequiresAuthentication}, {@link RequiresRole},
 * {@link RequiresPermission}, {@link RequiresScope}, or a producer that needs a caller). The JAX-RS mappers of
 * {@code io.github.stytchjakarta.cdi.jaxrs} answer it with {@link #status()} and an
 * {@code application/problem+json} body carrying {@link #code()}. Servlet code answers it exactly as
 * the filter answers its own failures with the shared web authenticator:
 * <pre>
 * } catch (StytchSecurityException e) {
 *     web.sendFailure(request, response, e.failure(current.credentialSource()));
 * }
 * </pre>
 * Messages name the check, never a token.
 *
 * <p>It is an EJB application exception, so an EJB rethrows it as it is (rolling the transaction back)
 * instead of wrapping it in an {@code EJBException}.
 */
@ApplicationException(rollback = true)
public abstract sealed class StytchSecurityException extends RuntimeException
        permits StytchNotAuthenticatedException, StytchAccessDeniedException {

    private static final long serialVersionUID = 1L;

    StytchSecurityException(String message) {
        super(message);
    }

    /**
     * The HTTP status this refusal maps to.
     *
     * @return 401 or 403
     */
    public abstract int status();

    /**
     * A stable machine-readable code, the same as the filter's for the same refusal, e.g.
     * {@code stytch.forbidden.permission_denied}.
     *
     * @return the code
     */
    public abstract String code();

    /**
     * A fixed human-readable description for a response ({@code detail} of the problem body); unlike
     * the message it does not name the check, which is the application's business.
     *
     * @return the description
     */
    public abstract String detail();

    /**
     * The refusal as a failure of the filter module, to answer it with
     * {@link io.github.stytchjakarta.filter.StytchWebAuthenticator#sendFailure}: the same status, challenge
     * (RFC 6750 {@code insufficient_scope} for a 403 of a bearer request), login redirect for a browser
     * navigation without a session, and problem body as the filter.
     *
     * @param source where the request's credential came from ({@link CurrentStytchSession#credentialSource()})
     * @return the failure
     */
    public WebFailure failure(Optional<CredentialSource> source) {
        WebFailure.Kind kind = status() == 401 ? WebFailure.Kind.MISSING_CREDENTIALS : WebFailure.Kind.FORBIDDEN;
        return new WebFailure(kind, code(), detail(), source, Optional.empty(), scopes());
    }

    /**
     * The scopes the refused call needs, sent as the RFC 6750 {@code scope} attribute of an access token's 403.
     *
     * @return the scopes; none unless an access token was refused
     */
    public List<String> scopes() {
        return List.of();
    }
}
