package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.jwt.AccessTokenVerification;
import io.github.stytchjakarta.core.internal.jwt.JwtProcessor;
import io.github.stytchjakarta.core.internal.jwt.M2mClaims;
import io.github.stytchjakarta.core.internal.jwt.ValidityWindow;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;

/**
 * Verifies Stytch M2M access tokens, purely locally like every Stytch SDK (there is no remote
 * fallback): the same key set, RS256-only header rules, issuer and audience as session JWTs
 * ({@link SessionAuthenticator}), {@code exp}/{@code nbf}/{@code iat} with the clock skew, the
 * optional maximum token age, and a {@code sub} and a {@code scope} claim. Only M2M access tokens are
 * accepted ({@link InvalidTokenException.Reason#WRONG_TOKEN_KIND} otherwise): a token with the session
 * claim (a session JWT), with {@code client_id} (a Connected-App access token), with the organization claim
 * or a user or member id as {@code sub} (a user's token, not a client's), or without {@code scope} (such as
 * an ID token) is not one, whatever its signature.
 *
 * <p>Then the scope check of Stytch's SDKs: every scope is {@code action:resource} (a scope without
 * {@code :} has resource {@code -}); each required scope needs a granted scope with the same action
 * and the same resource or resource {@code *}, so {@code read:*} satisfies {@code read:users}.
 *
 * <p>Verified tokens are cached like session JWTs (by hash, until the token would fail). Each verification is
 * counted in the {@code stytch.authentications} metric ({@code stytch.token.kind=m2m}). Thread-safe.
 */
public final class M2mTokenVerifier {

    private final AccessTokenVerification<M2mCaller> verification;

    M2mTokenVerifier(JwtProcessor processor, ValidityWindow validity, VerifiedTokenCache<M2mCaller> cache, Clock clock,
                     Telemetry telemetry) {
        this.verification = new AccessTokenVerification<>("m2m", processor, validity, cache, clock, telemetry,
                M2mClaims::client, StytchAuthorizer::scopesNotGranted);
    }

    /**
     * Verifies a token and checks the required scopes.
     *
     * @param accessToken    the token (from {@code Authorization: Bearer})
     * @param requiredScopes scopes the token must grant, e.g. {@code read:users}
     * @return the client
     * @throws InvalidTokenException       when the token is not acceptable
     * @throws InsufficientScopeException  when a required scope is not granted
     * @throws StytchUnavailableException  when no signing keys can be had
     */
    public M2mCaller verify(String accessToken, String... requiredScopes) {
        return verify(accessToken, Arrays.asList(requiredScopes));
    }

    /**
     * Verifies a token and checks the required scopes.
     *
     * @param accessToken    the token
     * @param requiredScopes scopes the token must grant
     * @return the client
     * @throws InvalidTokenException       when the token is not acceptable
     * @throws InsufficientScopeException  when a required scope is not granted
     * @throws StytchUnavailableException  when no signing keys can be had
     */
    public M2mCaller verify(String accessToken, Collection<String> requiredScopes) {
        return verification.verify(accessToken, requiredScopes);
    }
}
