package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;

/** One check of a JWT's claims. Implementations are small, immutable and thread-safe. */
@FunctionalInterface
public interface ClaimValidator {

    /**
     * Checks the claims.
     *
     * @param claims    the claims
     * @param nowMillis the current time, epoch milliseconds
     * @throws InvalidTokenException when the check fails
     */
    void validate(JwtClaims claims, long nowMillis);
}
