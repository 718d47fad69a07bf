package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.AuthorizationDecision;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.WebFailure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every {@link WebFailure} the request flow produces, with its stable code and fixed detail, so that the
 * codes of the README's table have one place. Nothing here comes from the request. Stateless and thread-safe.
 */
public final class WebFailures {

    /** The code of an unavailable Stytch. */
    public static final String UNAVAILABLE_CODE = "stytch.unavailable";

    private WebFailures() {
    }

    /** @return a path with a path parameter, a dot segment, a backslash or a control character */
    public static WebFailure unacceptablePath() {
        return new WebFailure(WebFailure.Kind.INVALID_REQUEST, "stytch.invalid_request.path",
                "the request path is not acceptable", Optional.empty(), Optional.empty());
    }

    /** @return no credential on a protected path */
    public static WebFailure missingCredentials() {
        return new WebFailure(WebFailure.Kind.MISSING_CREDENTIALS, "stytch.missing_token", "authentication is required",
                Optional.empty(), Optional.empty());
    }

    /**
     * @param source where the credentials came from
     * @return two different credentials from the deciding source
     */
    public static WebFailure duplicateCredentials(CredentialSource source) {
        return new WebFailure(WebFailure.Kind.INVALID_REQUEST, "stytch.invalid_request.duplicate_credentials",
                "the request carries more than one session credential", Optional.of(source), Optional.empty());
    }

    /** @return cookies the container cannot parse */
    public static WebFailure unreadableCookies() {
        return new WebFailure(WebFailure.Kind.INVALID_REQUEST, "stytch.invalid_request.cookies",
                "the request's cookies cannot be read", Optional.empty(), Optional.empty());
    }

    /**
     * @param reason why core rejected the credential
     * @param source where it came from
     * @return a rejected credential
     */
    public static WebFailure invalidToken(InvalidTokenException.Reason reason, CredentialSource source) {
        return new WebFailure(WebFailure.Kind.INVALID_TOKEN, "stytch.invalid_token." + reason.name().toLowerCase(Locale.ROOT),
                reason.description(), Optional.of(source), Optional.empty());
    }

    /** @return a cookie-authenticated state change from a foreign origin */
    public static WebFailure csrf() {
        return new WebFailure(WebFailure.Kind.CSRF, "stytch.csrf",
                "a state-changing request with a session cookie must come from this site", Optional.empty(),
                Optional.empty());
    }

    /**
     * @param source where the credential came from
     * @return a method no permission rule of the path names, in deny mode
     */
    public static WebFailure unmatchedMethod(CredentialSource source) {
        return new WebFailure(WebFailure.Kind.FORBIDDEN, "stytch.forbidden.unmatched_method",
                "no permission rule for this path allows this method", Optional.of(source), Optional.empty());
    }

    /**
     * @param outcome the refusing outcome of core's authorizer
     * @param source  where the credential came from
     * @return a refused permission
     */
    public static WebFailure forbidden(AuthorizationDecision.Outcome outcome, CredentialSource source) {
        String detail = outcome == AuthorizationDecision.Outcome.TENANCY_MISMATCH
                ? "the resource belongs to another organization" : "the session's roles do not grant this permission";
        return new WebFailure(WebFailure.Kind.FORBIDDEN, "stytch.forbidden." + outcome.name().toLowerCase(Locale.ROOT),
                detail, Optional.of(source), Optional.empty());
    }

    /**
     * @param outcome the refusing outcome of core's authorizer
     * @param scopes  the scopes any one of which would grant the permission (RFC 6750 {@code scope})
     * @return a permission an access token's scopes do not grant (it always came in a bearer header)
     */
    public static WebFailure insufficientScope(AuthorizationDecision.Outcome outcome, List<String> scopes) {
        String detail = outcome == AuthorizationDecision.Outcome.TENANCY_MISMATCH
                ? "the resource belongs to another organization" : "the token's scopes do not grant this permission";
        return new WebFailure(WebFailure.Kind.FORBIDDEN, "stytch.forbidden." + outcome.name().toLowerCase(Locale.ROOT),
                detail, Optional.of(CredentialSource.BEARER_HEADER), Optional.empty(), scopes);
    }

    /**
     * @param scopes the scopes of the scope rule, every one of which the request needs (RFC 6750 {@code scope})
     * @param source where the credential came from (a session, which grants no scope, from a cookie too)
     * @return a scope rule the credential does not satisfy
     */
    public static WebFailure insufficientScope(List<String> scopes, CredentialSource source) {
        return new WebFailure(WebFailure.Kind.FORBIDDEN, "stytch.forbidden.insufficient_scope",
                "the credential does not grant the scopes this request needs", Optional.of(source), Optional.empty(), scopes);
    }

    /**
     * @param retryAfter the delay to ask of the client
     * @return Stytch needed and unreachable
     */
    public static WebFailure unavailable(Duration retryAfter) {
        return new WebFailure(WebFailure.Kind.UNAVAILABLE, UNAVAILABLE_CODE,
                "the authentication service is unavailable, retry later", Optional.empty(), Optional.of(retryAfter));
    }
}
