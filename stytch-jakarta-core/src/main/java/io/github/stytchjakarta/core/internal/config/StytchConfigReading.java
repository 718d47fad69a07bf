package io.github.stytchjakarta.core.internal.config;

import static io.github.stytchjakarta.core.StytchConfig.MAX_HTTP_MAX_RETRIES;
import static io.github.stytchjakarta.core.StytchConfig.MAX_SESSION_DURATION_MINUTES;
import static io.github.stytchjakarta.core.StytchConfig.MAX_WEBHOOK_MAX_BODY_BYTES;
import static io.github.stytchjakarta.core.StytchConfig.MIN_SESSION_DURATION_MINUTES;

import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfig.Keys;
import io.github.stytchjakarta.core.StytchConfigBuilder;
import io.github.stytchjakarta.core.Vertical;
import java.util.Optional;

/**
 * Reads core's {@code stytch.*} keys into a {@link StytchConfig}: every value through {@link ConfigReader},
 * then the builder's validation, so that unreadable and invalid values are reported together.
 *
 * <p>Stateless and thread-safe.
 */
public final class StytchConfigReading {

    private StytchConfigReading() {
    }

    /**
     * Reads and validates the configuration from a source.
     *
     * @param source where the keys are read; must not be {@code null}
     * @return the configuration
     * @throws io.github.stytchjakarta.core.StytchConfigException listing every problem found
     */
    public static StytchConfig load(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source, new ConfigProblems());
        Optional<StytchConfig> config = read(reader);
        reader.problems().throwIfAny();
        return config.orElseThrow();
    }

    /**
     * Reads the configuration, recording problems in the reader's {@link ConfigProblems} instead of
     * throwing, so that a module can report its own keys' problems together with core's.
     *
     * @param reader the reader; must not be {@code null}
     * @return the configuration, or empty when any of core's keys has a problem
     */
    public static Optional<StytchConfig> read(ConfigReader reader) {
        // core's own collection: other modules' problems already in the reader must not hide a valid config
        ConfigProblems problems = new ConfigProblems();
        Optional<StytchConfig> config = read(new ConfigReader(reader.source(), problems), problems);
        reader.problems().addAll(problems.list());
        return config;
    }

    private static Optional<StytchConfig> read(ConfigReader reader, ConfigProblems problems) {
        StytchConfigBuilder builder = StytchConfig.builder();
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
        reader.integer(Keys.HTTP_MAX_CONCURRENT_CALLS, 1, Integer.MAX_VALUE).ifPresent(builder::httpMaxConcurrentCalls);
        reader.integer(Keys.HTTP_CIRCUIT_FAILURE_THRESHOLD, 0, Integer.MAX_VALUE).ifPresent(builder::httpCircuitFailureThreshold);
        reader.duration(Keys.HTTP_CIRCUIT_OPEN_DURATION).ifPresent(builder::httpCircuitOpenDuration);
        reader.duration(Keys.RBAC_POLICY_TTL).ifPresent(builder::rbacPolicyTtl);
        reader.string(Keys.SESSION_COOKIE).ifPresent(builder::sessionCookie);
        reader.string(Keys.TOKEN_COOKIE).ifPresent(builder::tokenCookie);
        reader.string(Keys.TOKEN_HEADER).ifPresent(builder::tokenHeader);
        reader.integer(Keys.CACHE_MAX_ENTRIES, 0, Integer.MAX_VALUE).ifPresent(builder::cacheMaxEntries);
        reader.integer(Keys.CACHE_MAX_BYTES, 0, Integer.MAX_VALUE).ifPresent(builder::cacheMaxBytes);
        reader.duration(Keys.CACHE_REFUSED_TTL).ifPresent(builder::cacheRefusedTtl);
        reader.bool(Keys.CACHE_OPAQUE_TOKENS).ifPresent(builder::cacheOpaqueTokens);
        reader.integer(Keys.SESSION_DURATION_MINUTES, MIN_SESSION_DURATION_MINUTES, MAX_SESSION_DURATION_MINUTES)
                .ifPresent(builder::sessionDurationMinutes);
        reader.bool(Keys.STARTUP_CHECK).ifPresent(builder::startupCheck);
        reader.string(Keys.WEBHOOK_SECRET).ifPresent(builder::webhookSecret);
        reader.string(Keys.WEBHOOK_PATH).ifPresent(builder::webhookPath);
        reader.duration(Keys.WEBHOOK_TOLERANCE).ifPresent(builder::webhookTolerance);
        reader.integer(Keys.WEBHOOK_MAX_BODY_BYTES, 1, MAX_WEBHOOK_MAX_BODY_BYTES).ifPresent(builder::webhookMaxBodyBytes);
        reader.string(Keys.INTROSPECTION_CLIENT_ID).ifPresent(builder::introspectionClientId);
        reader.string(Keys.INTROSPECTION_CLIENT_SECRET).ifPresent(builder::introspectionClientSecret);
        reader.duration(Keys.INTROSPECTION_CACHE_TTL).ifPresent(builder::introspectionCacheTtl);
        Optional<StytchConfig> config = problems.validated(builder::build);
        return problems.isEmpty() ? config : Optional.empty();
    }
}
