package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.jwt.CompactJws;
import io.github.stytchjakarta.core.internal.jwt.ConnectedAppClaims;
import io.github.stytchjakarta.core.internal.jwt.JwtClaims;
import io.github.stytchjakarta.core.internal.jwt.JwtProcessor;
import io.github.stytchjakarta.core.internal.jwt.ValidityWindow;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

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

    private static final String KIND = "connected_app";

    private final JwtProcessor processor;
    private final ValidityWindow validity;
    private final VerifiedTokenCache<ConnectedAppCaller> cache;
    private final Clock clock;
    private final Telemetry telemetry;

    ConnectedAppTokenVerifier(JwtProcessor processor, ValidityWindow validity, VerifiedTokenCache<ConnectedAppCaller> cache,
                              Clock clock, Telemetry telemetry) {
        this.processor = processor;
        this.validity = validity;
        this.cache = cache;
        this.clock = clock;
        this.telemetry = telemetry;
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
        try {
            return verifyToken(accessToken, requiredScopes);
        } catch (InvalidTokenException e) {
            telemetry.authentication(KIND, "refused", e.reason().name().toLowerCase(Locale.ROOT));
            throw e;
        } catch (InsufficientScopeException e) {
            telemetry.authentication(KIND, "refused", "insufficient_scope");
            throw e;
        } catch (StytchUnavailableException e) {
            telemetry.authentication(KIND, "unavailable", null);
            throw e;
        }
    }

    private ConnectedAppCaller verifyToken(String accessToken, Collection<String> requiredScopes) {
        if (accessToken == null) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        long now = clock.millis();
        CompactJws token = CompactJws.parse(accessToken.getBytes(StandardCharsets.UTF_8));
        VerifiedTokenCache.Key key = VerifiedTokenCache.Key.of(token.tokenHash());
        ConnectedAppCaller caller = cache.get(key, now);
        String outcome = "cache";
        if (caller == null) {
            JwtClaims claims = processor.process(token, now);
            caller = ConnectedAppClaims.caller(claims);
            cache.put(key, caller, VerifiedTokenCache.estimatedBytes(accessToken.length()), validity.until(claims, null),
                    now);
            outcome = "local";
        }
        List<String> granted = caller.scopes();
        List<String> missing = requiredScopes.stream().filter(scope -> !granted.contains(scope)).toList();
        if (!missing.isEmpty()) {
            throw new InsufficientScopeException(missing);
        }
        telemetry.authentication(KIND, outcome, null);
        return caller;
    }
}
