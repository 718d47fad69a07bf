package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;

/**
 * {@code exp} is required, and the token is expired from {@code exp + skew} on (RFC 7519: "on or
 * after which the JWT must not be accepted").
 */
final class ExpiryValidator implements ClaimValidator {

    private final long skewMillis;

    ExpiryValidator(long skewMillis) {
        this.skewMillis = skewMillis;
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        if (claims.expiresAtMillis() == JwtClaims.ABSENT) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
        if (nowMillis >= claims.expiresAtMillis() + skewMillis) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
    }
}
