package io.github.stytchjakarta.core.internal.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.json.Claims;

/**
 * An M2M access token must carry {@code sub} (the client id) and a {@code scope} string, and must
 * not be a session JWT (which would otherwise pass for a client without scopes).
 */
final class M2mClaimValidator implements ClaimValidator {

    @Override
    public void validate(JWTClaimsSet claims, long nowMillis) {
        if (claims.getClaim(StytchClaims.SESSION) != null) {
            throw new InvalidTokenException(Reason.WRONG_TOKEN_KIND);
        }
        if (claims.getSubject() == null || Claims.string(claims.getClaim(StytchClaims.SCOPE)) == null) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
    }
}
