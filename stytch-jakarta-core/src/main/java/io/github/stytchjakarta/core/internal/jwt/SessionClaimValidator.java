package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.core.internal.json.Claims;
import java.time.Instant;
import java.util.Map;

/**
 * A session JWT must carry {@code sub}, the session claim with its {@code id} and {@code expires_at}
 * and, for B2B, the organization claim with its {@code organization_id}; the session itself must not
 * have expired ({@code expires_at + skew}). Stytch advises trusting the session's expiry over the
 * JWT's (stytch-node#126). An {@code expires_at} beyond {@link JwtClaims#MAX_EPOCH_SECOND} either way is
 * {@code MALFORMED}, like such a registered time claim: {@link Instant} reaches further than epoch
 * milliseconds, so this keeps every later computation on it in range.
 */
final class SessionClaimValidator implements ClaimValidator {

    private final Vertical vertical;
    private final long skewMillis;

    SessionClaimValidator(Vertical vertical, long skewMillis) {
        this.vertical = vertical;
        this.skewMillis = skewMillis;
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        Map<String, Object> session = Claims.object(claims.session());
        if (claims.subject() == null || session == null || Claims.string(session.get("id")) == null) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
        if (vertical == Vertical.B2B) {
            Map<String, Object> organization = Claims.object(claims.organization());
            if (organization == null || Claims.string(organization.get("organization_id")) == null) {
                throw new InvalidTokenException(Reason.MISSING_CLAIM);
            }
        }
        Instant expiresAt = Claims.instant(session.get("expires_at"));
        if (expiresAt == null) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
        if (Math.abs(expiresAt.getEpochSecond()) > JwtClaims.MAX_EPOCH_SECOND) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (nowMillis >= expiresAt.toEpochMilli() + skewMillis) {
            throw new InvalidTokenException(Reason.SESSION_EXPIRED);
        }
    }
}
