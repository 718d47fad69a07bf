package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.http.StytchHttp;
import io.github.stytchjakarta.core.internal.jwt.JwksKeyStore;
import io.github.stytchjakarta.core.internal.jwt.JwtProcessor;
import io.github.stytchjakarta.core.internal.jwt.JwtRules;
import io.github.stytchjakarta.core.internal.jwt.ValidityWindow;
import io.github.stytchjakarta.core.internal.rbac.RbacPolicyCache;
import io.github.stytchjakarta.core.internal.webhook.RevokedSubjects;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

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
    private final Optional<StytchWebhooks> webhooks;

    private Stytch(StytchConfig config, Clock clock) {
        this.config = config;
        this.client = new StytchClient(config, new StytchHttp(config));
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
        this.keys = new JwksKeyStore(config, client.http(), clock, () -> {
            sessionCache.clear();
            m2mCache.clear();
        });
        ValidityWindow validity = new ValidityWindow(config);
        RevokedSubjects revoked = new RevokedSubjects(config.jwt().clockSkew());
        this.sessions = new SessionAuthenticator(config, client,
                new JwtProcessor(keys, JwtRules.forSessions(config)), validity, sessionCache, revoked, clock);
        this.m2m = new M2mTokenVerifier(new JwtProcessor(keys, JwtRules.forM2m(config)), validity, m2mCache, clock);
        this.policies = new RbacPolicyCache(config.vertical(), client, config.rbac().policyTtl());
        this.authorizer = new StytchAuthorizer(policies);
        this.webhooks = config.webhook().enabled()
                ? Optional.of(new StytchWebhooks(config, clock, sessionCache, revoked, policies)) : Optional.empty();
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

    /**
     * The receiver of Stytch's webhooks, for the web modules' endpoint.
     *
     * @return the receiver, or empty when {@code stytch.webhook.secret} is not set (then no endpoint may exist)
     */
    public Optional<StytchWebhooks> webhooks() {
        return webhooks;
    }

    /** Stops background refreshes and releases the HTTP client. */
    @Override
    public void close() {
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
         * @return the facade
         * @throws StytchConfigException when {@code stytch.startup-check} is set and the check fails
         */
        public Stytch build() {
            return new Stytch(config, clock);
        }
    }
}
