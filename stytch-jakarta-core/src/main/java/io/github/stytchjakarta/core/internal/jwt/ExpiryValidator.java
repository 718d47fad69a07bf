package io.github.stytchjakarta.core.internal.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import java.util.Date;

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
    public void validate(JWTClaimsSet claims, long nowMillis) {
        Date expiration = claims.getExpirationTime();
        if (expiration == null) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
        if (nowMillis >= expiration.getTime() + skewMillis) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
    }
}
