package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import java.util.Set;

/** {@code iss} must be one of the accepted issuers (exact match). */
final class IssuerValidator implements ClaimValidator {

    private final Set<String> issuers;

    IssuerValidator(Set<String> issuers) {
        this.issuers = Set.copyOf(issuers);
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        String issuer = claims.issuer();
        if (issuer == null || !issuers.contains(issuer)) {
            throw new InvalidTokenException(Reason.WRONG_ISSUER);
        }
    }
}
