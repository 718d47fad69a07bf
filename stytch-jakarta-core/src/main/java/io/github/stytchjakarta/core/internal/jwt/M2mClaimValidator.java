package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.json.Claims;

/**
 * An M2M access token must carry {@code sub} (the client id) and a {@code scope} string; that it is an
 * M2M access token at all is {@link TokenKindValidator}'s check.
 */
final class M2mClaimValidator implements ClaimValidator {

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        if (claims.subject() == null || Claims.string(claims.custom().get(StytchClaims.SCOPE)) == null) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
    }
}
