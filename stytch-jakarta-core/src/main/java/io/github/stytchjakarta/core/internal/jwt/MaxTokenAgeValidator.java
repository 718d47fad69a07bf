package io.github.stytchjakarta.core.internal.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import java.util.Date;

/**
 * {@code iat} is required, and the token is too old once {@code now - iat >= maxAge}: the boundary
 * of Stytch's Java, Node and Python SDKs, with no clock skew (none of them applies it here), so a
 * maximum age of zero sends every token to Stytch.
 */
final class MaxTokenAgeValidator implements ClaimValidator {

    private final long maxAgeMillis;

    MaxTokenAgeValidator(long maxAgeMillis) {
        this.maxAgeMillis = maxAgeMillis;
    }

    @Override
    public void validate(JWTClaimsSet claims, long nowMillis) {
        Date issuedAt = claims.getIssueTime();
        if (issuedAt == null) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
        if (nowMillis - issuedAt.getTime() >= maxAgeMillis) {
            throw new InvalidTokenException(Reason.TOO_OLD);
        }
    }
}
