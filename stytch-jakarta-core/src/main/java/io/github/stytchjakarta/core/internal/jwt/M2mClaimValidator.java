package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.json.Claims;

/**
 * An M2M access token must carry {@code sub} (the client id) and a {@code scope} string, and must
 * not be a session JWT (which would otherwise pass for a client without scopes).
 */
final class M2mClaimValidator implements ClaimValidator {

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        if (claims.session() != null) {
            throw new InvalidTokenException(Reason.WRONG_TOKEN_KIND);
        }
        if (claims.subject() == null || Claims.string(claims.custom().get(StytchClaims.SCOPE)) == null) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
    }
}
