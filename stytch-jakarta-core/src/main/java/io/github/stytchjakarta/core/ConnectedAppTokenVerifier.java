package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.jwt.AccessTokenVerification;
import io.github.stytchjakarta.core.internal.jwt.ConnectedAppClaims;
import io.github.stytchjakarta.core.internal.jwt.JwtProcessor;
import io.github.stytchjakarta.core.internal.jwt.ValidityWindow;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;

/**
 * Verifies Connected-App access tokens (Stytch as OAuth / OIDC provider) locally, like the Node and Python SDKs'
 * {@code introspectTokenLocal}: the same key set, RS256-only header rules, issuer and audience as session JWTs
 * ({@link SessionAuthenticator}), {@code exp}/{@code nbf}/{@code iat} with the clock skew and the optional maximum
 * token age, then {@code sub}, {@code client_id}, {@code scope} and, for a B2B project, the organization claim. Only
 * Connected-App access tokens are accepted ({@link InvalidTokenException.Reason#WRONG_TOKEN_KIND} otherwise: a
 * session JWT, an M2M token or an ID token is not one, whatever its signature; see docs/adr-007-token-kinds.md).
 * A revoked token stays valid here until it expires, as with the SDKs' local check.
 *
 * <p>Required scopes are compared by name (a Connected App's scopes are the policy's scope names and the OIDC ones,
 * not {@code action:resource} patterns); for a permission use {@link StytchAuthorizer#check}, which reads the
 * policy's {@code scopes}.
 *
 * <p>Verified tokens are cached like session JWTs (by hash, until the token would fail). Each verification is counted
 * in the {@code stytch.authentications} metric ({@code stytch.token.kind=connected_app}). Thread-safe.
 */
public final class ConnectedAppTokenVerifier {

    private final AccessTokenVerification<ConnectedAppCaller> verification;

    ConnectedAppTokenVerifier(JwtProcessor processor, ValidityWindow validity, VerifiedTokenCache<ConnectedAppCaller> cache,
                              Clock clock, Telemetry telemetry) {
        this.verification = new AccessTokenVerification<>("connected_app", processor, validity, cache, clock, telemetry,
                ConnectedAppClaims::caller,
                StytchAuthorizer::scopesNotGranted);
    }

    /**
     * Verifies a token and checks the required scopes.
     *
     * @param accessToken    the token (from {@code Authorization: Bearer})
     * @param requiredScopes scopes the token must grant, e.g. {@code read:documents}
     * @return the caller
     * @throws InvalidTokenException      when the token is not acceptable
     * @throws InsufficientScopeException when a required scope is not granted
     * @throws StytchUnavailableException when no signing keys can be had
     */
    public ConnectedAppCaller verify(String accessToken, String... requiredScopes) {
        return verify(accessToken, Arrays.asList(requiredScopes));
    }

    /**
     * Verifies a token and checks the required scopes.
     *
     * @param accessToken    the token
     * @param requiredScopes scopes the token must grant
     * @return the caller
     * @throws InvalidTokenException      when the token is not acceptable
     * @throws InsufficientScopeException when a required scope is not granted
     * @throws StytchUnavailableException when no signing keys can be had
     */
    public ConnectedAppCaller verify(String accessToken, Collection<String> requiredScopes) {
        return verification.verify(accessToken, requiredScopes);
    }
}
