package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InsufficientScopeException;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The local verification of an access token of one kind (M2M, Connected App), shared by the public verifiers:
 * the verified-token cache (by hash, until the token would fail), the claims rules of a {@link JwtProcessor}, the
 * caller made from the claims, the scope check, and the {@code stytch.authentications} metric; optionally followed by
 * a {@link Confirmation} with Stytch of a token that passed all of these, counted as the one outcome.
 *
 * <p>Thread-safe.
 *
 * @param <C> the caller, immutable
 */
public final class AccessTokenVerification<C> {

    private final String kind;
    private final JwtProcessor processor;
    private final ValidityWindow validity;
    private final VerifiedTokenCache<C> cache;
    private final Clock clock;
    private final Telemetry telemetry;
    private final Function<JwtClaims, C> caller;
    private final BiFunction<C, Collection<String>, List<String>> missingScopes;

    /**
     * @param kind          the {@code stytch.token.kind} of the metric, e.g. {@code m2m}
     * @param processor     the claims rules of the kind
     * @param validity      until when a verified token is cached
     * @param cache         the cache of this kind's callers
     * @param clock         the clock of every time check
     * @param telemetry     where verifications are counted
     * @param caller        the caller of verified claims
     * @param missingScopes the required scopes a caller's scopes do not grant, in the kind's semantics
     */
    public AccessTokenVerification(String kind, JwtProcessor processor, ValidityWindow validity, VerifiedTokenCache<C> cache,
                                   Clock clock, Telemetry telemetry, Function<JwtClaims, C> caller,
                                   BiFunction<C, Collection<String>, List<String>> missingScopes) {
        this.kind = kind;
        this.processor = processor;
        this.validity = validity;
        this.cache = cache;
        this.clock = clock;
        this.telemetry = telemetry;
        this.caller = caller;
        this.missingScopes = missingScopes;
    }

    /**
     * @param accessToken    the token
     * @param requiredScopes scopes the token must grant
     * @return the caller
     * @throws InvalidTokenException      when the token is not acceptable
     * @throws InsufficientScopeException when a required scope is not granted
     * @throws StytchUnavailableException when no signing keys can be had
     */
    public C verify(String accessToken, Collection<String> requiredScopes) {
        return verify(accessToken, requiredScopes, null);
    }

    /**
     * Verifies locally, scopes included, then has the token confirmed: a token refused here never reaches the
     * confirmation.
     *
     * @param accessToken    the token
     * @param requiredScopes scopes the token must grant
     * @param confirmation   the confirmation of a locally valid token, {@code null} for none
     * @return the caller
     * @throws InvalidTokenException      when the token is not acceptable, or the confirmation refuses it
     * @throws InsufficientScopeException when a required scope is not granted
     * @throws StytchUnavailableException when no signing keys can be had, or the confirmation cannot be had now
     * @throws StytchApiException         when Stytch refuses this application's confirmation call
     */
    public C verify(String accessToken, Collection<String> requiredScopes, Confirmation<C> confirmation) {
        try {
            return verifyToken(accessToken, requiredScopes, confirmation);
        } catch (InvalidTokenException e) {
            telemetry.authentication(kind, "REFUSED", e.reason().name());
            throw e;
        } catch (InsufficientScopeException e) {
            telemetry.authentication(kind, "REFUSED", "INSUFFICIENT_SCOPE");
            throw e;
        } catch (StytchUnavailableException | StytchApiException e) {
            telemetry.authentication(kind, "UNAVAILABLE", null);
            throw e;
        }
    }

    private C verifyToken(String accessToken, Collection<String> requiredScopes, Confirmation<C> confirmation) {
        if (accessToken == null) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        long now = clock.millis();
        CompactJws token = CompactJws.parse(accessToken.getBytes(StandardCharsets.UTF_8));
        VerifiedTokenCache.Key key = VerifiedTokenCache.Key.of(token.tokenHash());
        C verified = cache.get(key, now);
        String outcome = "CACHE";
        if (verified == null) {
            JwtClaims claims = processor.process(token, now);
            verified = caller.apply(claims);
            cache.put(key, verified, VerifiedTokenCache.estimatedBytes(accessToken.length()), validity.until(claims, null),
                    now);
            outcome = "LOCAL";
        }
        List<String> missing = missingScopes.apply(verified, requiredScopes);
        if (!missing.isEmpty()) {
            throw new InsufficientScopeException(missing);
        }
        if (confirmation != null) {
            outcome = confirmation.confirm(key, accessToken, verified);
        }
        telemetry.authentication(kind, outcome, null);
        return verified;
    }

    /**
     * A check with Stytch of a token verified locally (introspection).
     *
     * @param <C> the caller
     */
    @FunctionalInterface
    public interface Confirmation<C> {

        /**
         * @param key         the token's hash
         * @param accessToken the token
         * @param caller      the caller verified locally
         * @return the outcome counted: {@code REMOTE} when Stytch was asked, {@code CACHE} when its answer was reused
         * @throws InvalidTokenException      when Stytch says the token is no longer acceptable
         * @throws StytchUnavailableException when Stytch cannot answer now
         * @throws StytchApiException         when Stytch refuses this application's call
         */
        String confirm(VerifiedTokenCache.Key key, String accessToken, C caller);
    }
}
