package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;

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
    public void validate(JwtClaims claims, long nowMillis) {
        if (claims.issuedAtMillis() == JwtClaims.ABSENT) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
        if (nowMillis - claims.issuedAtMillis() >= maxAgeMillis) {
            throw new InvalidTokenException(Reason.TOO_OLD);
        }
    }
}
