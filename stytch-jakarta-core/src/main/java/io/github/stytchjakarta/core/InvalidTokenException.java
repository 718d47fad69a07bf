package io.github.stytchjakarta.core;

import java.util.Objects;

/**
 * The presented session JWT, session token or M2M access token is not acceptable. The
 * {@link #reason()} says why; the message never contains the token. Maps to HTTP 401 with
 * {@code error="invalid_token"} (RFC 6750).
 */
public final class InvalidTokenException extends StytchException {

    private static final long serialVersionUID = 1L;

    /** Why a token was rejected. */
    public enum Reason {
        /** Not a well-formed JWT or session token (including garbage, bad base64, bad JSON, oversize). */
        MALFORMED("the token is malformed"),
        /** The JWS algorithm is not RS256 ({@code none}, HS256, ...) or the token is a JWE. */
        UNSUPPORTED_ALGORITHM("the token algorithm is not accepted"),
        /**
         * The header carries a parameter Stytch never sets and that must not be honoured ({@code crit}, {@code jku},
         * {@code x5u}, {@code jwk}, {@code x5c}, ...).
         */
        UNSUPPORTED_HEADER("the token header carries an unsupported parameter"),
        /** The {@code typ} header is missing or not {@code JWT}. */
        WRONG_TYPE("the token type is not JWT"),
        /** No signing key with the token's {@code kid} is published, even after a refetch. */
        UNKNOWN_KEY("the token signing key is unknown"),
        /** The signature does not verify. */
        BAD_SIGNATURE("the token signature is invalid"),
        /** The issuer is not an accepted one. */
        WRONG_ISSUER("the token issuer is not accepted"),
        /** The audience does not contain the project. */
        WRONG_AUDIENCE("the token audience does not match"),
        /** {@code nbf} or {@code iat} lies in the future, beyond the clock skew. */
        NOT_YET_VALID("the token is not valid yet"),
        /** {@code exp} has passed, beyond the clock skew (and Stytch could not refresh it). */
        EXPIRED("the token has expired"),
        /** The token is older than the configured maximum token age (and Stytch could not refresh it). */
        TOO_OLD("the token is too old"),
        /** A required claim is missing or has the wrong type. */
        MISSING_CLAIM("a required claim is missing or invalid"),
        /**
         * The token is of another kind than the one accepted here: an M2M or Connected-App access token or an
         * ID token where a session JWT is expected, or a session JWT, Connected-App access token or ID token
         * where an M2M access token is expected (docs/adr-007-token-kinds.md).
         */
        WRONG_TOKEN_KIND("the token is not of the kind accepted here"),
        /** The session the token belongs to has expired. */
        SESSION_EXPIRED("the session has expired"),
        /** Stytch knows no live session for this token (revoked, expired or never existed). */
        SESSION_NOT_FOUND("the session was not found"),
        /**
         * Stytch's introspection says the access token is no longer active (revoked, its client or subject deleted),
         * though it verifies locally.
         */
        REVOKED("the token is no longer active");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /**
         * A short description, safe to put in an RFC 6750 {@code error_description}.
         *
         * @return the description
         */
        public String description() {
            return description;
        }
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the token was rejected; must not be {@code null}
     */
    public InvalidTokenException(Reason reason) {
        this(reason, null);
    }

    /**
     * Creates the exception with a cause (which must not carry the token either).
     *
     * @param reason why the token was rejected; must not be {@code null}
     * @param cause  the underlying failure, {@code null} if none
     */
    public InvalidTokenException(Reason reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").description(), cause);
        this.reason = reason;
    }

    /** @return why the token was rejected */
    public Reason reason() {
        return reason;
    }
}
