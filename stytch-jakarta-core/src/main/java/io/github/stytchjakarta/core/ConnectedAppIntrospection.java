package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.cache.SingleFlight;
import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.jwt.AccessTokenVerification;
import io.github.stytchjakarta.core.model.TokenIntrospectionResponse;
import java.time.Clock;

/**
 * Confirms a locally verified Connected-App access token with Stytch's RFC 7662 introspection
 * ({@link StytchClient.ConnectedApps#introspect}), bounded like the remote session checks (ADR 009): concurrent
 * confirmations of one token (by the SHA-256 of the token, ADR 003) share one call; an "active" answer is reused for
 * {@link IntrospectionSettings#cacheTtl()}, never past the {@code exp} Stytch states; an "inactive" answer is
 * {@link Reason#REVOKED} and remembered for {@link CacheSettings#refusedTtl()} (a token never becomes active again);
 * failures are not remembered. The calls go through the shared transport (timeouts, bulkhead, circuit breaker), so
 * a Stytch that cannot answer gives {@link StytchUnavailableException} with its {@code Retry-After}. A wrong client id
 * or secret is Stytch's {@code 401 invalid_client}: a {@link StytchApiException}, this application's problem and not
 * the caller's, never a refusal of the token.
 *
 * <p>Thread-safe. Tokens and the client secret are never logged.
 */
final class ConnectedAppIntrospection implements AccessTokenVerification.Confirmation<ConnectedAppCaller> {

    private static final String REMOTE = "REMOTE";
    private static final String CACHE = "CACHE";
    private static final System.Logger LOG = System.getLogger(ConnectedAppIntrospection.class.getName());

    private final StytchClient client;
    private final String clientId;
    private final String clientSecret;
    private final long cacheTtlMillis;
    private final long refusedTtlMillis;
    private final VerifiedTokenCache<Boolean> active;
    private final VerifiedTokenCache<Reason> refused;
    private final SingleFlight<VerifiedTokenCache.Key, String> calls = new SingleFlight<>(SessionAuthenticator::forWaiter);
    private final Clock clock;

    /**
     * @param config the configuration, with {@link IntrospectionSettings#enabled()} introspection
     * @param client the client the calls go through
     * @param clock  the clock of the caches
     */
    ConnectedAppIntrospection(StytchConfig config, StytchClient client, Clock clock) {
        this.client = client;
        this.clientId = config.introspection().clientId().orElseThrow();
        this.clientSecret = config.introspection().clientSecret().orElseThrow();
        this.cacheTtlMillis = config.introspection().cacheTtl().toMillis();
        this.refusedTtlMillis = config.cache().refusedTtl().toMillis();
        this.active = new VerifiedTokenCache<>(config.cache().maxEntries(), config.cache().maxBytes());
        this.refused = new VerifiedTokenCache<>(config.cache().maxEntries(), config.cache().maxBytes());
        this.clock = clock;
    }

    @Override
    public String confirm(VerifiedTokenCache.Key key, String accessToken, ConnectedAppCaller caller) {
        if (active.get(key, clock.millis()) != null) {
            return CACHE;
        }
        // looked up again inside the flight: a caller that just missed the previous call for this token finds it
        return calls.run(key, () -> {
            long now = clock.millis();
            if (refused.get(key, now) != null) {
                throw reject();
            }
            if (active.get(key, now) != null) {
                return CACHE;
            }
            TokenIntrospectionResponse answer = client.connectedApps().introspect(accessToken, clientId, clientSecret);
            if (answer.active() == null) {
                throw new StytchUnavailableException("Stytch's introspection answer had no \"active\" field", null, null,
                        null);
            }
            long answeredAt = clock.millis();
            if (!answer.active()) {
                refused.put(key, Reason.REVOKED, VerifiedTokenCache.ENTRY_OVERHEAD_BYTES, answeredAt + refusedTtlMillis,
                        answeredAt);
                throw reject();
            }
            // never past the token's exp: a cached "active" must not outlive what Stytch said
            long until = answer.exp() == null ? answeredAt : Math.min(answeredAt + cacheTtlMillis, answer.exp() * 1000);
            active.put(key, Boolean.TRUE, VerifiedTokenCache.ENTRY_OVERHEAD_BYTES, until, answeredAt);
            return REMOTE;
        });
    }

    private static InvalidTokenException reject() {
        LOG.log(System.Logger.Level.DEBUG, "Connected-App token refused: introspection says it is not active");
        return new InvalidTokenException(Reason.REVOKED);
    }
}
