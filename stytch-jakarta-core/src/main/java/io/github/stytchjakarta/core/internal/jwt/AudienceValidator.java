package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;

/** {@code aud} (a string or an array) must contain the expected audience, the project id by default. */
final class AudienceValidator implements ClaimValidator {

    private final String audience;

    AudienceValidator(String audience) {
        this.audience = audience;
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        if (!claims.audience().contains(audience)) {
            throw new InvalidTokenException(Reason.WRONG_AUDIENCE);
        }
    }
}
