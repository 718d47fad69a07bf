package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.core.internal.config.StytchConfigReading;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StytchConfigTest {

    private static final String TEST_PROJECT = "project-test-11111111-2222-3333-4444-555555555555";
    private static final String LIVE_PROJECT = "project-live-11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "secret-test-do-not-print-me";

    private static Map<String, String> minimal(String projectId) {
        Map<String, String> values = new HashMap<>();
        values.put("stytch.project-id", projectId);
        values.put("stytch.secret", SECRET);
        return values;
    }

    @Test
    void loadWhenOnlyRequiredKeysThenEveryDefaultApplies() {
        StytchConfig config = StytchConfig.load(ConfigSource.of(minimal(TEST_PROJECT)));

        assertThat(config.vertical()).isEqualTo(Vertical.CONSUMER);
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://test.stytch.com"));
        assertThat(config.jwt().issuers()).containsExactly("stytch.com/" + TEST_PROJECT);
        assertThat(config.jwt().audience()).isEqualTo(TEST_PROJECT);
        assertThat(config.jwks().url()).isEqualTo(URI.create("https://test.stytch.com/v1/sessions/jwks/" + TEST_PROJECT));
        assertThat(config.jwt().clockSkew()).isEqualTo(StytchConfig.DEFAULT_CLOCK_SKEW);
        assertThat(config.jwt().maxTokenAge()).isEmpty();
        assertThat(config.jwks().cacheTtl()).isEqualTo(StytchConfig.DEFAULT_JWKS_CACHE_TTL);
        assertThat(config.jwks().refreshAhead()).isEqualTo(StytchConfig.DEFAULT_JWKS_REFRESH_AHEAD);
        assertThat(config.jwks().rateLimit()).isEqualTo(StytchConfig.DEFAULT_JWKS_RATE_LIMIT);
        assertThat(config.jwks().outageTolerance()).isEqualTo(StytchConfig.DEFAULT_JWKS_OUTAGE_TOLERANCE);
        assertThat(config.jwks().prefetch()).isFalse();
        assertThat(config.http().connectTimeout()).isEqualTo(StytchConfig.DEFAULT_HTTP_CONNECT_TIMEOUT);
        assertThat(config.http().requestTimeout()).isEqualTo(StytchConfig.DEFAULT_HTTP_REQUEST_TIMEOUT);
        assertThat(config.http().maxRetries()).isEqualTo(StytchConfig.DEFAULT_HTTP_MAX_RETRIES);
        assertThat(config.rbac().policyTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.session().cookie()).isEqualTo("stytch_session");
        assertThat(config.token().cookie()).isEqualTo("stytch_session_jwt");
        assertThat(config.token().header()).isEqualTo("Authorization");
        assertThat(config.cache().maxEntries()).isEqualTo(StytchConfig.DEFAULT_CACHE_MAX_ENTRIES);
        assertThat(config.cache().maxBytes()).isEqualTo(StytchConfig.DEFAULT_CACHE_MAX_BYTES);
        assertThat(config.session().durationMinutes()).isEmpty();
        assertThat(config.startupCheck()).isEqualTo(StytchConfig.DEFAULT_STARTUP_CHECK).isFalse();
    }

    @Test
    void loadWhenLiveProjectThenLiveBaseUrl() {
        StytchConfig config = StytchConfig.load(ConfigSource.of(minimal(LIVE_PROJECT)));

        assertThat(config.baseUrl()).isEqualTo(StytchConfig.LIVE_BASE_URL);
    }

    @Test
    void loadWhenB2bThenB2bJwksUrl() {
        Map<String, String> values = minimal(TEST_PROJECT);
        values.put("stytch.vertical", "B2B");

        StytchConfig config = StytchConfig.load(ConfigSource.of(values));

        assertThat(config.vertical()).isEqualTo(Vertical.B2B);
        assertThat(config.jwks().url()).hasToString("https://test.stytch.com/v1/b2b/sessions/jwks/" + TEST_PROJECT);
    }

    @Test
    void loadWhenCustomBaseUrlThenTrailingSlashRemovedAndAcceptedAsIssuer() {
        Map<String, String> values = minimal(LIVE_PROJECT);
        values.put("stytch.base-url", "https://login.example.com/");
        values.put("stytch.jwt.issuers", " https://legacy.example.com , ,other ");

        StytchConfig config = StytchConfig.load(ConfigSource.of(values));

        assertThat(config.baseUrl()).hasToString("https://login.example.com");
        assertThat(config.jwt().issuers()).containsExactly("stytch.com/" + LIVE_PROJECT, "https://login.example.com",
                "https://legacy.example.com", "other");
        assertThat(config.jwks().url()).hasToString("https://login.example.com/v1/sessions/jwks/" + LIVE_PROJECT);
    }

    @Test
    void loadWhenDurationsInIsoOrSecondsThenBothRead() {
        Map<String, String> values = minimal(TEST_PROJECT);
        values.put("stytch.jwt.clock-skew", "PT10S");
        values.put("stytch.jwt.max-token-age", "120");
        values.put("stytch.session.duration-minutes", "60");
        values.put("stytch.jwks.prefetch", "TRUE");
        values.put("stytch.startup-check", "true");

        StytchConfig config = StytchConfig.load(ConfigSource.of(values));

        assertThat(config.jwt().clockSkew()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.jwt().maxTokenAge()).contains(Duration.ofMinutes(2));
        assertThat(config.session().durationMinutes()).hasValue(60);
        assertThat(config.jwks().prefetch()).isTrue();
        assertThat(config.startupCheck()).isTrue();
        assertThat(config.toString()).contains("startupCheck=true");
    }

    @Test
    void loadWhenManyProblemsThenAllReportedWithTheirKeys() {
        Map<String, String> values = new HashMap<>();
        values.put("stytch.vertical", "enterprise");
        values.put("stytch.base-url", "ftp://example.com");
        values.put("stytch.jwt.clock-skew", "ten seconds");
        values.put("stytch.http.max-retries", "99");
        values.put("stytch.session.duration-minutes", "1");
        values.put("stytch.token.cookie", "bad cookie");

        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(() -> StytchConfig.load(ConfigSource.of(values)))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                        "stytch.project-id", "stytch.secret", "stytch.vertical", "stytch.base-url",
                        "stytch.jwt.clock-skew", "stytch.http.max-retries", "stytch.session.duration-minutes",
                        "stytch.token.cookie"))
                .withMessageContaining("stytch.vertical: must be one of consumer, b2b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"64m", "-1", "1.5", "99999999999"})
    void loadWhenCacheMaxBytesInvalidThenProblemNamesTheKey(String value) {
        Map<String, String> values = new HashMap<>(Map.of("stytch.project-id", "project-test-1", "stytch.secret", SECRET));
        values.put("stytch.cache.max-bytes", value);

        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(() -> StytchConfig.load(ConfigSource.of(values)))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("stytch.cache.max-bytes"));
    }

    @Test
    void loadWhenCacheMaxBytesSetThenRead() {
        StytchConfig config = StytchConfig.load(ConfigSource.of(Map.of("stytch.project-id", "project-test-1",
                "stytch.secret", SECRET, "stytch.cache.max-bytes", "1048576")));

        assertThat(config.cache().maxBytes()).isEqualTo(1_048_576);
    }

    @Test
    void buildWhenValuesInvalidThenProblemsNeverEchoValues() {
        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(() -> StytchConfig.builder().projectId("project test/with spaces").secret(SECRET)
                        .clockSkew(Duration.ofMinutes(10)).jwksCacheTtl(Duration.ofSeconds(20)).build())
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly(
                        "stytch.project-id", "stytch.jwt.clock-skew", "stytch.jwks.refresh-ahead"))
                .withMessageNotContaining("with spaces")
                .withMessageNotContaining(SECRET);
    }

    @Test
    void toStringWhenSecretSetThenMasked() {
        StytchConfig config = StytchConfig.builder().projectId(TEST_PROJECT).secret(SECRET).build();

        assertThat(config.toString()).contains(TEST_PROJECT).contains("secret=****").doesNotContain(SECRET);
    }

    @Test
    void loadWhenEnvironmentThenMicroProfileNamesUsed() {
        ConfigSource environment = ConfigSource.environment(Map.of(
                "STYTCH_PROJECT_ID", TEST_PROJECT,
                "STYTCH_SECRET", SECRET,
                "STYTCH_JWT_CLOCK_SKEW", "5"));

        StytchConfig config = StytchConfig.load(environment);

        assertThat(config.projectId()).isEqualTo(TEST_PROJECT);
        assertThat(config.jwt().clockSkew()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void readWhenSharedProblemsThenCallerAddsItsOwnAndAllAreThrownTogether() {
        ConfigProblems problems = new ConfigProblems();
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.web.mode", "sideways")), problems);

        assertThat(StytchConfigReading.read(reader)).isEmpty();
        reader.requiredString("stytch.web.login-page");

        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(problems::throwIfAny)
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                        .containsExactly("stytch.project-id", "stytch.secret", "stytch.web.login-page"));
    }

    @Test
    void readWhenBlankValuesThenTreatedAsAbsent() {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("a", "  ", "b", "x, ,y")), new ConfigProblems());

        assertThat(reader.string("a")).isEmpty();
        assertThat(reader.list("b")).isEqualTo(List.of("x", "y"));
        assertThat(reader.problems().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ConfigReader", "ConfigProblems", "ConfigKeys"})
    void apiWhenInspectedThenConfigPlumbingIsInternal(String name) {
        // plumbing public only for the sibling modules must not be API users can depend on
        assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> Class.forName(StytchConfig.class.getPackageName() + "." + name));
        assertThat(Arrays.stream(StytchConfig.class.getMethods()).map(Method::getName)).doesNotContain("read");
    }
}
