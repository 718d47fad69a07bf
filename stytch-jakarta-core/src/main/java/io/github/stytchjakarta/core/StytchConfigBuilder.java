package io.github.stytchjakarta.core;

import static io.github.stytchjakarta.core.internal.config.ConfigChecks.isBlank;

import io.github.stytchjakarta.core.StytchConfig.Keys;
import io.github.stytchjakarta.core.internal.config.ConfigChecks;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.webhook.SvixSignature;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link StytchConfig}. Every setting starts at its documented default (the {@code DEFAULT_*}
 * constants of {@link StytchConfig}); {@link #build()} validates all of them together and reports every
 * problem at once, each naming its key and never the value.
 *
 * <p>Not thread-safe.
 */
public final class StytchConfigBuilder {

    private static final Pattern PROJECT_ID_SYNTAX = Pattern.compile("[A-Za-z0-9_-]+");

    private String projectId;
    private String secret;
    private Vertical vertical = StytchConfig.DEFAULT_VERTICAL;
    private URI baseUrl;
    private List<String> additionalIssuers = List.of();
    private String audience;
    private Duration clockSkew = StytchConfig.DEFAULT_CLOCK_SKEW;
    private Duration maxTokenAge;
    private URI jwksUrl;
    private Duration jwksCacheTtl = StytchConfig.DEFAULT_JWKS_CACHE_TTL;
    private Duration jwksRefreshAhead = StytchConfig.DEFAULT_JWKS_REFRESH_AHEAD;
    private Duration jwksRateLimit = StytchConfig.DEFAULT_JWKS_RATE_LIMIT;
    private Duration jwksOutageTolerance = StytchConfig.DEFAULT_JWKS_OUTAGE_TOLERANCE;
    private boolean jwksPrefetch = StytchConfig.DEFAULT_JWKS_PREFETCH;
    private Duration httpConnectTimeout = StytchConfig.DEFAULT_HTTP_CONNECT_TIMEOUT;
    private Duration httpRequestTimeout = StytchConfig.DEFAULT_HTTP_REQUEST_TIMEOUT;
    private int httpMaxRetries = StytchConfig.DEFAULT_HTTP_MAX_RETRIES;
    private int httpMaxConcurrentCalls = StytchConfig.DEFAULT_HTTP_MAX_CONCURRENT_CALLS;
    private int httpCircuitFailureThreshold = StytchConfig.DEFAULT_HTTP_CIRCUIT_FAILURE_THRESHOLD;
    private Duration httpCircuitOpenDuration = StytchConfig.DEFAULT_HTTP_CIRCUIT_OPEN_DURATION;
    private Duration rbacPolicyTtl = StytchConfig.DEFAULT_RBAC_POLICY_TTL;
    private String sessionCookie = StytchConfig.DEFAULT_SESSION_COOKIE;
    private String tokenCookie = StytchConfig.DEFAULT_TOKEN_COOKIE;
    private String tokenHeader = StytchConfig.DEFAULT_TOKEN_HEADER;
    private int cacheMaxEntries = StytchConfig.DEFAULT_CACHE_MAX_ENTRIES;
    private int cacheMaxBytes = StytchConfig.DEFAULT_CACHE_MAX_BYTES;
    private Duration cacheRefusedTtl = StytchConfig.DEFAULT_CACHE_REFUSED_TTL;
    private boolean cacheOpaqueTokens = StytchConfig.DEFAULT_CACHE_OPAQUE_TOKENS;
    private Integer sessionDurationMinutes;
    private boolean startupCheck = StytchConfig.DEFAULT_STARTUP_CHECK;
    private String webhookSecret;
    private String webhookPath = StytchConfig.DEFAULT_WEBHOOK_PATH;
    private Duration webhookTolerance = StytchConfig.DEFAULT_WEBHOOK_TOLERANCE;
    private int webhookMaxBodyBytes = StytchConfig.DEFAULT_WEBHOOK_MAX_BODY_BYTES;
    private String introspectionClientId;
    private String introspectionClientSecret;
    private Duration introspectionCacheTtl = StytchConfig.DEFAULT_INTROSPECTION_CACHE_TTL;

    StytchConfigBuilder() {
    }

    /** @param projectId the project id (required) @return this builder */
    public StytchConfigBuilder projectId(String projectId) {
        this.projectId = projectId;
        return this;
    }

    /** @param secret the project secret (required) @return this builder */
    public StytchConfigBuilder secret(String secret) {
        this.secret = secret;
        return this;
    }

    /** @param vertical consumer or B2B; must not be {@code null} @return this builder */
    public StytchConfigBuilder vertical(Vertical vertical) {
        this.vertical = Objects.requireNonNull(vertical, "vertical");
        return this;
    }

    /**
     * @param baseUrl a custom API base URL (custom domain or emulator); {@code null} derives it from
     *                the project id. A trailing slash is removed. It is also accepted as JWT issuer.
     * @return this builder
     */
    public StytchConfigBuilder baseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** @param issuers issuers accepted besides the derived ones; must not be {@code null} @return this builder */
    public StytchConfigBuilder additionalIssuers(List<String> issuers) {
        this.additionalIssuers = List.copyOf(issuers);
        return this;
    }

    /** @param audience the required JWT audience; {@code null} means the project id @return this builder */
    public StytchConfigBuilder audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** @param clockSkew the tolerated clock skew; must not be {@code null} @return this builder */
    public StytchConfigBuilder clockSkew(Duration clockSkew) {
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        return this;
    }

    /**
     * @param maxTokenAge the maximum age of a JWT since {@code iat}, {@code null} for no limit;
     *                    {@link Duration#ZERO} sends every JWT to Stytch
     * @return this builder
     */
    public StytchConfigBuilder maxTokenAge(Duration maxTokenAge) {
        this.maxTokenAge = maxTokenAge;
        return this;
    }

    /** @param jwksUrl the JWKS URL; {@code null} derives it from base URL and vertical @return this builder */
    public StytchConfigBuilder jwksUrl(URI jwksUrl) {
        this.jwksUrl = jwksUrl;
        return this;
    }

    /** @param ttl the key set cache lifetime; must not be {@code null} @return this builder */
    public StytchConfigBuilder jwksCacheTtl(Duration ttl) {
        this.jwksCacheTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /** @param refreshAhead the background refresh lead time; must not be {@code null} @return this builder */
    public StytchConfigBuilder jwksRefreshAhead(Duration refreshAhead) {
        this.jwksRefreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        return this;
    }

    /** @param rateLimit minimum interval between unknown-kid fetches; must not be {@code null} @return this builder */
    public StytchConfigBuilder jwksRateLimit(Duration rateLimit) {
        this.jwksRateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        return this;
    }

    /** @param outageTolerance how long keys are kept while JWKS fails; must not be {@code null} @return this builder */
    public StytchConfigBuilder jwksOutageTolerance(Duration outageTolerance) {
        this.jwksOutageTolerance = Objects.requireNonNull(outageTolerance, "outageTolerance");
        return this;
    }

    /** @param prefetch whether to fetch the key set at start-up @return this builder */
    public StytchConfigBuilder jwksPrefetch(boolean prefetch) {
        this.jwksPrefetch = prefetch;
        return this;
    }

    /** @param timeout the connect timeout; must not be {@code null} @return this builder */
    public StytchConfigBuilder httpConnectTimeout(Duration timeout) {
        this.httpConnectTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** @param timeout the per-attempt request timeout; must not be {@code null} @return this builder */
    public StytchConfigBuilder httpRequestTimeout(Duration timeout) {
        this.httpRequestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** @param maxRetries retries of idempotent calls @return this builder */
    public StytchConfigBuilder httpMaxRetries(int maxRetries) {
        this.httpMaxRetries = maxRetries;
        return this;
    }

    /** @param maxCalls calls to Stytch in flight at once, at least 1 @return this builder */
    public StytchConfigBuilder httpMaxConcurrentCalls(int maxCalls) {
        this.httpMaxConcurrentCalls = maxCalls;
        return this;
    }

    /** @param failures failed calls in a row that open the circuit breaker, 0 to disable it @return this builder */
    public StytchConfigBuilder httpCircuitFailureThreshold(int failures) {
        this.httpCircuitFailureThreshold = failures;
        return this;
    }

    /** @param duration how long an open circuit fails calls; must not be {@code null} @return this builder */
    public StytchConfigBuilder httpCircuitOpenDuration(Duration duration) {
        this.httpCircuitOpenDuration = Objects.requireNonNull(duration, "duration");
        return this;
    }

    /** @param ttl the RBAC policy lifetime; must not be {@code null} @return this builder */
    public StytchConfigBuilder rbacPolicyTtl(Duration ttl) {
        this.rbacPolicyTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /** @param name the opaque session token cookie name @return this builder */
    public StytchConfigBuilder sessionCookie(String name) {
        this.sessionCookie = name;
        return this;
    }

    /** @param name the session JWT cookie name @return this builder */
    public StytchConfigBuilder tokenCookie(String name) {
        this.tokenCookie = name;
        return this;
    }

    /** @param name the bearer token header name @return this builder */
    public StytchConfigBuilder tokenHeader(String name) {
        this.tokenHeader = name;
        return this;
    }

    /** @param maxEntries the verified-token cache size, 0 to disable @return this builder */
    public StytchConfigBuilder cacheMaxEntries(int maxEntries) {
        this.cacheMaxEntries = maxEntries;
        return this;
    }

    /** @param maxBytes the verified-token cache's estimated memory bound in bytes, 0 to disable @return this builder */
    public StytchConfigBuilder cacheMaxBytes(int maxBytes) {
        this.cacheMaxBytes = maxBytes;
        return this;
    }

    /** @param ttl how long refused credentials are remembered, zero to disable; must not be {@code null} @return this builder */
    public StytchConfigBuilder cacheRefusedTtl(Duration ttl) {
        this.cacheRefusedTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /** @param cache whether remote results are cached until their session JWT expires @return this builder */
    public StytchConfigBuilder cacheOpaqueTokens(boolean cache) {
        this.cacheOpaqueTokens = cache;
        return this;
    }

    /** @param minutes session extension on remote checks, {@code null} for none @return this builder */
    public StytchConfigBuilder sessionDurationMinutes(Integer minutes) {
        this.sessionDurationMinutes = minutes;
        return this;
    }

    /**
     * @param check whether {@link Stytch#create} calls {@code GET /v1/debug/whoami} and fails with a
     *              {@link StytchConfigException} naming {@code stytch.secret}, {@code stytch.project-id} or
     *              {@code stytch.base-url} when Stytch refuses the credentials, answers for another project,
     *              or no Stytch API answers at the base URL; with an introspection client, also when Stytch refuses it
     *              (naming {@code stytch.connected-apps.introspection.client-id} and {@code client-secret})
     * @return this builder
     */
    public StytchConfigBuilder startupCheck(boolean check) {
        this.startupCheck = check;
        return this;
    }

    /**
     * @param secret the webhook endpoint's signing secret ({@code whsec_<base64 key>} from the Stytch dashboard),
     *               {@code null} for no endpoint
     * @return this builder
     */
    public StytchConfigBuilder webhookSecret(String secret) {
        this.webhookSecret = secret;
        return this;
    }

    /** @param path the webhook endpoint's context-relative path; must not be {@code null} @return this builder */
    public StytchConfigBuilder webhookPath(String path) {
        this.webhookPath = Objects.requireNonNull(path, "path");
        return this;
    }

    /** @param tolerance the webhook timestamp tolerance; must not be {@code null} @return this builder */
    public StytchConfigBuilder webhookTolerance(Duration tolerance) {
        this.webhookTolerance = Objects.requireNonNull(tolerance, "tolerance");
        return this;
    }

    /** @param maxBodyBytes the largest webhook body accepted @return this builder */
    public StytchConfigBuilder webhookMaxBodyBytes(int maxBodyBytes) {
        this.webhookMaxBodyBytes = maxBodyBytes;
        return this;
    }

    /**
     * @param clientId the client id of the Connected App that authenticates introspection calls, {@code null} for no
     *                 introspection; set together with {@link #introspectionClientSecret}
     * @return this builder
     */
    public StytchConfigBuilder introspectionClientId(String clientId) {
        this.introspectionClientId = clientId;
        return this;
    }

    /**
     * @param clientSecret the client secret of that Connected App, {@code null} for no introspection
     * @return this builder
     */
    public StytchConfigBuilder introspectionClientSecret(String clientSecret) {
        this.introspectionClientSecret = clientSecret;
        return this;
    }

    /**
     * @param ttl how long Stytch's "active" answer for a token is reused, zero to ask on every request; must not be
     *            {@code null}
     * @return this builder
     */
    public StytchConfigBuilder introspectionCacheTtl(Duration ttl) {
        this.introspectionCacheTtl = Objects.requireNonNull(ttl, "ttl");
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
        check(problems);
        problems.throwIfAny();
        URI effectiveBaseUrl = baseUrl != null ? withoutTrailingSlash(baseUrl) : derivedBaseUrl(projectId);
        Set<String> issuers = new LinkedHashSet<>();
        issuers.add("stytch.com/" + projectId);
        if (baseUrl != null) {
            issuers.add(effectiveBaseUrl.toString());
        }
        issuers.addAll(additionalIssuers);
        URI effectiveJwksUrl = jwksUrl != null ? jwksUrl : URI.create(effectiveBaseUrl
                + (vertical == Vertical.B2B ? "/v1/b2b/sessions/jwks/" : "/v1/sessions/jwks/") + projectId);
        return new StytchConfig(projectId, secret, vertical, effectiveBaseUrl, startupCheck,
                new JwtSettings(issuers, audience != null ? audience : projectId, clockSkew, Optional.ofNullable(maxTokenAge)),
                new JwksSettings(effectiveJwksUrl, jwksCacheTtl, jwksRefreshAhead, jwksRateLimit, jwksOutageTolerance,
                        jwksPrefetch),
                new HttpSettings(httpConnectTimeout, httpRequestTimeout, httpMaxRetries, httpMaxConcurrentCalls,
                        httpCircuitFailureThreshold, httpCircuitOpenDuration),
                new RbacSettings(rbacPolicyTtl),
                new SessionSettings(sessionCookie, sessionDurationMinutes == null ? OptionalInt.empty()
                        : OptionalInt.of(sessionDurationMinutes)),
                new TokenSettings(tokenCookie, tokenHeader),
                new CacheSettings(cacheMaxEntries, cacheMaxBytes, cacheRefusedTtl, cacheOpaqueTokens),
                new WebhookSettings(Optional.ofNullable(webhookSecret), webhookPath, webhookTolerance, webhookMaxBodyBytes),
                new IntrospectionSettings(Optional.ofNullable(introspectionClientId),
                        Optional.ofNullable(introspectionClientSecret), introspectionCacheTtl));
    }

    private void check(ConfigProblems problems) {
        if (isBlank(projectId)) {
            problems.add(Keys.PROJECT_ID, "is required");
        } else if (!PROJECT_ID_SYNTAX.matcher(projectId).matches()) {
            problems.add(Keys.PROJECT_ID, "must contain only letters, digits, '-' and '_'");
        }
        if (isBlank(secret)) {
            problems.add(Keys.SECRET, "is required");
        }
        ConfigChecks.httpUrl(problems, Keys.BASE_URL, baseUrl);
        ConfigChecks.httpUrl(problems, Keys.JWKS_URL, jwksUrl);
        for (String issuer : additionalIssuers) {
            if (isBlank(issuer)) {
                problems.add(Keys.JWT_ISSUERS, "must not contain blank issuers");
            }
        }
        if (audience != null && isBlank(audience)) {
            problems.add(Keys.JWT_AUDIENCE, "must not be blank");
        }
        ConfigChecks.notNegative(problems, Keys.JWT_CLOCK_SKEW, clockSkew);
        if (clockSkew.compareTo(StytchConfig.MAX_CLOCK_SKEW) > 0) {
            problems.add(Keys.JWT_CLOCK_SKEW, "must be at most " + StytchConfig.MAX_CLOCK_SKEW);
        }
        if (maxTokenAge != null) {
            ConfigChecks.notNegative(problems, Keys.JWT_MAX_TOKEN_AGE, maxTokenAge);
        }
        ConfigChecks.positive(problems, Keys.JWKS_CACHE_TTL, jwksCacheTtl);
        ConfigChecks.notNegative(problems, Keys.JWKS_REFRESH_AHEAD, jwksRefreshAhead);
        ConfigChecks.notNegative(problems, Keys.JWKS_RATE_LIMIT, jwksRateLimit);
        ConfigChecks.notNegative(problems, Keys.JWKS_OUTAGE_TOLERANCE, jwksOutageTolerance);
        ConfigChecks.positive(problems, Keys.HTTP_CONNECT_TIMEOUT, httpConnectTimeout);
        ConfigChecks.positive(problems, Keys.HTTP_REQUEST_TIMEOUT, httpRequestTimeout);
        if (jwksRefreshAhead.plus(httpConnectTimeout).plus(httpRequestTimeout).compareTo(jwksCacheTtl) >= 0) {
            problems.add(Keys.JWKS_REFRESH_AHEAD, "plus the connect and request timeouts must be shorter than "
                    + Keys.JWKS_CACHE_TTL);
        }
        ConfigChecks.between(problems, Keys.HTTP_MAX_RETRIES, httpMaxRetries, 0, StytchConfig.MAX_HTTP_MAX_RETRIES);
        ConfigChecks.atLeast(problems, Keys.HTTP_MAX_CONCURRENT_CALLS, httpMaxConcurrentCalls, 1);
        ConfigChecks.atLeast(problems, Keys.HTTP_CIRCUIT_FAILURE_THRESHOLD, httpCircuitFailureThreshold, 0);
        ConfigChecks.positive(problems, Keys.HTTP_CIRCUIT_OPEN_DURATION, httpCircuitOpenDuration);
        ConfigChecks.positive(problems, Keys.RBAC_POLICY_TTL, rbacPolicyTtl);
        ConfigChecks.token(problems, Keys.SESSION_COOKIE, sessionCookie);
        ConfigChecks.token(problems, Keys.TOKEN_COOKIE, tokenCookie);
        ConfigChecks.token(problems, Keys.TOKEN_HEADER, tokenHeader);
        ConfigChecks.atLeast(problems, Keys.CACHE_MAX_ENTRIES, cacheMaxEntries, 0);
        ConfigChecks.atLeast(problems, Keys.CACHE_MAX_BYTES, cacheMaxBytes, 0);
        ConfigChecks.notNegative(problems, Keys.CACHE_REFUSED_TTL, cacheRefusedTtl);
        if (sessionDurationMinutes != null) {
            ConfigChecks.between(problems, Keys.SESSION_DURATION_MINUTES, sessionDurationMinutes,
                    StytchConfig.MIN_SESSION_DURATION_MINUTES, StytchConfig.MAX_SESSION_DURATION_MINUTES);
        }
        checkWebhook(problems);
        checkIntrospection(problems);
    }

    // one without the other would only fail at the first introspection, with Stytch's invalid_client
    private void checkIntrospection(ConfigProblems problems) {
        if (introspectionClientId != null && isBlank(introspectionClientId)) {
            problems.add(Keys.INTROSPECTION_CLIENT_ID, "must not be blank");
        }
        if (introspectionClientSecret != null && isBlank(introspectionClientSecret)) {
            problems.add(Keys.INTROSPECTION_CLIENT_SECRET, "must not be blank");
        }
        if (introspectionClientId != null && introspectionClientSecret == null) {
            problems.add(Keys.INTROSPECTION_CLIENT_SECRET, "is required with " + Keys.INTROSPECTION_CLIENT_ID);
        }
        if (introspectionClientSecret != null && introspectionClientId == null) {
            problems.add(Keys.INTROSPECTION_CLIENT_ID, "is required with " + Keys.INTROSPECTION_CLIENT_SECRET);
        }
        ConfigChecks.notNegative(problems, Keys.INTROSPECTION_CACHE_TTL, introspectionCacheTtl);
    }

    private void checkWebhook(ConfigProblems problems) {
        if (webhookSecret != null && !SvixSignature.isValidSecret(webhookSecret)) {
            problems.add(Keys.WEBHOOK_SECRET, "must be the endpoint's signing secret as Stytch shows it: whsec_ followed "
                    + "by a base64 key of at least " + SvixSignature.MIN_KEY_BYTES + " bytes");
        }
        if (!webhookPath.startsWith("/") || webhookPath.contains("*") || webhookPath.contains("?")) {
            problems.add(Keys.WEBHOOK_PATH, "must be a context-relative path starting with / without wildcards");
        }
        ConfigChecks.positive(problems, Keys.WEBHOOK_TOLERANCE, webhookTolerance);
        if (webhookTolerance.compareTo(StytchConfig.MAX_WEBHOOK_TOLERANCE) > 0) {
            problems.add(Keys.WEBHOOK_TOLERANCE, "must be at most " + StytchConfig.MAX_WEBHOOK_TOLERANCE);
        }
        ConfigChecks.between(problems, Keys.WEBHOOK_MAX_BODY_BYTES, webhookMaxBodyBytes, 1,
                StytchConfig.MAX_WEBHOOK_MAX_BODY_BYTES);
    }

    private static URI derivedBaseUrl(String projectId) {
        return projectId.startsWith("project-live-") ? StytchConfig.LIVE_BASE_URL : StytchConfig.TEST_BASE_URL;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String value = uri.toString();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return URI.create(value);
    }
}

