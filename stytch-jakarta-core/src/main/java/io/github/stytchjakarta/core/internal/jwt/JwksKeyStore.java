package io.github.stytchjakarta.core.internal.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.events.Event;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.internal.DaemonThreads;
import io.github.stytchjakarta.core.internal.LogText;
import io.github.stytchjakarta.core.internal.LogThrottle;
import io.github.stytchjakarta.core.internal.http.HttpStatusException;
import io.github.stytchjakarta.core.internal.http.StytchHttp;
import io.github.stytchjakarta.core.internal.http.UnavailableNowException;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The project's signing keys, fetched from the JWKS endpoint through Nimbus's JWK set sources:
 * a cache with background refresh ahead of expiry ({@link RefreshAheadCachingJWKSetSource}), an
 * outage-tolerant layer that keeps serving the last key set while the endpoint fails
 * ({@link OutageTolerantJWKSetSource}), over a {@link URLBasedJWKSetSource} using the JDK HTTP client.
 *
 * <p>The chain is assembled here rather than with {@code JWKSourceBuilder} because the builder's
 * rate limiter sits below the cache, counts ordinary expiry refreshes and allows two fetches per
 * window, and its {@code JWKSource} refetches on every unknown key id.
 *
 * <p>An unknown {@code kid} (a key rotation, or a forged token) is handled here, above the cache:
 * <ul>
 *   <li>while a key set fetch for an unknown {@code kid} is in flight, every caller with an unknown
 *       {@code kid} waits for it and then looks again: one fetch serves all of them (a rotation under
 *       load causes neither refusals nor a fetch per request). The wait is that one fetch, which the
 *       HTTP connect and request timeouts bound;</li>
 *   <li>otherwise the caller starts such a fetch if none started in the last
 *       {@link io.github.stytchjakarta.core.JwksSettings#rateLimit()} ({@link StytchConfig#DEFAULT_JWKS_RATE_LIMIT}, 5 s), and waits
 *       for it;</li>
 *   <li>otherwise the {@code kid} is refused at once, without a network call and without waiting, so a
 *       flood of random {@code kid}s holds no request thread longer than a fetch in flight.</li>
 * </ul>
 * The two bounds that follow, while the endpoint answers:
 * <ul>
 *   <li><b>fetches</b>: at most one key set fetch per rate-limit interval caused by unknown {@code kid}s,
 *       whatever their number, their callers or their threads (12 a minute by default), besides the
 *       ordinary refresh once per {@link io.github.stytchjakarta.core.JwksSettings#cacheTtl()};</li>
 *   <li><b>a newly published key</b> is accepted by every request arriving the rate-limit interval plus
 *       one fetch time or more after its publication, even while random {@code kid}s arrive all the
 *       time: by then a fetch that started after the publication has completed or is in flight, or
 *       none started since and the request starts one. Such a fetch is forced, so a background refresh
 *       that began before the publication does not stand in for it; waiting for that refresh to
 *       release Nimbus's lock, a fetch takes at most twice the HTTP timeouts (milliseconds on a
 *       healthy endpoint).</li>
 * </ul>
 * The interval is counted from the start of each such fetch, by the clock given to the constructor.
 *
 * <p>The JWKs are converted to {@link RSAPublicKey}s once per key set, so a lookup is a map lookup. Only RSA keys
 * usable for RS256 signatures of at least 2048 bits are kept. When a
 * newly fetched key set differs from the previous one, the listener is told (the verified-token
 * cache is flushed), whether the fetch ran on a request thread or in the background.
 *
 * <p>A failed fetch, on a request thread or in the background, is logged at WARNING with the URL and
 * the HTTP status, the I/O error's class, or that the answer was no key set (never a body or key
 * material), at most once per {@link LogThrottle#WARNING_INTERVAL}: a wrong base URL, project id or
 * vertical shows here first. Callers waiting for a failed fetch get its {@link StytchUnavailableException}.
 *
 * <p>Thread-safe. {@link #close()} stops the background refresh.
 */
public final class JwksKeyStore implements Closeable {

    /** Smallest RSA modulus accepted, in bits (RFC 7518 §3.3). */
    public static final int MIN_RSA_KEY_BITS = 2048;

    private static final System.Logger LOG = System.getLogger(JwksKeyStore.class.getName());

    private final JWKSetSource<SecurityContext> source;
    private final Clock clock;
    private final long rateLimitMillis;
    private final Runnable onKeysChanged;
    private volatile Keys keys = new Keys(null, Map.of());
    // key sets the cache has stored, counted in its order (written under this, read without it)
    private volatile long loads;
    private volatile long loadedAtMillis = Long.MIN_VALUE;
    // guarded by this
    private JWKSet lastLoaded;
    private long nextUnknownKeyFetch = Long.MIN_VALUE;
    private CompletableFuture<Keys> unknownKeyFetch;

    /**
     * Creates the key store; nothing is fetched until the first lookup or {@link #prefetch()}.
     *
     * @param config        the JWKS URL and cache settings
     * @param http          the HTTP transport
     * @param clock         the clock for cache expiry and the rate limit
     * @param onKeysChanged called (on any thread) when a fetched key set differs from the previous one
     */
    public JwksKeyStore(StytchConfig config, StytchHttp http, Clock clock, Runnable onKeysChanged) {
        this.clock = clock;
        this.rateLimitMillis = config.jwks().rateLimit().toMillis();
        this.onKeysChanged = onKeysChanged;
        JWKSetSource<SecurityContext> chain = new FailureLogging(
                new URLBasedJWKSetSource<>(url(config), new JdkResourceRetriever(http)), LogText.url(config.jwks().url()),
                clock);
        if (!config.jwks().outageTolerance().isZero()) {
            chain = new OutageTolerantJWKSetSource<>(chain, config.jwks().outageTolerance().toMillis(), null);
        }
        long refreshTimeout = config.http().connectTimeout().plus(config.http().requestTimeout()).toMillis();
        ExecutorService refresher = Executors.newSingleThreadExecutor(DaemonThreads.named("stytch-jwks-refresh"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("stytch-jwks-schedule"));
        this.source = new RefreshAheadCachingJWKSetSource<>(chain, config.jwks().cacheTtl().toMillis(), refreshTimeout,
                config.jwks().refreshAhead().toMillis(), refresher, true, this::onCacheEvent, scheduler, true);
    }

    /**
     * Returns the public key for a key id. When the id is unknown, waits for the key set fetch in
     * flight for an unknown id, or starts one if the rate limit allows, and looks again (see the class
     * documentation).
     *
     * @param keyId the {@code kid} of a token
     * @return the key
     * @throws InvalidTokenException      {@link Reason#UNKNOWN_KEY} when no usable key has this id
     * @throws StytchUnavailableException when no key set can be had (endpoint down, nothing cached)
     */
    public RSAPublicKey publicKey(String keyId) {
        long now = clock.millis();
        long loadsBefore = loads;
        RSAPublicKey key = keysOf(load(JWKSetCacheRefreshEvaluator.noRefresh(), now)).byId.get(keyId);
        if (key == null) {
            key = refetched(keyId, loadsBefore, now);
        }
        if (key == null) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY);
        }
        return key;
    }

    private RSAPublicKey refetched(String keyId, long loadsBefore, long now) {
        CompletableFuture<Keys> fetch;
        boolean lead = false;
        synchronized (this) {
            // a set cached since the caller looked may hold the key; counts tell, as the caller's set may be older
            if (loads != loadsBefore) {
                RSAPublicKey key = keysOf(lastLoaded).byId.get(keyId);
                if (key != null) {
                    return key;
                }
            }
            if (unknownKeyFetch == null) {
                if (now < nextUnknownKeyFetch) {
                    return null;
                }
                nextUnknownKeyFetch = now + rateLimitMillis;
                unknownKeyFetch = new CompletableFuture<>();
                lead = true;
            }
            fetch = unknownKeyFetch;
        }
        return (lead ? fetchForUnknownKey(fetch, now) : await(fetch)).byId.get(keyId);
    }

    // forced: a background refresh that started before the new key was published must not stand in for it
    private Keys fetchForUnknownKey(CompletableFuture<Keys> fetch, long now) {
        try {
            Keys fetched = keysOf(load(JWKSetCacheRefreshEvaluator.forceRefresh(), now));
            fetch.complete(fetched);
            return fetched;
        } catch (RuntimeException e) {
            fetch.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                unknownKeyFetch = null;
            }
        }
    }

    private static Keys await(CompletableFuture<Keys> fetch) {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StytchUnavailableException("interrupted while waiting for the JWT signing keys", null, null, e);
        } catch (ExecutionException e) {
            // a fresh exception per waiter: the fetching thread throws the original
            Throwable failure = e.getCause();
            if (failure instanceof StytchUnavailableException unavailable) {
                throw new StytchUnavailableException(unavailable.getMessage(), null, unavailable.retryAfter().orElse(null),
                        unavailable);
            }
            throw new StytchUnavailableException("no JWT signing keys available: " + failure.getClass().getSimpleName(),
                    null, null, failure);
        }
    }

    /**
     * Fetches the key set now if it is not cached.
     *
     * @throws StytchUnavailableException when the key set cannot be fetched
     */
    public void prefetch() {
        keysOf(load(JWKSetCacheRefreshEvaluator.noRefresh(), clock.millis()));
    }

    private JWKSet load(JWKSetCacheRefreshEvaluator evaluator, long now) {
        try {
            return source.getJWKSet(evaluator, now, null);
        } catch (KeySourceException e) {
            throw new StytchUnavailableException("no JWT signing keys available: " + e.getClass().getSimpleName(),
                    null, retryAfter(e), e);
        }
    }

    // when the transport refused the fetch (circuit open, bulkhead full), its wait becomes the 503's Retry-After
    private static Duration retryAfter(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnavailableNowException refused) {
                return refused.retryAfter();
            }
        }
        return null;
    }

    private void onCacheEvent(Event<CachingJWKSetSource<SecurityContext>, SecurityContext> event) {
        if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> completed) {
            synchronized (this) {
                lastLoaded = completed.getJWKSet();
                loads++;
            }
            loadedAtMillis = System.currentTimeMillis();
            keysOf(completed.getJWKSet());
        }
    }

    private Keys keysOf(JWKSet set) {
        Keys current = keys;
        if (current.set == set) {
            return current;
        }
        synchronized (this) {
            current = keys;
            if (current.set == set) {
                return current;
            }
            Map<String, RSAPublicKey> byId = new HashMap<>();
            for (JWK jwk : set.getKeys()) {
                if (isUsable(jwk)) {
                    RSAPublicKey key = current.keyFor(jwk);
                    byId.put(jwk.getKeyID(), key != null ? key : toPublicKey((RSAKey) jwk));
                }
            }
            Keys next = new Keys(set, byId);
            keys = next;
            if (current.set != null && !sameKeys(current.set, set)) {
                LOG.log(System.Logger.Level.INFO, "JWT signing keys changed: now " + byId.keySet());
                onKeysChanged.run();
            }
            return next;
        }
    }

    private static boolean isUsable(JWK jwk) {
        return jwk instanceof RSAKey rsa && rsa.getKeyID() != null && !rsa.isPrivate()
                && (rsa.getKeyUse() == null || KeyUse.SIGNATURE.equals(rsa.getKeyUse()))
                && (rsa.getAlgorithm() == null || JWSAlgorithm.RS256.equals(rsa.getAlgorithm()))
                && rsa.size() >= MIN_RSA_KEY_BITS;
    }

    private static RSAPublicKey toPublicKey(RSAKey key) {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new StytchUnavailableException("a published JWT signing key is unusable", null, null, e);
        }
    }

    private static boolean sameKeys(JWKSet a, JWKSet b) {
        return new HashSet<>(a.getKeys()).equals(new HashSet<>(b.getKeys()));
    }

    private static URL url(StytchConfig config) {
        try {
            return config.jwks().url().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("invalid JWKS URL", e);
        }
    }

    /**
     * @return when a key set was last fetched (wall clock), empty before the first fetch
     */
    public OptionalLong loadedAtMillis() {
        long at = loadedAtMillis;
        return at == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** Stops the background refresh. */
    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the JWKS source failed", e);
        }
    }

    /** Logs the failures of the fetches below it, throttled, and passes them on. */
    private static final class FailureLogging implements JWKSetSource<SecurityContext> {

        private final JWKSetSource<SecurityContext> fetch;
        private final String url;
        private final Clock clock;
        private final LogThrottle warnings = new LogThrottle();

        FailureLogging(JWKSetSource<SecurityContext> fetch, String url, Clock clock) {
            this.fetch = fetch;
            this.url = url;
            this.clock = clock;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long currentTime, SecurityContext context)
                throws KeySourceException {
            try {
                return fetch.getJWKSet(evaluator, currentTime, context);
            } catch (KeySourceException e) {
                if (warnings.tryWarn(clock.millis())) {
                    LOG.log(System.Logger.Level.WARNING, "JWT signing keys could not be fetched from " + url + ": "
                            + failure(e) + "; check stytch.base-url, stytch.project-id and stytch.vertical"
                            + " (or stytch.jwks.url)");
                }
                throw e;
            }
        }

        private static String failure(KeySourceException e) {
            if (e instanceof JWKSetParseException) {
                return "the answer is not a JSON Web Key Set";
            }
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof UnavailableNowException refused) {
                    return refused.getMessage();
                }
                if (cause instanceof HttpStatusException status) {
                    return "HTTP " + status.status();
                }
                if (cause instanceof IOException) {
                    return cause.getClass().getSimpleName();
                }
            }
            return e.getClass().getSimpleName();
        }

        @Override
        public void close() throws IOException {
            fetch.close();
        }
    }

    /** One key set and the public keys converted from it, by key id. */
    private record Keys(JWKSet set, Map<String, RSAPublicKey> byId) {

        RSAPublicKey keyFor(JWK jwk) {
            if (set == null) {
                return null;
            }
            JWK previous = set.getKeyByKeyId(jwk.getKeyID());
            return jwk.equals(previous) ? byId.get(jwk.getKeyID()) : null;
        }
    }
}
