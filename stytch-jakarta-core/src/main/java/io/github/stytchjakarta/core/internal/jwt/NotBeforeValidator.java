package io.github.stytchjakarta.core.internal.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import java.util.Date;

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
    public void validate(JWTClaimsSet claims, long nowMillis) {
        if (inFuture(claims.getNotBeforeTime(), nowMillis) || inFuture(claims.getIssueTime(), nowMillis)) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID);
        }
    }

    private boolean inFuture(Date time, long nowMillis) {
        return time != null && time.getTime() > nowMillis + skewMillis;
    }
}
