package io.github.stytchjakarta.core;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything stytch-jakarta reads from configuration, immutable and validated.
 *
 * <p>Build it in code with {@link #builder()}, or read it from key/value sources with
 * {@link #load(ConfigSource)}. Either way {@link Builder#build()} validates every value and reports
 * <em>all</em> problems at once in a {@link StytchConfigException} naming the keys. The secret never
 * appears in {@link #toString()} or in any problem message.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th></tr>
 *   <tr><td>{@code stytch.project-id}</td><td>required</td></tr>
 *   <tr><td>{@code stytch.secret}</td><td>required</td></tr>
 *   <tr><td>{@code stytch.vertical}</td><td>{@code consumer} ({@code consumer} or {@code b2b})</td></tr>
 *   <tr><td>{@code stytch.base-url}</td><td>{@code https://api.stytch.com} for {@code project-live-*} ids,
 *       else {@code https://test.stytch.com}</td></tr>
 *   <tr><td>{@code stytch.jwt.issuers}</td><td>none extra; always accepted: {@code stytch.com/{project-id}} and,
 *       when {@code stytch.base-url} is set, the base URL</td></tr>
 *   <tr><td>{@code stytch.jwt.audience}</td><td>the project id</td></tr>
 *   <tr><td>{@code stytch.jwt.clock-skew}</td><td>{@link #DEFAULT_CLOCK_SKEW}</td></tr>
 *   <tr><td>{@code stytch.jwt.max-token-age}</td><td>none</td></tr>
 *   <tr><td>{@code stytch.jwks.url}</td><td>{@code {base-url}/v1/sessions/jwks/{project-id}}
 *       (B2B: {@code /v1/b2b/sessions/jwks/...})</td></tr>
 *   <tr><td>{@code stytch.jwks.cache-ttl}</td><td>{@link #DEFAULT_JWKS_CACHE_TTL}</td></tr>
 *   <tr><td>{@code stytch.jwks.refresh-ahead}</td><td>{@link #DEFAULT_JWKS_REFRESH_AHEAD}</td></tr>
 *   <tr><td>{@code stytch.jwks.rate-limit}</td><td>{@link #DEFAULT_JWKS_RATE_LIMIT}</td></tr>
 *   <tr><td>{@code stytch.jwks.outage-tolerance}</td><td>{@link #DEFAULT_JWKS_OUTAGE_TOLERANCE}</td></tr>
 *   <tr><td>{@code stytch.jwks.prefetch}</td><td>{@link #DEFAULT_JWKS_PREFETCH}</td></tr>
 *   <tr><td>{@code stytch.http.connect-timeout}</td><td>{@link #DEFAULT_HTTP_CONNECT_TIMEOUT}</td></tr>
 *   <tr><td>{@code stytch.http.request-timeout}</td><td>{@link #DEFAULT_HTTP_REQUEST_TIMEOUT}</td></tr>
 *   <tr><td>{@code stytch.http.max-retries}</td><td>{@link #DEFAULT_HTTP_MAX_RETRIES}</td></tr>
 *   <tr><td>{@code stytch.rbac.policy-ttl}</td><td>{@link #DEFAULT_RBAC_POLICY_TTL}</td></tr>
 *   <tr><td>{@code stytch.session.cookie}</td><td>{@link #DEFAULT_SESSION_COOKIE}</td></tr>
 *   <tr><td>{@code stytch.token.cookie}</td><td>{@link #DEFAULT_TOKEN_COOKIE}</td></tr>
 *   <tr><td>{@code stytch.token.header}</td><td>{@link #DEFAULT_TOKEN_HEADER}</td></tr>
 *   <tr><td>{@code stytch.cache.max-entries}</td><td>{@link #DEFAULT_CACHE_MAX_ENTRIES}</td></tr>
 *   <tr><td>{@code stytch.cache.max-bytes}</td><td>{@link #DEFAULT_CACHE_MAX_BYTES}</td></tr>
 *   <tr><td>{@code stytch.session.duration-minutes}</td><td>none (remote checks do not extend sessions)</td></tr>
 *   <tr><td>{@code stytch.startup-check}</td><td>{@link #DEFAULT_STARTUP_CHECK}</td></tr>
 * </table>
 * Durations are ISO-8601 ({@code PT30S}) or whole seconds ({@code 30}); see {@link ConfigReader}.
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
        /** When set, remote session checks extend the session by this many minutes. */
        public static final String SESSION_DURATION_MINUTES = "stytch.session.duration-minutes";
        /** Whether {@link Stytch#create} checks project id, secret and base URL with Stytch ({@code /v1/debug/whoami}). */
        public static final String STARTUP_CHECK = "stytch.startup-check";

        /** Every key above, for {@link ConfigKeys}. */
        public static final Set<String> ALL = Set.of(PROJECT_ID, SECRET, VERTICAL, BASE_URL, JWT_ISSUERS, JWT_AUDIENCE,
                JWT_CLOCK_SKEW, JWT_MAX_TOKEN_AGE, JWKS_URL, JWKS_CACHE_TTL, JWKS_REFRESH_AHEAD, JWKS_RATE_LIMIT,
                JWKS_OUTAGE_TOLERANCE, JWKS_PREFETCH, HTTP_CONNECT_TIMEOUT, HTTP_REQUEST_TIMEOUT, HTTP_MAX_RETRIES,
                RBAC_POLICY_TTL, SESSION_COOKIE, TOKEN_COOKIE, TOKEN_HEADER, CACHE_MAX_ENTRIES, CACHE_MAX_BYTES,
                SESSION_DURATION_MINUTES,
                STARTUP_CHECK);

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

    /** Default timeout of one HTTP exchange: 10 seconds. */
    public static final Duration DEFAULT_HTTP_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Default retries of an idempotent call: 2 (so at most 3 attempts). */
    public static final int DEFAULT_HTTP_MAX_RETRIES = 2;

    /** Largest accepted number of retries. */
    public static final int MAX_HTTP_MAX_RETRIES = 10;

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
     * Default: no start-up check, so start-up never depends on Stytch being reachable; a wrong setting
     * then shows as throttled WARNINGs and 503s at the first requests instead.
     */
    public static final boolean DEFAULT_STARTUP_CHECK = false;

    /** Smallest session duration Stytch accepts, in minutes. */
    public static final int MIN_SESSION_DURATION_MINUTES = 5;

    /** Largest session duration Stytch accepts, in minutes (366 days). */
    public static final int MAX_SESSION_DURATION_MINUTES = 527_040;

    private static final Pattern PROJECT_ID_SYNTAX = Pattern.compile("[A-Za-z0-9_-]+");
    // RFC 7230 "token": valid for header names and RFC 6265 cookie names alike
    private static final Pattern TOKEN_SYNTAX = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final String projectId;
    private final String secret;
    private final Vertical vertical;
    private final URI baseUrl;
    private final Set<String> issuers;
    private final String audience;
    private final Duration clockSkew;
    private final Duration maxTokenAge;
    private final URI jwksUrl;
    private final Duration jwksCacheTtl;
    private final Duration jwksRefreshAhead;
    private final Duration jwksRateLimit;
    private final Duration jwksOutageTolerance;
    private final boolean jwksPrefetch;
    private final Duration httpConnectTimeout;
    private final Duration httpRequestTimeout;
    private final int httpMaxRetries;
    private final Duration rbacPolicyTtl;
    private final String sessionCookie;
    private final String tokenCookie;
    private final String tokenHeader;
    private final int cacheMaxEntries;
    private final int cacheMaxBytes;
    private final Integer sessionDurationMinutes;
    private final boolean startupCheck;

    private StytchConfig(Builder b, URI baseUrl, Set<String> issuers, URI jwksUrl) {
        this.projectId = b.projectId;
        this.secret = b.secret;
        this.vertical = b.vertical;
        this.baseUrl = baseUrl;
        this.issuers = issuers;
        this.audience = b.audience != null ? b.audience : b.projectId;
        this.clockSkew = b.clockSkew;
        this.maxTokenAge = b.maxTokenAge;
        this.jwksUrl = jwksUrl;
        this.jwksCacheTtl = b.jwksCacheTtl;
        this.jwksRefreshAhead = b.jwksRefreshAhead;
        this.jwksRateLimit = b.jwksRateLimit;
        this.jwksOutageTolerance = b.jwksOutageTolerance;
        this.jwksPrefetch = b.jwksPrefetch;
        this.httpConnectTimeout = b.httpConnectTimeout;
        this.httpRequestTimeout = b.httpRequestTimeout;
        this.httpMaxRetries = b.httpMaxRetries;
        this.rbacPolicyTtl = b.rbacPolicyTtl;
        this.sessionCookie = b.sessionCookie;
        this.tokenCookie = b.tokenCookie;
        this.tokenHeader = b.tokenHeader;
        this.cacheMaxEntries = b.cacheMaxEntries;
        this.cacheMaxBytes = b.cacheMaxBytes;
        this.sessionDurationMinutes = b.sessionDurationMinutes;
        this.startupCheck = b.startupCheck;
    }

    /**
     * Starts a builder with every default set; project id and secret must still be given.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads and validates the configuration from a source.
     *
     * @param source where the {@code stytch.*} keys are read; must not be {@code null}
     * @return the configuration
     * @throws StytchConfigException listing every problem found
     */
    public static StytchConfig load(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source, new ConfigProblems());
        Optional<StytchConfig> config = read(reader);
        reader.problems().throwIfAny();
        return config.orElseThrow();
    }

    /**
     * Reads the configuration, recording problems in the reader's {@link ConfigProblems} instead of
     * throwing; for modules that read their own keys too and report all problems together.
     *
     * @param reader the reader; must not be {@code null}
     * @return the configuration, or empty when a problem was recorded for one of its keys
     */
    public static Optional<StytchConfig> read(ConfigReader reader) {
        ConfigProblems problems = new ConfigProblems();
        ConfigReader ownReader = new ConfigReader(reader.source(), problems);
        Optional<StytchConfig> config = read(ownReader, problems);
        problems.list().forEach(problem -> reader.problems().add(problem.key(), problem.message()));
        return config;
    }

    private static Optional<StytchConfig> read(ConfigReader reader, ConfigProblems problems) {
        Builder builder = builder();
        reader.requiredString(Keys.PROJECT_ID).ifPresent(builder::projectId);
        reader.requiredString(Keys.SECRET).ifPresent(builder::secret);
        reader.enumValue(Keys.VERTICAL, Vertical.class).ifPresent(builder::vertical);
        reader.httpUrl(Keys.BASE_URL).ifPresent(builder::baseUrl);
        builder.additionalIssuers(reader.list(Keys.JWT_ISSUERS));
        reader.string(Keys.JWT_AUDIENCE).ifPresent(builder::audience);
        reader.duration(Keys.JWT_CLOCK_SKEW).ifPresent(builder::clockSkew);
        reader.duration(Keys.JWT_MAX_TOKEN_AGE).ifPresent(builder::maxTokenAge);
        reader.httpUrl(Keys.JWKS_URL).ifPresent(builder::jwksUrl);
        reader.duration(Keys.JWKS_CACHE_TTL).ifPresent(builder::jwksCacheTtl);
        reader.duration(Keys.JWKS_REFRESH_AHEAD).ifPresent(builder::jwksRefreshAhead);
        reader.duration(Keys.JWKS_RATE_LIMIT).ifPresent(builder::jwksRateLimit);
        reader.duration(Keys.JWKS_OUTAGE_TOLERANCE).ifPresent(builder::jwksOutageTolerance);
        reader.bool(Keys.JWKS_PREFETCH).ifPresent(builder::jwksPrefetch);
        reader.duration(Keys.HTTP_CONNECT_TIMEOUT).ifPresent(builder::httpConnectTimeout);
        reader.duration(Keys.HTTP_REQUEST_TIMEOUT).ifPresent(builder::httpRequestTimeout);
        reader.integer(Keys.HTTP_MAX_RETRIES, 0, MAX_HTTP_MAX_RETRIES).ifPresent(builder::httpMaxRetries);
        reader.duration(Keys.RBAC_POLICY_TTL).ifPresent(builder::rbacPolicyTtl);
        reader.string(Keys.SESSION_COOKIE).ifPresent(builder::sessionCookie);
        reader.string(Keys.TOKEN_COOKIE).ifPresent(builder::tokenCookie);
        reader.string(Keys.TOKEN_HEADER).ifPresent(builder::tokenHeader);
        reader.integer(Keys.CACHE_MAX_ENTRIES, 0, Integer.MAX_VALUE).ifPresent(builder::cacheMaxEntries);
        reader.integer(Keys.CACHE_MAX_BYTES, 0, Integer.MAX_VALUE).ifPresent(builder::cacheMaxBytes);
        reader.integer(Keys.SESSION_DURATION_MINUTES, MIN_SESSION_DURATION_MINUTES, MAX_SESSION_DURATION_MINUTES)
                .ifPresent(builder::sessionDurationMinutes);
        reader.bool(Keys.STARTUP_CHECK).ifPresent(builder::startupCheck);
        // validate what could be read too, so that every problem is reported at once
        Optional<StytchConfig> config = builder.build(problems);
        return problems.isEmpty() ? config : Optional.empty();
    }

    /** @return the project id */
    public String projectId() {
        return projectId;
    }

    /** @return the project secret; never log it */
    public String secret() {
        return secret;
    }

    /** @return the vertical */
    public Vertical vertical() {
        return vertical;
    }

    /** @return the API base URL, without trailing slash */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return every accepted JWT issuer (derived ones first) */
    public Set<String> issuers() {
        return issuers;
    }

    /** @return the audience a JWT must contain */
    public String audience() {
        return audience;
    }

    /** @return the clock skew tolerated on every time comparison of a JWT */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** @return the maximum JWT age since {@code iat}, if limited */
    public Optional<Duration> maxTokenAge() {
        return Optional.ofNullable(maxTokenAge);
    }

    /** @return the JWKS URL */
    public URI jwksUrl() {
        return jwksUrl;
    }

    /** @return the key set cache lifetime */
    public Duration jwksCacheTtl() {
        return jwksCacheTtl;
    }

    /** @return how long before expiry the key set is refreshed in the background */
    public Duration jwksRefreshAhead() {
        return jwksRefreshAhead;
    }

    /** @return the minimum interval between key set fetches caused by unknown key ids */
    public Duration jwksRateLimit() {
        return jwksRateLimit;
    }

    /** @return how long a cached key set is kept in use while the JWKS endpoint fails */
    public Duration jwksOutageTolerance() {
        return jwksOutageTolerance;
    }

    /** @return whether the key set is fetched at start-up */
    public boolean jwksPrefetch() {
        return jwksPrefetch;
    }

    /** @return the TCP connect timeout */
    public Duration httpConnectTimeout() {
        return httpConnectTimeout;
    }

    /** @return the timeout of one HTTP exchange */
    public Duration httpRequestTimeout() {
        return httpRequestTimeout;
    }

    /** @return how often an idempotent call is retried */
    public int httpMaxRetries() {
        return httpMaxRetries;
    }

    /** @return the RBAC policy lifetime */
    public Duration rbacPolicyTtl() {
        return rbacPolicyTtl;
    }

    /** @return the name of the cookie holding the opaque session token */
    public String sessionCookie() {
        return sessionCookie;
    }

    /** @return the name of the cookie holding the session JWT */
    public String tokenCookie() {
        return tokenCookie;
    }

    /** @return the name of the header carrying a bearer JWT */
    public String tokenHeader() {
        return tokenHeader;
    }

    /** @return the size of the verified-token cache; 0 when disabled */
    public int cacheMaxEntries() {
        return cacheMaxEntries;
    }

    /** @return the bound of each verified-token cache's estimated memory in bytes; 0 when disabled */
    public int cacheMaxBytes() {
        return cacheMaxBytes;
    }

    /** @return by how many minutes remote session checks extend the session, if at all */
    public OptionalInt sessionDurationMinutes() {
        return sessionDurationMinutes == null ? OptionalInt.empty() : OptionalInt.of(sessionDurationMinutes);
    }

    /** @return whether {@link Stytch#create} checks the project id, secret and base URL with Stytch */
    public boolean startupCheck() {
        return startupCheck;
    }

    /**
     * Describes the configuration with the secret masked.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "StytchConfig{projectId=" + projectId + ", secret=****, vertical=" + vertical
                + ", baseUrl=" + baseUrl + ", issuers=" + issuers + ", audience=" + audience
                + ", clockSkew=" + clockSkew + ", maxTokenAge=" + maxTokenAge + ", jwksUrl=" + jwksUrl
                + ", jwksCacheTtl=" + jwksCacheTtl + ", jwksRefreshAhead=" + jwksRefreshAhead
                + ", jwksRateLimit=" + jwksRateLimit + ", jwksOutageTolerance=" + jwksOutageTolerance
                + ", jwksPrefetch=" + jwksPrefetch + ", httpConnectTimeout=" + httpConnectTimeout
                + ", httpRequestTimeout=" + httpRequestTimeout + ", httpMaxRetries=" + httpMaxRetries
                + ", rbacPolicyTtl=" + rbacPolicyTtl + ", sessionCookie=" + sessionCookie
                + ", tokenCookie=" + tokenCookie + ", tokenHeader=" + tokenHeader
                + ", cacheMaxEntries=" + cacheMaxEntries + ", cacheMaxBytes=" + cacheMaxBytes
                + ", sessionDurationMinutes=" + sessionDurationMinutes
                + ", startupCheck=" + startupCheck + '}';
    }

    /**
     * Builds a {@link StytchConfig}. Every setting starts at its documented default; {@link #build()}
     * validates all of them together. Not thread-safe.
     */
    public static final class Builder {

        private String projectId;
        private String secret;
        private Vertical vertical = DEFAULT_VERTICAL;
        private URI baseUrl;
        private List<String> additionalIssuers = List.of();
        private String audience;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private Duration maxTokenAge;
        private URI jwksUrl;
        private Duration jwksCacheTtl = DEFAULT_JWKS_CACHE_TTL;
        private Duration jwksRefreshAhead = DEFAULT_JWKS_REFRESH_AHEAD;
        private Duration jwksRateLimit = DEFAULT_JWKS_RATE_LIMIT;
        private Duration jwksOutageTolerance = DEFAULT_JWKS_OUTAGE_TOLERANCE;
        private boolean jwksPrefetch = DEFAULT_JWKS_PREFETCH;
        private Duration httpConnectTimeout = DEFAULT_HTTP_CONNECT_TIMEOUT;
        private Duration httpRequestTimeout = DEFAULT_HTTP_REQUEST_TIMEOUT;
        private int httpMaxRetries = DEFAULT_HTTP_MAX_RETRIES;
        private Duration rbacPolicyTtl = DEFAULT_RBAC_POLICY_TTL;
        private String sessionCookie = DEFAULT_SESSION_COOKIE;
        private String tokenCookie = DEFAULT_TOKEN_COOKIE;
        private String tokenHeader = DEFAULT_TOKEN_HEADER;
        private int cacheMaxEntries = DEFAULT_CACHE_MAX_ENTRIES;
        private int cacheMaxBytes = DEFAULT_CACHE_MAX_BYTES;
        private Integer sessionDurationMinutes;
        private boolean startupCheck = DEFAULT_STARTUP_CHECK;

        private Builder() {
        }

        /** @param projectId the project id (required) @return this builder */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /** @param secret the project secret (required) @return this builder */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        /** @param vertical consumer or B2B; must not be {@code null} @return this builder */
        public Builder vertical(Vertical vertical) {
            this.vertical = Objects.requireNonNull(vertical, "vertical");
            return this;
        }

        /**
         * @param baseUrl a custom API base URL (custom domain or emulator); {@code null} derives it from
         *                the project id. A trailing slash is removed. It is also accepted as JWT issuer.
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** @param issuers issuers accepted besides the derived ones; must not be {@code null} @return this builder */
        public Builder additionalIssuers(List<String> issuers) {
            this.additionalIssuers = List.copyOf(issuers);
            return this;
        }

        /** @param audience the required JWT audience; {@code null} means the project id @return this builder */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** @param clockSkew the tolerated clock skew; must not be {@code null} @return this builder */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
            return this;
        }

        /**
         * @param maxTokenAge the maximum age of a JWT since {@code iat}, {@code null} for no limit;
         *                    {@link Duration#ZERO} sends every JWT to Stytch
         * @return this builder
         */
        public Builder maxTokenAge(Duration maxTokenAge) {
            this.maxTokenAge = maxTokenAge;
            return this;
        }

        /** @param jwksUrl the JWKS URL; {@code null} derives it from base URL and vertical @return this builder */
        public Builder jwksUrl(URI jwksUrl) {
            this.jwksUrl = jwksUrl;
            return this;
        }

        /** @param ttl the key set cache lifetime; must not be {@code null} @return this builder */
        public Builder jwksCacheTtl(Duration ttl) {
            this.jwksCacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** @param refreshAhead the background refresh lead time; must not be {@code null} @return this builder */
        public Builder jwksRefreshAhead(Duration refreshAhead) {
            this.jwksRefreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
            return this;
        }

        /** @param rateLimit minimum interval between unknown-kid fetches; must not be {@code null} @return this builder */
        public Builder jwksRateLimit(Duration rateLimit) {
            this.jwksRateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            return this;
        }

        /** @param outageTolerance how long keys are kept while JWKS fails; must not be {@code null} @return this builder */
        public Builder jwksOutageTolerance(Duration outageTolerance) {
            this.jwksOutageTolerance = Objects.requireNonNull(outageTolerance, "outageTolerance");
            return this;
        }

        /** @param prefetch whether to fetch the key set at start-up @return this builder */
        public Builder jwksPrefetch(boolean prefetch) {
            this.jwksPrefetch = prefetch;
            return this;
        }

        /** @param timeout the connect timeout; must not be {@code null} @return this builder */
        public Builder httpConnectTimeout(Duration timeout) {
            this.httpConnectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @param timeout the per-attempt request timeout; must not be {@code null} @return this builder */
        public Builder httpRequestTimeout(Duration timeout) {
            this.httpRequestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @param maxRetries retries of idempotent calls @return this builder */
        public Builder httpMaxRetries(int maxRetries) {
            this.httpMaxRetries = maxRetries;
            return this;
        }

        /** @param ttl the RBAC policy lifetime; must not be {@code null} @return this builder */
        public Builder rbacPolicyTtl(Duration ttl) {
            this.rbacPolicyTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** @param name the opaque session token cookie name @return this builder */
        public Builder sessionCookie(String name) {
            this.sessionCookie = name;
            return this;
        }

        /** @param name the session JWT cookie name @return this builder */
        public Builder tokenCookie(String name) {
            this.tokenCookie = name;
            return this;
        }

        /** @param name the bearer token header name @return this builder */
        public Builder tokenHeader(String name) {
            this.tokenHeader = name;
            return this;
        }

        /** @param maxEntries the verified-token cache size, 0 to disable @return this builder */
        public Builder cacheMaxEntries(int maxEntries) {
            this.cacheMaxEntries = maxEntries;
            return this;
        }

        /** @param maxBytes the verified-token cache's estimated memory bound in bytes, 0 to disable @return this builder */
        public Builder cacheMaxBytes(int maxBytes) {
            this.cacheMaxBytes = maxBytes;
            return this;
        }

        /** @param minutes session extension on remote checks, {@code null} for none @return this builder */
        public Builder sessionDurationMinutes(Integer minutes) {
            this.sessionDurationMinutes = minutes;
            return this;
        }

        /**
         * @param check whether {@link Stytch#create} calls {@code GET /v1/debug/whoami} and fails with a
         *              {@link StytchConfigException} naming {@code stytch.secret}, {@code stytch.project-id} or
         *              {@code stytch.base-url} when Stytch refuses the credentials, answers for another project,
         *              or no Stytch API answers at the base URL
         * @return this builder
         */
        public Builder startupCheck(boolean check) {
            this.startupCheck = check;
            return this;
        }

        /**
         * Validates every setting and builds the configuration.
         *
         * @return the configuration
         * @throws StytchConfigException listing every problem, each with its key
         */
        public StytchConfig build() {
            ConfigProblems problems = new ConfigProblems();
            Optional<StytchConfig> config = build(problems);
            problems.throwIfAny();
            return config.orElseThrow();
        }

        Optional<StytchConfig> build(ConfigProblems problems) {
            if (isBlank(projectId)) {
                problems.add(Keys.PROJECT_ID, "is required");
            } else if (!PROJECT_ID_SYNTAX.matcher(projectId).matches()) {
                problems.add(Keys.PROJECT_ID, "must contain only letters, digits, '-' and '_'");
            }
            if (isBlank(secret)) {
                problems.add(Keys.SECRET, "is required");
            }
            checkHttpUrl(problems, Keys.BASE_URL, baseUrl);
            checkHttpUrl(problems, Keys.JWKS_URL, jwksUrl);
            for (String issuer : additionalIssuers) {
                if (isBlank(issuer)) {
                    problems.add(Keys.JWT_ISSUERS, "must not contain blank issuers");
                }
            }
            if (audience != null && isBlank(audience)) {
                problems.add(Keys.JWT_AUDIENCE, "must not be blank");
            }
            checkNotNegative(problems, Keys.JWT_CLOCK_SKEW, clockSkew);
            if (clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                problems.add(Keys.JWT_CLOCK_SKEW, "must be at most " + MAX_CLOCK_SKEW);
            }
            if (maxTokenAge != null) {
                checkNotNegative(problems, Keys.JWT_MAX_TOKEN_AGE, maxTokenAge);
            }
            checkPositive(problems, Keys.JWKS_CACHE_TTL, jwksCacheTtl);
            checkNotNegative(problems, Keys.JWKS_REFRESH_AHEAD, jwksRefreshAhead);
            checkNotNegative(problems, Keys.JWKS_RATE_LIMIT, jwksRateLimit);
            checkNotNegative(problems, Keys.JWKS_OUTAGE_TOLERANCE, jwksOutageTolerance);
            checkPositive(problems, Keys.HTTP_CONNECT_TIMEOUT, httpConnectTimeout);
            checkPositive(problems, Keys.HTTP_REQUEST_TIMEOUT, httpRequestTimeout);
            if (jwksRefreshAhead.plus(httpConnectTimeout).plus(httpRequestTimeout).compareTo(jwksCacheTtl) >= 0) {
                problems.add(Keys.JWKS_REFRESH_AHEAD, "plus the connect and request timeouts must be shorter than "
                        + Keys.JWKS_CACHE_TTL);
            }
            if (httpMaxRetries < 0 || httpMaxRetries > MAX_HTTP_MAX_RETRIES) {
                problems.add(Keys.HTTP_MAX_RETRIES, "must be a whole number from 0 to " + MAX_HTTP_MAX_RETRIES);
            }
            checkPositive(problems, Keys.RBAC_POLICY_TTL, rbacPolicyTtl);
            checkToken(problems, Keys.SESSION_COOKIE, sessionCookie);
            checkToken(problems, Keys.TOKEN_COOKIE, tokenCookie);
            checkToken(problems, Keys.TOKEN_HEADER, tokenHeader);
            if (cacheMaxEntries < 0) {
                problems.add(Keys.CACHE_MAX_ENTRIES, "must not be negative");
            }
            if (cacheMaxBytes < 0) {
                problems.add(Keys.CACHE_MAX_BYTES, "must not be negative");
            }
            if (sessionDurationMinutes != null && (sessionDurationMinutes < MIN_SESSION_DURATION_MINUTES
                    || sessionDurationMinutes > MAX_SESSION_DURATION_MINUTES)) {
                problems.add(Keys.SESSION_DURATION_MINUTES, "must be a whole number from "
                        + MIN_SESSION_DURATION_MINUTES + " to " + MAX_SESSION_DURATION_MINUTES);
            }
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            URI effectiveBaseUrl = baseUrl != null ? withoutTrailingSlash(baseUrl) : derivedBaseUrl(projectId);
            Set<String> issuers = new LinkedHashSet<>();
            issuers.add("stytch.com/" + projectId);
            if (baseUrl != null) {
                issuers.add(effectiveBaseUrl.toString());
            }
            issuers.addAll(additionalIssuers);
            URI effectiveJwksUrl = jwksUrl != null ? jwksUrl : URI.create(effectiveBaseUrl
                    + (vertical == Vertical.B2B ? "/v1/b2b/sessions/jwks/" : "/v1/sessions/jwks/") + projectId);
            return Optional.of(new StytchConfig(this, effectiveBaseUrl, Collections.unmodifiableSet(issuers),
                    effectiveJwksUrl));
        }

        private static URI derivedBaseUrl(String projectId) {
            return projectId.startsWith("project-live-") ? LIVE_BASE_URL : TEST_BASE_URL;
        }

        private static URI withoutTrailingSlash(URI uri) {
            String value = uri.toString();
            while (value.endsWith("/")) {
                value = value.substring(0, value.length() - 1);
            }
            return URI.create(value);
        }

        private static void checkHttpUrl(ConfigProblems problems, String key, URI uri) {
            if (uri == null) {
                return;
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                problems.add(key, "must be an absolute http or https URL without user info, query or fragment");
            }
        }

        private static void checkPositive(ConfigProblems problems, String key, Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                problems.add(key, "must be positive");
            }
        }

        private static void checkNotNegative(ConfigProblems problems, String key, Duration duration) {
            if (duration.isNegative()) {
                problems.add(key, "must not be negative");
            }
        }

        private static void checkToken(ConfigProblems problems, String key, String name) {
            if (name == null || !TOKEN_SYNTAX.matcher(name).matches()) {
                problems.add(key, "must be a non-empty name of letters, digits and !#$%&'*+-.^_`|~");
            }
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
