package io.github.stytchjakarta.core.internal.webhook;

import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import java.time.Duration;

/**
 * Sessions, users, members and organizations a webhook reported revoked or deleted, so that their session JWTs,
 * which verify locally until they expire, are refused at once on this node. Each is remembered for
 * {@link #SESSION_JWT_LIFETIME} plus the clock skew: by then every JWT Stytch issued before the event has
 * expired, and an expired JWT is decided by Stytch itself. Bounded by {@link #MAX_ENTRIES} ({@link ExpiringIds}).
 *
 * <p>Thread-safe; {@link #isRevoked} costs one volatile read while nothing is revoked.
 */
public final class RevokedSubjects {

    /** The lifetime of a Stytch session JWT: 5 minutes. */
    public static final Duration SESSION_JWT_LIFETIME = Duration.ofMinutes(5);

    /** The most revocations remembered at once. */
    public static final int MAX_ENTRIES = 10_000;

    private final ExpiringIds ids = new ExpiringIds("revoked sessions, users, members and organizations", MAX_ENTRIES);
    private final long rememberMillis;

    /** @param clockSkew the clock skew tolerated on a JWT's {@code exp} */
    public RevokedSubjects(Duration clockSkew) {
        this.rememberMillis = SESSION_JWT_LIFETIME.plus(clockSkew).toMillis();
    }

    /**
     * @param id        a session, user, member or organization id (Stytch's ids name their kind)
     * @param nowMillis the current time
     */
    public void revoke(String id, long nowMillis) {
        ids.add(id, nowMillis + rememberMillis, nowMillis);
    }

    /**
     * @param principal a principal verified from a session JWT
     * @param nowMillis the current time
     * @return whether its session, user or member, or organization was revoked
     */
    public boolean isRevoked(StytchPrincipal principal, long nowMillis) {
        if (ids.isEmpty()) {
            return false;
        }
        return ids.contains(principal.sessionId(), nowMillis) || ids.contains(principal.getName(), nowMillis)
                || principal instanceof StytchMember member && ids.contains(member.organizationId(), nowMillis);
    }
}
