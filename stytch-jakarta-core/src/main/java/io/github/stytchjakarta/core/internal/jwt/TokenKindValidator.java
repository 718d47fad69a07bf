package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;

/**
 * The token must be of the one {@link TokenKind} accepted where it is presented, else {@code WRONG_TOKEN_KIND}:
 * Stytch signs sessions, M2M, Connected-App access and ID tokens with the same keys, issuer and audience, so a
 * token of another kind would otherwise pass for this one. Immutable and thread-safe.
 */
final class TokenKindValidator implements ClaimValidator {

    private final TokenKind expected;

    TokenKindValidator(TokenKind expected) {
        this.expected = expected;
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        if (TokenKind.of(claims) != expected) {
            throw new InvalidTokenException(Reason.WRONG_TOKEN_KIND);
        }
    }
}
