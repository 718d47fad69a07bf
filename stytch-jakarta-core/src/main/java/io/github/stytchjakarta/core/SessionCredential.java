package io.github.stytchjakarta.core;

import java.util.Objects;

/**
 * A session credential presented by a client: a session JWT or an opaque session token.
 * {@code toString()} never shows the value.
 */
public sealed interface SessionCredential permits SessionCredential.SessionJwt, SessionCredential.SessionToken {

    /**
     * The raw credential.
     *
     * @return the JWT or token; never log it
     */
    String value();

    /**
     * A session JWT, from an {@code Authorization: Bearer} header or the {@code stytch_session_jwt} cookie.
     *
     * @param value the compact JWT
     */
    record SessionJwt(String value) implements SessionCredential {

        /** Requires a value. */
        public SessionJwt {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "SessionJwt[****]";
        }
    }

    /**
     * An opaque session token, from the {@code stytch_session} cookie.
     *
     * @param value the 44-character token
     */
    record SessionToken(String value) implements SessionCredential {

        /** Requires a value. */
        public SessionToken {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "SessionToken[****]";
        }
    }
}
