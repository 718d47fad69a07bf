package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.http.StytchHttp;
import io.github.stytchjakarta.core.internal.jwt.JwksKeyStore;
import io.github.stytchjakarta.core.internal.jwt.JwtProcessor;
import io.github.stytchjakarta.core.internal.jwt.JwtRules;
import io.github.stytchjakarta.core.internal.jwt.ValidityWindow;
import io.github.stytchjakarta.core.internal.rbac.RbacPolicyCache;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import io.github.stytchjakarta.core.internal.webhook.RevokedSubjects;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The entry point: everything stytch-jakarta does, wired from one {@link StytchConfig}, sharing one
 * HTTP client, one key set cache and one policy cache, and releasing them on {@link #close()}.
 *
 * <pre>
 * try (Stytch stytch = Stytch.create(StytchConfig.load(ConfigSource.environment()))) {
 *     AuthenticatedSession session = stytch.authenticator().authenticate(new SessionCredential.SessionJwt(jwt));
 *     if (stytch.authorizer().check(session.principal(), new Permission("documents", "read")).granted()) { ... }
 * }
 * </pre>
 *
 * <p>Creating it makes no network call unless {@code stytch.startup-check} or {@code stytch.jwks.prefetch}
 * is set. The start-up check asks Stytch whom the credentials belong to and fails creation with a
 * {@link StytchConfigException} naming {@code stytch.secret}, {@code stytch.project-id} or
 * {@code stytch.base-url}; a failed prefetch is logged and the keys are fetched again on first use.
 * Thread-safe.
 */
public final class Stytch implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Stytch.class.getName());

    private final StytchConfig config;
    private final StytchClient client;
    private final JwksKeyStore keys;
    private final RbacPolicyCache policies;
    private final SessionAuthenticator sessions;
    private final StytchAuthorizer authorizer;
    private final M2mTokenVerifier m2m;
    private final ConnectedAppTokenVerifier connectedApps;
    private final Telemetry telemetry;
    private final Optional<StytchWebhooks> webhooks;

    private Stytch(StytchConfig config, Clock clock, Object openTelemetry) {
        this.config = config;
        this.telemetry = Telemetry.create(openTelemetry);
        this.client = new StytchClient(config, new StytchHttp(config, telemetry));
        if (config.startupCheck()) {
            try {
                StartupCheck.run(config, client);
            } catch (RuntimeException e) {
                client.close(); // nothing else has been created yet
                throw e;
            }
        }
        CacheSettings cache = config.cache();
        VerifiedTokenCache<AuthenticatedSession> sessionCache = new VerifiedTokenCache<>(cache.maxEntries(), cache.maxBytes());
        VerifiedTokenCache<M2mCaller> m2mCache = new VerifiedTokenCache<>(cache.maxEntries(), cache.maxBytes());
        VerifiedTokenCache<ConnectedAppCaller> appCache = new VerifiedTokenCache<>(cache.maxEntries(), cache.maxBytes());
        this.keys = new JwksKeyStore(config, client.http(), clock, () -> {
            sessionCache.clear();
            m2mCache.clear();
            appCache.clear();
        });
        ValidityWindow validity = new ValidityWindow(config);
        RevokedSubjects revoked = new RevokedSubjects(config.jwt().clockSkew());
        this.sessions = new SessionAuthenticator(config, client,
                new JwtProcessor(keys, JwtRules.forSessions(config)), validity, sessionCache, revoked, clock, telemetry);
        this.m2m = new M2mTokenVerifier(new JwtProcessor(keys, JwtRules.forM2m(config)), validity, m2mCache, clock,
                telemetry);
        this.connectedApps = new ConnectedAppTokenVerifier(new JwtProcessor(keys, JwtRules.forConnectedApps(config)), validity,
                appCache, clock, telemetry, config.introspection().enabled()
                        ? new ConnectedAppIntrospection(config, client, clock) : null);
        this.policies = new RbacPolicyCache(config.vertical(), client, config.rbac().policyTtl());
        this.authorizer = new StytchAuthorizer(policies);
        this.webhooks = config.webhook().enabled()
                ? Optional.of(new StytchWebhooks(config, clock, sessionCache, revoked, policies)) : Optional.empty();
        registerGauges(sessionCache, m2mCache, appCache);
        if (config.jwks().prefetch()) {
            try {
                keys.prefetch();
            } catch (StytchUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "JWKS prefetch failed, keys will be fetched on first use: "
                        + e.getMessage());
            }
        }
    }

    /**
     * Creates the facade with the system clock.
     *
     * @param config the configuration; must not be {@code null}
     * @return the facade; close it when done
     * @throws StytchConfigException when {@code stytch.startup-check} is set and the check fails
     */
    public static Stytch create(StytchConfig config) {
        return builder(config).build();
    }

    /**
     * Starts a builder, for the settings that are not configuration (a clock for tests).
     *
     * @param config the configuration; must not be {@code null}
     * @return the builder
     */
    public static Builder builder(StytchConfig config) {
        return new Builder(config);
    }

    /** @return the configuration */
    public StytchConfig config() {
        return config;
    }

    /** @return the Stytch API client */
    public StytchClient client() {
        return client;
    }

    /** @return the session authenticator (for API calls on sessions, see {@link #client()}) */
    public SessionAuthenticator authenticator() {
        return sessions;
    }

    /** @return the RBAC authorizer */
    public StytchAuthorizer authorizer() {
        return authorizer;
    }

    /** @return the M2M access token verifier */
    public M2mTokenVerifier m2mVerifier() {
        return m2m;
    }

    /** @return the Connected-App access token verifier (a user or member acting through an OAuth client) */
    public ConnectedAppTokenVerifier connectedAppVerifier() {
        return connectedApps;
    }

    /**
     * The receiver of Stytch's webhooks, for the web modules' endpoint.
     *
     * @return the receiver, or empty when {@code stytch.webhook.secret} is not set (then no endpoint may exist)
     */
    public Optional<StytchWebhooks> webhooks() {
        return webhooks;
    }

    /**
     * Tells whether this node can authenticate and authorize without waiting for Stytch, first fetching the key set
     * and the RBAC policy if they were never fetched (each fetch bounded by the HTTP timeouts and the circuit
     * breaker). For a readiness probe: see {@link StytchReadiness} for what an open circuit means across nodes.
     *
     * @return the readiness
     */
    public StytchReadiness readiness() {
        boolean keysLoaded = keys.loadedAtMillis().isPresent() || loaded(keys::prefetch);
        boolean policyLoaded = policies.projectFetchedAtMillis().isPresent() || loaded(policies::project);
        long now = System.currentTimeMillis();
        return new StytchReadiness(keysLoaded, policyLoaded, !client.http().isCircuitOpen(),
                age(keys.loadedAtMillis(), now), age(policies.projectFetchedAtMillis(), now));
    }

    private static boolean loaded(Runnable fetch) {
        try {
            fetch.run();
            return true;
        } catch (StytchException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "not ready: " + e.getMessage());
            return false;
        }
    }

    private static Optional<Duration> age(OptionalLong at, long now) {
        return at.isPresent() ? Optional.of(Duration.ofMillis(Math.max(0, now - at.getAsLong()))) : Optional.empty();
    }

    // read at each metrics collection; NaN (nothing fetched yet) is not reported
    private void registerGauges(VerifiedTokenCache<AuthenticatedSession> sessionCache, VerifiedTokenCache<M2mCaller> m2mCache,
                                VerifiedTokenCache<ConnectedAppCaller> appCache) {
        telemetry.gauge("stytch.circuit.open", "1 while the circuit breaker towards Stytch fails calls at once", "1", null,
                () -> client.http().isCircuitOpen() ? 1 : 0);
        telemetry.gauge("stytch.jwks.age", "Time since the signing key set was fetched", "s", null,
                () -> ageSeconds(keys.loadedAtMillis()));
        telemetry.gauge("stytch.rbac.policy.age", "Time since the project's RBAC policy was fetched", "s", null,
                () -> ageSeconds(policies.projectFetchedAtMillis()));
        telemetry.gauge("stytch.cache.entries", "Entries of a verification cache", "{entry}", "sessions", sessionCache::size);
        telemetry.gauge("stytch.cache.entries", "Entries of a verification cache", "{entry}", "refused",
                sessions::refusedEntries);
        telemetry.gauge("stytch.cache.entries", "Entries of a verification cache", "{entry}", "m2m", m2mCache::size);
        telemetry.gauge("stytch.cache.entries", "Entries of a verification cache", "{entry}", "connected_app", appCache::size);
    }

    private static double ageSeconds(OptionalLong at) {
        return at.isPresent() ? Math.max(0, System.currentTimeMillis() - at.getAsLong()) / 1000.0 : Double.NaN;
    }

    /** Stops background refreshes, unregisters the gauges and releases the HTTP client. */
    @Override
    public void close() {
        telemetry.close();
        policies.close();
        keys.close();
        client.close();
    }

    /** Builds a {@link Stytch}. Not thread-safe. */
    public static final class Builder {

        /** Default clock: {@link Clock#systemUTC()}. */
        public static final Clock DEFAULT_CLOCK = Clock.systemUTC();

        private final StytchConfig config;
        private Clock clock = DEFAULT_CLOCK;
        private Object openTelemetry;

        private Builder(StytchConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * @param clock the clock for every token time check and cache expiry; must not be {@code null}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where metrics and spans go (see the README's "Operations" section). Without this call they go to
         * {@code GlobalOpenTelemetry} (e.g. the Java agent's) when the OpenTelemetry API is on the class path, and
         * nowhere otherwise. The parameter is an {@code Object} so that the API stays an optional dependency.
         *
         * @param openTelemetry an {@code io.opentelemetry.api.OpenTelemetry}; must not be {@code null}
         * @return this builder
         * @throws IllegalArgumentException at {@link #build()} when it is not an {@code OpenTelemetry}, or the API
         *                                  is not visible to this library
         */
        public Builder openTelemetry(Object openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /**
         * @return the facade
         * @throws StytchConfigException    when {@code stytch.startup-check} is set and the check fails
         * @throws IllegalArgumentException when the OpenTelemetry instance given is not one
         */
        public Stytch build() {
            return new Stytch(config, clock, openTelemetry);
        }
    }
}
