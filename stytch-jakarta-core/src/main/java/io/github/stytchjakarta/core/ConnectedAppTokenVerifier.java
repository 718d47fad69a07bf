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
 * A revoked token stays valid for {@link #verify} until it expires, as with the SDKs' local check; where that matters,
 * {@link #introspect} also asks Stytch.
 *
 * <p>Required scopes are compared by name (a Connected App's scopes are the policy's scope names and the OIDC ones,
 * not {@code action:resource} patterns); for a permission use {@link StytchAuthorizer#check}, which reads the
 * policy's {@code scopes}.
 *
 * <p><b>Introspection</b> ({@link #introspect}, with {@code stytch.connected-apps.introspection.client-id} and
 * {@code client-secret} set): after everything above, the scopes included, Stytch's RFC 7662 introspection endpoint
 * confirms that the token is still active, so that a revoked token (or one whose client or subject was deleted) is
 * refused with {@link InvalidTokenException.Reason#REVOKED}. A token refused locally never costs a call. Concurrent
 * requests with one token share one call; an "active" answer is reused for
 * {@code stytch.connected-apps.introspection.cache-ttl} (default {@link StytchConfig#DEFAULT_INTROSPECTION_CACHE_TTL},
 * never past the token's {@code exp}; zero asks every time), an "inactive" one for {@code stytch.cache.refused-ttl}.
 * Calls go through the transport's timeouts, bulkhead and circuit breaker (ADR 009).
 *
 * <p>Verified tokens are cached like session JWTs (by hash, until the token would fail). Each verification is counted
 * in the {@code stytch.authentications} metric ({@code stytch.token.kind=connected_app}; an introspected token as
 * {@code remote}, or {@code cache} when Stytch's answer was reused). Thread-safe.
 */
public final class ConnectedAppTokenVerifier {

    private final AccessTokenVerification<ConnectedAppCaller> verification;
    private final ConnectedAppIntrospection introspection;

    /** @param introspection the confirmation with Stytch, {@code null} when no introspection client is configured */
    ConnectedAppTokenVerifier(JwtProcessor processor, ValidityWindow validity, VerifiedTokenCache<ConnectedAppCaller> cache,
                              Clock clock, Telemetry telemetry, ConnectedAppIntrospection introspection) {
        this.introspection = introspection;
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

    /**
     * Verifies a token and checks the required scopes as {@link #verify(String, String...)} does, then confirms with
     * Stytch's introspection endpoint that it is still active (see the class documentation).
     *
     * @param accessToken    the token (from {@code Authorization: Bearer})
     * @param requiredScopes scopes the token must grant
     * @return the caller
     * @throws InvalidTokenException      when the token is not acceptable; {@link InvalidTokenException.Reason#REVOKED}
     *                                    when Stytch says it is no longer active
     * @throws InsufficientScopeException when a required scope is not granted (no call is made)
     * @throws StytchUnavailableException when no signing keys can be had or Stytch cannot answer now
     * @throws StytchApiException         when Stytch refuses the introspection client (a wrong client id or secret)
     * @throws IllegalStateException      when no introspection client is configured
     */
    public ConnectedAppCaller introspect(String accessToken, String... requiredScopes) {
        return introspect(accessToken, Arrays.asList(requiredScopes));
    }

    /**
     * Verifies a token and checks the required scopes, then confirms with Stytch that it is still active.
     *
     * @param accessToken    the token
     * @param requiredScopes scopes the token must grant
     * @return the caller
     * @throws InvalidTokenException      when the token is not acceptable; {@link InvalidTokenException.Reason#REVOKED}
     *                                    when Stytch says it is no longer active
     * @throws InsufficientScopeException when a required scope is not granted (no call is made)
     * @throws StytchUnavailableException when no signing keys can be had or Stytch cannot answer now
     * @throws StytchApiException         when Stytch refuses the introspection client (a wrong client id or secret)
     * @throws IllegalStateException      when no introspection client is configured
     */
    public ConnectedAppCaller introspect(String accessToken, Collection<String> requiredScopes) {
        if (introspection == null) {
            throw new IllegalStateException("token introspection needs " + StytchConfig.Keys.INTROSPECTION_CLIENT_ID
                    + " and " + StytchConfig.Keys.INTROSPECTION_CLIENT_SECRET);
        }
        return verification.verify(accessToken, requiredScopes, introspection);
    }
}
