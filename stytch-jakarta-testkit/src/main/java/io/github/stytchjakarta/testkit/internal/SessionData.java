package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedFactor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one emulated session at one moment. Immutable; the state store replaces it atomically on change.
 * {@link #toString()} leaves out the token.
 *
 * @param sessionId      {@code session-test-…} or {@code member-session-test-…}
 * @param sessionToken   the opaque 44-character token
 * @param vertical       consumer or B2B
 * @param subjectId      the user id or member id
 * @param organizationId the member's organization (B2B), else {@code null}
 * @param startedAt      when the session started
 * @param lastAccessedAt when it was last authenticated
 * @param expiresAt      when it expires
 * @param revoked        whether it was revoked
 * @param ipAddress      the {@code attributes.ip_address} ({@code ""} if unknown)
 * @param userAgent      the {@code attributes.user_agent} ({@code ""} if unknown)
 * @param factors        the authentication factors (a factor without last-authentication time was used at the start)
 * @param customClaims   the custom claims
 */
public record SessionData(String sessionId, String sessionToken, Vertical vertical, String subjectId, String organizationId,
        Instant startedAt, Instant lastAccessedAt, Instant expiresAt, boolean revoked, String ipAddress, String userAgent,
        List<EmulatedFactor> factors, Map<String, Object> customClaims) {

    public SessionData {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(vertical, "vertical");
        Objects.requireNonNull(subjectId, "subjectId");
        factors = List.copyOf(factors);
        customClaims = JsonValues.immutableObject(customClaims);
    }

    /**
     * @param now the current time
     * @return whether the session is neither revoked nor expired
     */
    public boolean isActive(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    /**
     * @param now          the access time
     * @param newExpiresAt the new expiry
     * @param newClaims    the new custom claims
     * @return the session after a successful authentication
     */
    public SessionData authenticated(Instant now, Instant newExpiresAt, Map<String, Object> newClaims) {
        return new SessionData(sessionId, sessionToken, vertical, subjectId, organizationId, startedAt, now, newExpiresAt,
                revoked, ipAddress, userAgent, factors, newClaims);
    }

    /**
     * @return the session, revoked
     */
    public SessionData asRevoked() {
        return new SessionData(sessionId, sessionToken, vertical, subjectId, organizationId, startedAt, lastAccessedAt,
                expiresAt, true, ipAddress, userAgent, factors, customClaims);
    }

    @Override
    public String toString() {
        return "SessionData[" + sessionId + ", " + vertical + ", " + subjectId + (revoked ? ", revoked" : "") + "]";
    }
}
