package io.github.stytchjakarta.filter;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a request cannot proceed, and everything needed to answer it; written by
 * {@link StytchWebAuthenticator#sendFailure}. Nothing in it comes from the request: the detail is a
 * fixed text, so it can never echo a token.
 *
 * @param kind       the kind, which fixes the status
 * @param code       a stable machine-readable code, the {@code code} member of the problem body, e.g.
 *                   {@code stytch.invalid_token.expired}
 * @param detail     a fixed human-readable text, the {@code detail} member and the RFC 6750 {@code error_description}
 * @param source     where the offending credential came from, if the failure concerns one
 * @param retryAfter the delay of a {@link Kind#UNAVAILABLE} failure
 * @param scopes     for a {@link Kind#FORBIDDEN} refusal by scopes, the scopes the request needs (for a permission any
 *                   one of them grants it; for a scope rule all of them), sent as the RFC 6750 {@code scope}
 *                   attribute; from the configuration and the RBAC policy, never from the request
 */
public record WebFailure(Kind kind, String code, String detail, Optional<CredentialSource> source,
                         Optional<Duration> retryAfter, List<String> scopes) {

    /** The kinds of failure, with their HTTP status and RFC 6750 error code. */
    public enum Kind {
        /** No credential on a protected path: 401 with a bare challenge, or a login redirect. Code {@code stytch.missing_token}. */
        MISSING_CREDENTIALS(401, null),
        /** A rejected credential: 401 {@code invalid_token}, or a login redirect. Codes {@code stytch.invalid_token.<reason>}. */
        INVALID_TOKEN(401, "invalid_token"),
        /** An ambiguous request (two credentials of one kind) or an unacceptable path: 400. Codes {@code stytch.invalid_request.*}. */
        INVALID_REQUEST(400, "invalid_request"),
        /**
         * A permission or tenancy check failed, or the permission rules of the path do not name the method:
         * 403 ({@code insufficient_scope} for bearer requests). Codes {@code stytch.forbidden.*}.
         */
        FORBIDDEN(403, "insufficient_scope"),
        /** A cookie-authenticated state change from a foreign origin: 403. Code {@code stytch.csrf}. */
        CSRF(403, null),
        /** Stytch is needed and cannot be used now: 503 with {@code Retry-After}. Code {@code stytch.unavailable}. */
        UNAVAILABLE(503, null);

        private final int status;
        private final String bearerError;

        Kind(int status, String bearerError) {
            this.status = status;
            this.bearerError = bearerError;
        }

        /** @return the HTTP status */
        public int status() {
            return status;
        }

        /** @return the RFC 6750 {@code error} attribute, if this kind has one */
        public Optional<String> bearerError() {
            return Optional.ofNullable(bearerError);
        }
    }

    /** Requires every part. */
    public WebFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(retryAfter, "retryAfter");
        scopes = List.copyOf(scopes);
    }

    /**
     * A failure naming no scope.
     *
     * @param kind       the kind
     * @param code       the stable code
     * @param detail     the fixed text
     * @param source     where the offending credential came from
     * @param retryAfter the delay of an unavailable failure
     */
    public WebFailure(Kind kind, String code, String detail, Optional<CredentialSource> source, Optional<Duration> retryAfter) {
        this(kind, code, detail, source, retryAfter, List.of());
    }

    /** @return whether the failure concerns a credential sent in a cookie */
    public boolean fromCookie() {
        return source.map(CredentialSource::isCookie).orElse(false);
    }
}
