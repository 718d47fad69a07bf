package io.github.stytchjakarta.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A B2B organization member authenticated by a Stytch member session.
 *
 * @param session the member session; must not be {@code null}
 */
public record StytchMember(StytchMemberSession session) implements StytchPrincipal {

    /** Requires the session. */
    public StytchMember {
        Objects.requireNonNull(session, "session");
    }

    /** @return the member id */
    public String memberId() {
        return session.memberId();
    }

    /** @return the id of the member's organization */
    public String organizationId() {
        return session.organizationId();
    }

    /** @return the slug of the member's organization */
    public String organizationSlug() {
        return session.organizationSlug();
    }

    /** @return the member id */
    @Override
    public String getName() {
        return session.memberId();
    }

    @Override
    public String sessionId() {
        return session.memberSessionId();
    }

    @Override
    public List<String> roles() {
        return session.roles();
    }

    @Override
    public Instant sessionExpiresAt() {
        return session.expiresAt();
    }

    /** @return the member, session and organization ids only */
    @Override
    public String toString() {
        return "StytchMember[memberId=" + session.memberId() + ", sessionId=" + session.memberSessionId()
                + ", organizationId=" + session.organizationId() + ']';
    }
}
