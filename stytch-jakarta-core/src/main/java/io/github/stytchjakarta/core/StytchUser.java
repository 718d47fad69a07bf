package io.github.stytchjakarta.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A consumer user authenticated by a Stytch session.
 *
 * @param session the session; must not be {@code null}
 */
public record StytchUser(StytchSession session) implements StytchPrincipal {

    /** Requires the session. */
    public StytchUser {
        Objects.requireNonNull(session, "session");
    }

    /** @return the user id */
    public String userId() {
        return session.userId();
    }

    /** @return the user id */
    @Override
    public String getName() {
        return session.userId();
    }

    @Override
    public String sessionId() {
        return session.sessionId();
    }

    @Override
    public List<String> roles() {
        return session.roles();
    }

    @Override
    public Instant sessionExpiresAt() {
        return session.expiresAt();
    }

    /** @return the user and session ids only */
    @Override
    public String toString() {
        return "StytchUser[userId=" + session.userId() + ", sessionId=" + session.sessionId() + ']';
    }
}
