package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.jwt.CompactJws;
import io.github.stytchjakarta.core.internal.jwt.JwtClaims;
import io.github.stytchjakarta.core.internal.jwt.JwtProcessor;
import io.github.stytchjakarta.core.internal.jwt.M2mClaims;
import io.github.stytchjakarta.core.internal.jwt.ValidityWindow;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

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

    private static final String KIND = "m2m";

    private final JwtProcessor processor;
    private final ValidityWindow validity;
    private final VerifiedTokenCache<M2mCaller> cache;
    private final Clock clock;
    private final Telemetry telemetry;

    M2mTokenVerifier(JwtProcessor processor, ValidityWindow validity, VerifiedTokenCache<M2mCaller> cache, Clock clock,
                     Telemetry telemetry) {
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

    private M2mCaller verifyToken(String accessToken, Collection<String> requiredScopes) {
        if (accessToken == null) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        long now = clock.millis();
        CompactJws token = CompactJws.parse(accessToken.getBytes(StandardCharsets.UTF_8));
        VerifiedTokenCache.Key key = VerifiedTokenCache.Key.of(token.tokenHash());
        M2mCaller client = cache.get(key, now);
        String outcome = "cache";
        if (client == null) {
            JwtClaims claims = processor.process(token, now);
            client = M2mClaims.client(claims);
            cache.put(key, client, VerifiedTokenCache.estimatedBytes(accessToken.length()), validity.until(claims, null),
                    now);
            outcome = "local";
        }
        List<String> missing = M2mClaims.missingScopes(client.scopes(), requiredScopes);
        if (!missing.isEmpty()) {
            throw new InsufficientScopeException(missing);
        }
        telemetry.authentication(KIND, outcome, null);
        return client;
    }
}
