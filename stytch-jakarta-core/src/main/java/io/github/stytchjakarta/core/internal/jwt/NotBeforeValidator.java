package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;

/**
 * Neither {@code nbf} nor {@code iat} may lie in the future by more than the clock skew (either may
 * be absent). A token issued in the future is as suspect as one not valid yet.
 */
final class NotBeforeValidator implements ClaimValidator {

    private final long skewMillis;

    NotBeforeValidator(long skewMillis) {
        this.skewMillis = skewMillis;
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        if (inFuture(claims.notBeforeMillis(), nowMillis) || inFuture(claims.issuedAtMillis(), nowMillis)) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID);
        }
    }

    private boolean inFuture(long timeMillis, long nowMillis) {
        return timeMillis != JwtClaims.ABSENT && timeMillis > nowMillis + skewMillis;
    }
}
