package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.StytchConfig;
import java.time.Instant;

/**
 * Until when a verified token stays acceptable without being checked again: the first instant at
 * which one of the time-based validators would reject it (exp + skew, session expiry + skew,
 * iat + maximum age). A cached verification must never outlive this.
 */
public final class ValidityWindow {

    private final long skewMillis;
    private final long maxAgeMillis;

    /**
     * @param config the clock skew and maximum token age
     */
    public ValidityWindow(StytchConfig config) {
        this.skewMillis = config.jwt().clockSkew().toMillis();
        this.maxAgeMillis = config.jwt().maxTokenAge().map(age -> age.toMillis()).orElse(-1L);
    }

    /**
     * @param claims           verified claims (with {@code exp}, and {@code iat} when a maximum age is set)
     * @param sessionExpiresAt the session expiry, {@code null} for tokens without a session
     * @return epoch milliseconds from which the token is no longer valid
     */
    public long until(JwtClaims claims, Instant sessionExpiresAt) {
        long until = claims.expiresAtMillis() + skewMillis;
        if (sessionExpiresAt != null) {
            until = Math.min(until, sessionExpiresAt.toEpochMilli() + skewMillis);
        }
        if (maxAgeMillis >= 0 && claims.issuedAtMillis() != JwtClaims.ABSENT) {
            until = Math.min(until, claims.issuedAtMillis() + maxAgeMillis);
        }
        return until;
    }
}
