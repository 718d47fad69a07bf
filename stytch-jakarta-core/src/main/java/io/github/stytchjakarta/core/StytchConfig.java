package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.config.StytchConfigReading;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Everything stytch-jakarta reads from configuration, immutable and validated.
 *
 * <p>Build it in code with {@link #builder()}, or read it from key/value sources with
 * {@link #load(ConfigSource)}. Either way {@link StytchConfigBuilder#build()} validates every value and reports
 * <em>all</em> problems at once in a {@link StytchConfigException} naming the keys. The secret never
 * appears in {@link #toString()} or in any problem message.
 *
 * <p>Every key is a constant of {@link Keys}; a key {@code Keys.X} that has a default has it as the constant
 * {@code DEFAULT_X} of this class. The others: {@code stytch.project-id} and {@code stytch.secret} are required;
 * {@code stytch.base-url} defaults to {@link #LIVE_BASE_URL} for {@code project-live-*} ids and
 * {@link #TEST_BASE_URL} otherwise, {@code stytch.jwks.url} to the base URL's JWKS path of the vertical, and
 * {@code stytch.jwt.audience} to the project id; {@code stytch.jwt.issuers}, {@code stytch.jwt.max-token-age},
 * {@code stytch.session.duration-minutes}, {@code stytch.webhook.secret} and the introspection client's id and secret
 * have none. The README's configuration
 * table lists every key with its default and meaning (a test keeps it true).
 * Durations are ISO-8601 ({@code PT30S}) or whole seconds ({@code 30}); blank values count as absent.
 *
 * <p>The settings are grouped as their keys are: {@link #jwt()}, {@link #jwks()}, {@link #http()},
 * {@link #rbac()}, {@link #session()}, {@link #token()}, {@link #cache()}, {@link #webhook()} and
 * {@link #introspection()}, for example
 * {@code config.jwks().cacheTtl()} for {@code stytch.jwks.cache-ttl}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StytchConfig {

    /** The configuration key names; the same spelling in every module and source. */
    public static final class Keys {
        /** Project id ({@code project-test-...} or {@code project-live-...}). */
        public static final String PROJECT_ID = "stytch.project-id";
        /** Project secret, for Basic auth on API calls. */
        public static final String SECRET = "stytch.secret";
        /** {@code consumer} or {@code b2b}. */
        public static final String VERTICAL = "stytch.vertical";
        /** API base URL, e.g. a custom domain. */
        public static final String BASE_URL = "stytch.base-url";
        /** Extra accepted JWT issuers, comma-separated. */
        public static final String JWT_ISSUERS = "stytch.jwt.issuers";
        /** The audience a JWT must contain. */
        public static final String JWT_AUDIENCE = "stytch.jwt.audience";
        /** Clock skew tolerated on {@code exp}, {@code nbf}, {@code iat} and the session expiry. */
        public static final String JWT_CLOCK_SKEW = "stytch.jwt.clock-skew";
        /** Maximum age of a JWT since {@code iat}; older ones are checked with Stytch. */
        public static final String JWT_MAX_TOKEN_AGE = "stytch.jwt.max-token-age";
        /** JWKS URL. */
        public static final String JWKS_URL = "stytch.jwks.url";
        /** How long a fetched key set is used before it is fetched again. */
        public static final String JWKS_CACHE_TTL = "stytch.jwks.cache-ttl";
        /** How long before the cache expires a background refresh starts. */
        public static final String JWKS_REFRESH_AHEAD = "stytch.jwks.refresh-ahead";
        /** Minimum interval between two key set fetches caused by unknown key ids. */
        public static final String JWKS_RATE_LIMIT = "stytch.jwks.rate-limit";
        /** How long a cached key set keeps being used while the JWKS endpoint fails. */
        public static final String JWKS_OUTAGE_TOLERANCE = "stytch.jwks.outage-tolerance";
        /** Whether to fetch the key set when the library starts. */
        public static final String JWKS_PREFETCH = "stytch.jwks.prefetch";
        /** TCP connect timeout for every call to Stytch. */
        public static final String HTTP_CONNECT_TIMEOUT = "stytch.http.connect-timeout";
        /** Timeout of one HTTP exchange with Stytch, per attempt. */
        public static final String HTTP_REQUEST_TIMEOUT = "stytch.http.request-timeout";
        /** Retries of idempotent calls on 429, 5xx and I/O errors. */
        public static final String HTTP_MAX_RETRIES = "stytch.http.max-retries";
        /** Calls to Stytch in flight at once (a bulkhead); a call beyond it waits briefly, then fails as unavailable. */
        public static final String HTTP_MAX_CONCURRENT_CALLS = "stytch.http.max-concurrent-calls";
        /** Failed calls in a row that open the circuit breaker; 0 disables it. */
        public static final String HTTP_CIRCUIT_FAILURE_THRESHOLD = "stytch.http.circuit-failure-threshold";
        /** How long an open circuit fails calls at once before one probe call is let through. */
        public static final String HTTP_CIRCUIT_OPEN_DURATION = "stytch.http.circuit-open-duration";
        /** How long an RBAC policy is used before it is refreshed in the background. */
        public static final String RBAC_POLICY_TTL = "stytch.rbac.policy-ttl";
        /** Cookie holding the opaque session token. */
        public static final String SESSION_COOKIE = "stytch.session.cookie";
        /** Cookie holding the session JWT. */
        public static final String TOKEN_COOKIE = "stytch.token.cookie";
        /** Header carrying {@code Bearer <jwt>}. */
        public static final String TOKEN_HEADER = "stytch.token.header";
        /** Size of the verified-token cache; 0 disables it. */
        public static final String CACHE_MAX_ENTRIES = "stytch.cache.max-entries";
        /** Estimated memory of the verified-token cache in bytes, per cache (sessions, M2M); 0 disables it. */
        public static final String CACHE_MAX_BYTES = "stytch.cache.max-bytes";
        /** How long a credential Stytch refused is refused again without a call; 0 disables it. */
        public static final String CACHE_REFUSED_TTL = "stytch.cache.refused-ttl";
        /** Whether results of remote checks are cached until the session JWT Stytch returned with them expires. */
        public static final String CACHE_OPAQUE_TOKENS = "stytch.cache.opaque-tokens";
        /** When set, remote session checks extend the session by this many minutes. */
        public static final String SESSION_DURATION_MINUTES = "stytch.session.duration-minutes";
        /** Whether {@link Stytch#create} checks project id, secret and base URL with Stytch ({@code /v1/debug/whoami}). */
        public static final String STARTUP_CHECK = "stytch.startup-check";
        /** The signing secret of the webhook endpoint ({@code whsec_...}); without it there is no endpoint. */
        public static final String WEBHOOK_SECRET = "stytch.webhook.secret";
        /** The context-relative path of the webhook endpoint. */
        public static final String WEBHOOK_PATH = "stytch.webhook.path";
        /** How far a webhook's {@code svix-timestamp} may lie from this node's clock, either way. */
        public static final String WEBHOOK_TOLERANCE = "stytch.webhook.tolerance";
        /** The largest webhook body accepted, in bytes. */
        public static final String WEBHOOK_MAX_BODY_BYTES = "stytch.webhook.max-body-bytes";
        /** The client id of the Connected App that authenticates token introspection calls. */
        public static final String INTROSPECTION_CLIENT_ID = "stytch.connected-apps.introspection.client-id";
        /** The client secret of the Connected App that authenticates token introspection calls. */
        public static final String INTROSPECTION_CLIENT_SECRET = "stytch.connected-apps.introspection.client-secret";
        /** How long Stytch's "active" answer for a token is reused; zero asks on every request. */
        public static final String INTROSPECTION_CACHE_TTL = "stytch.connected-apps.introspection.cache-ttl";

        /** Every key above, so that unknown {@code stytch.*} keys can be reported. */
        public static final Set<String> ALL = Set.of(PROJECT_ID, SECRET, VERTICAL, BASE_URL, JWT_ISSUERS, JWT_AUDIENCE,
                JWT_CLOCK_SKEW, JWT_MAX_TOKEN_AGE, JWKS_URL, JWKS_CACHE_TTL, JWKS_REFRESH_AHEAD, JWKS_RATE_LIMIT,
                JWKS_OUTAGE_TOLERANCE, JWKS_PREFETCH, HTTP_CONNECT_TIMEOUT, HTTP_REQUEST_TIMEOUT, HTTP_MAX_RETRIES,
                HTTP_MAX_CONCURRENT_CALLS, HTTP_CIRCUIT_FAILURE_THRESHOLD, HTTP_CIRCUIT_OPEN_DURATION, RBAC_POLICY_TTL,
                SESSION_COOKIE, TOKEN_COOKIE, TOKEN_HEADER, CACHE_MAX_ENTRIES, CACHE_MAX_BYTES, CACHE_REFUSED_TTL,
                CACHE_OPAQUE_TOKENS, SESSION_DURATION_MINUTES, STARTUP_CHECK, WEBHOOK_SECRET, WEBHOOK_PATH,
                WEBHOOK_TOLERANCE, WEBHOOK_MAX_BODY_BYTES, INTROSPECTION_CLIENT_ID, INTROSPECTION_CLIENT_SECRET,
                INTROSPECTION_CACHE_TTL);

        private Keys() {
        }
    }

    /** Base URL of live projects ({@code project-live-*}). */
    public static final URI LIVE_BASE_URL = URI.create("https://api.stytch.com");

    /** Base URL of every other project (test projects). */
    public static final URI TEST_BASE_URL = URI.create("https://test.stytch.com");

    /** Default vertical: {@link Vertical#CONSUMER}. */
    public static final Vertical DEFAULT_VERTICAL = Vertical.CONSUMER;

    /**
     * Default clock skew: 30 seconds. Stytch's own SDKs use 0, which rejects a fresh token when the
     * Stytch server's clock is a second ahead ({@code iat}/{@code nbf} in the future); Nimbus, Spring
     * and SmallRye use 60 s. A Stytch JWT lives only 300 s, so 60 s would stretch it by a fifth;
     * 30 s covers the drift of any NTP-synchronised host with a wide margin while a revoked
     * session's JWT is still accepted for at most 5.5 minutes.
     */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    /** Largest accepted clock skew: the 5-minute lifetime of a session JWT. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** Default key set cache lifetime: 15 minutes, Stytch's own {@code Cache-Control: max-age=900}. */
    public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(15);

    /** Default refresh-ahead time: the key set is refreshed in the background 1 minute before it expires. */
    public static final Duration DEFAULT_JWKS_REFRESH_AHEAD = Duration.ofMinutes(1);

    /**
     * Default rate limit: at most one key set fetch per 5 seconds for unknown key ids, so at most 12 a
     * minute however many random {@code kid}s arrive, and a key published just after such a fetch is
     * accepted 5 seconds (plus one fetch) later. Nimbus's and the Node SDK's 30 s made one forged
     * token sent before a rotation refuse the new key for half a minute; requests arriving while a
     * fetch is in flight wait for it instead of counting against the limit.
     */
    public static final Duration DEFAULT_JWKS_RATE_LIMIT = Duration.ofSeconds(5);

    /**
     * Default outage tolerance: 6 hours. Stytch rotates keys about every six months and keeps the old
     * one published for a month, so a key set a few hours old is still right; this rides out a
     * provider incident without trusting a withdrawn key for longer than a working day.
     */
    public static final Duration DEFAULT_JWKS_OUTAGE_TOLERANCE = Duration.ofHours(6);

    /** Default: the key set is fetched lazily, on the first JWT (start-up never depends on Stytch). */
    public static final boolean DEFAULT_JWKS_PREFETCH = false;

    /** Default connect timeout: 5 seconds. */
    public static final Duration DEFAULT_HTTP_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Default timeout of one HTTP exchange: 5 seconds. Stytch answers in well under a second; a request thread
     * waits at most this long for a hung Stytch (a timed-out exchange is not retried).
     */
    public static final Duration DEFAULT_HTTP_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** Default retries of an idempotent call: 2 (so at most 3 attempts). */
    public static final int DEFAULT_HTTP_MAX_RETRIES = 2;

    /** Largest accepted number of retries. */
    public static final int MAX_HTTP_MAX_RETRIES = 10;

    /**
     * Default bulkhead: 64 calls to Stytch in flight at once per {@link Stytch} instance, so a slow Stytch holds at
     * most 64 of the server's request threads; the others fail fast with 503.
     */
    public static final int DEFAULT_HTTP_MAX_CONCURRENT_CALLS = 64;

    /** Default circuit breaker threshold: 3 failed calls in a row (timeouts, I/O errors, 429, 5xx) open it. */
    public static final int DEFAULT_HTTP_CIRCUIT_FAILURE_THRESHOLD = 3;

    /**
     * Default time an open circuit fails calls at once: 5 seconds (longer when Stytch's {@code Retry-After} asks
     * for more, up to {@code 12} times this), after which one probe call decides whether it closes.
     */
    public static final Duration DEFAULT_HTTP_CIRCUIT_OPEN_DURATION = Duration.ofSeconds(5);

    /** Default RBAC policy lifetime: 5 minutes, as Stytch's docs and the Node, Go and Ruby SDKs. */
    public static final Duration DEFAULT_RBAC_POLICY_TTL = Duration.ofMinutes(5);

    /** Default opaque session token cookie: {@code stytch_session}, as written by Stytch's frontend SDKs. */
    public static final String DEFAULT_SESSION_COOKIE = "stytch_session";

    /** Default session JWT cookie: {@code stytch_session_jwt}, as written by Stytch's frontend SDKs. */
    public static final String DEFAULT_TOKEN_COOKIE = "stytch_session_jwt";

    /** Default header for {@code Bearer} tokens: {@code Authorization}. */
    public static final String DEFAULT_TOKEN_HEADER = "Authorization";

    /** Default size of the verified-token cache: 10,000 entries (bounded in memory by {@link #DEFAULT_CACHE_MAX_BYTES}). */
    public static final int DEFAULT_CACHE_MAX_ENTRIES = 10_000;

    /**
     * Default memory bound of each verified-token cache (sessions, M2M): 32 MiB of estimated entry sizes
     * (512 bytes plus one byte per character of the token, a quarter above what was measured for Stytch
     * session JWTs). The default 10,000 entries of 1.7 KB B2B session JWTs take about 22 MB by that
     * estimate, so for them {@link #DEFAULT_CACHE_MAX_ENTRIES} binds first; tokens of the largest accepted
     * size (16 KiB) stop at about 1,980 entries.
     */
    public static final int DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

    /**
     * Default time a credential Stytch refused (unknown, revoked or expired session, malformed token) is refused
     * again without a call: 5 minutes. Such a credential never becomes valid, so the time only bounds memory
     * ({@code stytch.cache.max-entries} bounds the entries).
     */
    public static final Duration DEFAULT_CACHE_REFUSED_TTL = Duration.ofMinutes(5);

    /**
     * Default: results of remote checks (opaque session tokens, expired JWTs) are not cached, so every such request
     * asks Stytch and sees a revocation at once. When enabled, a result is reused until the session JWT Stytch returned
     * with it expires (at most 5 minutes): the same revocation delay as a session JWT has.
     */
    public static final boolean DEFAULT_CACHE_OPAQUE_TOKENS = false;

    /**
     * Default: no start-up check, so start-up never depends on Stytch being reachable; a wrong setting
     * then shows as throttled WARNINGs and 503s at the first requests instead.
     */
    public static final boolean DEFAULT_STARTUP_CHECK = false;

    /** Default webhook endpoint path: {@code /stytch/webhooks}. */
    public static final String DEFAULT_WEBHOOK_PATH = "/stytch/webhooks";

    /**
     * Default webhook timestamp tolerance: 5 minutes either way, as Svix's own verification libraries. A
     * message is also remembered (against replays) for twice this long.
     */
    public static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofMinutes(5);

    /** Largest accepted webhook timestamp tolerance: 1 hour. */
    public static final Duration MAX_WEBHOOK_TOLERANCE = Duration.ofHours(1);

    /**
     * Default largest webhook body: 64 KiB. Stytch's events carry one object (a member with its roles and
     * registrations, an organization); the largest seen in Stytch's examples are a few KiB.
     */
    public static final int DEFAULT_WEBHOOK_MAX_BODY_BYTES = 64 * 1024;

    /** Largest accepted {@code stytch.webhook.max-body-bytes}: 10 MiB. */
    public static final int MAX_WEBHOOK_MAX_BODY_BYTES = 10 * 1024 * 1024;

    /**
     * Default time Stytch's "active" answer for a Connected-App token is reused: 10 seconds (never past the token's
     * {@code exp}). A revoked token is refused within this time, and a token used on every request costs one
     * introspection call per 10 seconds per node instead of one per request.
     */
    public static final Duration DEFAULT_INTROSPECTION_CACHE_TTL = Duration.ofSeconds(10);

    /** Smallest session duration Stytch accepts, in minutes. */
    public static final int MIN_SESSION_DURATION_MINUTES = 5;

    /** Largest session duration Stytch accepts, in minutes (366 days). */
    public static final int MAX_SESSION_DURATION_MINUTES = 527_040;

    private final String projectId;
    private final String secret;
    private final Vertical vertical;
    private final URI baseUrl;
    private final boolean startupCheck;
    private final JwtSettings jwt;
    private final JwksSettings jwks;
    private final HttpSettings http;
    private final RbacSettings rbac;
    private final SessionSettings session;
    private final TokenSettings token;
    private final CacheSettings cache;
    private final WebhookSettings webhook;
    private final IntrospectionSettings introspection;

    StytchConfig(String projectId, String secret, Vertical vertical, URI baseUrl, boolean startupCheck, JwtSettings jwt,
            JwksSettings jwks, HttpSettings http, RbacSettings rbac, SessionSettings session, TokenSettings token,
            CacheSettings cache, WebhookSettings webhook, IntrospectionSettings introspection) {
        this.projectId = projectId;
        this.secret = secret;
        this.vertical = vertical;
        this.baseUrl = baseUrl;
        this.startupCheck = startupCheck;
        this.jwt = jwt;
        this.jwks = jwks;
        this.http = http;
        this.rbac = rbac;
        this.session = session;
        this.token = token;
        this.cache = cache;
        this.webhook = webhook;
        this.introspection = introspection;
    }

    /** @return a new builder (Starts a builder with every default set; project id and secret must still be given) */
    public static StytchConfigBuilder builder() {
        return new StytchConfigBuilder();
    }

    /**
     * Reads and validates the configuration from a source.
     *
     * @param source where the {@code stytch.*} keys are read; must not be {@code null}
     * @return the configuration
     * @throws StytchConfigException listing every problem found
     */
    public static StytchConfig load(ConfigSource source) {
        return StytchConfigReading.load(source);
    }

    /** @return the project id ({@code stytch.project-id}) */
    public String projectId() {
        return projectId;
    }

    /** @return the project secret ({@code stytch.secret}); never logged */
    public String secret() {
        return secret;
    }

    /** @return the vertical, consumer or B2B ({@code stytch.vertical}) */
    public Vertical vertical() {
        return vertical;
    }

    /**
     * The API base URL without trailing slash ({@code stytch.base-url}, or derived from the project id).
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Whether {@link Stytch#create} checks the credentials with Stytch ({@code stytch.startup-check}).
     *
     * @return {@code true} to check at start-up
     */
    public boolean startupCheck() {
        return startupCheck;
    }

    /** @return the {@code stytch.jwt.*} settings: accepted issuers, audience, clock skew and maximum token age */
    public JwtSettings jwt() {
        return jwt;
    }

    /** @return the {@code stytch.jwks.*} settings: the key set's URL and caching */
    public JwksSettings jwks() {
        return jwks;
    }

    /** @return the {@code stytch.http.*} settings: timeouts, retries, bulkhead and circuit breaker */
    public HttpSettings http() {
        return http;
    }

    /** @return the {@code stytch.rbac.*} settings: the policy lifetime */
    public RbacSettings rbac() {
        return rbac;
    }

    /** @return the {@code stytch.session.*} settings: the session token cookie and session extension */
    public SessionSettings session() {
        return session;
    }

    /** @return the {@code stytch.token.*} settings: the session JWT's cookie and header */
    public TokenSettings token() {
        return token;
    }

    /** @return the {@code stytch.cache.*} settings: cache bounds, refused credentials, remote results */
    public CacheSettings cache() {
        return cache;
    }

    /** @return the {@code stytch.webhook.*} settings: the endpoint's secret, path, timestamp tolerance and body limit */
    public WebhookSettings webhook() {
        return webhook;
    }

    /**
     * @return the {@code stytch.connected-apps.introspection.*} settings: the client that authenticates introspection
     *         calls and how long an answer is reused
     */
    public IntrospectionSettings introspection() {
        return introspection;
    }

    /** @return the configuration with the secrets masked */
    @Override
    public String toString() {
        return "StytchConfig{projectId=" + projectId + ", secret=****, vertical=" + vertical + ", baseUrl=" + baseUrl
                + ", startupCheck=" + startupCheck + ", " + jwt + ", " + jwks + ", " + http + ", " + rbac + ", " + session
                + ", " + token + ", " + cache + ", " + webhook + ", " + introspection + '}';
    }
}
