package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.stytchjakarta.core.ConfigProblem;
import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.core.internal.config.StytchConfigReading;
import io.github.stytchjakarta.filter.internal.WebConfigReading;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StytchWebConfigTest {

    @Test
    void allWhenKeysDeclaredThenEveryConstantButThePrefixListed() {
        List<String> constants = Arrays.stream(StytchWebConfig.Keys.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(field -> {
                    try {
                        return (String) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                })
                .filter(key -> !key.equals(StytchWebConfig.Keys.ROLE_MAPPING_PREFIX)).toList();

        assertThat(StytchWebConfig.Keys.ALL).containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void builderWhenNothingSetThenDocumentedDefaults() {
        StytchWebConfig config = StytchWebConfig.builder().build();

        assertThat(config.mode()).isEqualTo(StytchWebConfig.DEFAULT_MODE).isEqualTo(StytchWebConfig.Mode.AUTO);
        assertThat(config.loginPage()).isEmpty();
        assertThat(config.returnParameter()).isEqualTo("return_to");
        assertThat(config.protectedPaths()).containsExactly("/**");
        assertThat(config.publicPaths()).isEmpty();
        assertThat(config.permissions().rules()).isEmpty();
        assertThat(config.permissions().unmatchedMethods()).isEqualTo(StytchWebConfig.DEFAULT_PERMISSIONS_UNMATCHED_METHODS)
                .isEqualTo(StytchWebConfig.UnmatchedMethods.AUTHENTICATED);
        assertThat(config.logout().path()).isEqualTo("/logout");
        assertThat(config.logout().allowGet()).isFalse();
        assertThat(config.logout().redirect()).isEqualTo("/");
        assertThat(config.realm()).isEqualTo("stytch");
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.csrf().enabled()).isTrue();
        assertThat(config.csrf().allowedOrigins()).isEmpty();
        assertThat(config.cookies().httpOnly()).isFalse();
        assertThat(config.cookies().secure()).isEqualTo(StytchWebConfig.SecureCookies.AUTO);
        assertThat(config.cookies().path()).isEqualTo("/");
        assertThat(config.cookies().domain()).isEmpty();
        assertThat(config.roles().mapping()).isEmpty();
        assertThat(config.roles().organizationRoles()).isEqualTo(StytchWebConfig.DEFAULT_ORGANIZATION_ROLES)
                .isEqualTo(StytchWebConfig.OrganizationRoles.EXCLUDE);
        assertThat(config.accessTokens()).isEqualTo(StytchWebConfig.DEFAULT_ACCESS_TOKENS)
                .containsExactly(StytchWebConfig.AccessTokenKind.SESSION);
    }

    @Test
    void readWhenAccessTokensListedInAnyCaseThenEachKindAllowed() {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.web.access-tokens", " M2M, connected-app ")),
                new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of());

        assertThat(reader.problems().list()).isEmpty();
        assertThat(config.orElseThrow().accessTokens())
                .containsExactly(StytchWebConfig.AccessTokenKind.M2M, StytchWebConfig.AccessTokenKind.CONNECTED_APP);
    }

    @Test
    void readWhenAccessTokenPathRulesThenInOrder() {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.web.access-tokens.paths",
                "/api/reports/**=m2m; /mcp/** = Connected-App, session\n")), new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of());

        assertThat(reader.problems().list()).isEmpty();
        assertThat(config.orElseThrow().accessTokenPaths()).containsExactly(
                new PathAccessTokens("/api/reports/**", Set.of(StytchWebConfig.AccessTokenKind.M2M)),
                new PathAccessTokens("/mcp/**", Set.of(StytchWebConfig.AccessTokenKind.SESSION,
                        StytchWebConfig.AccessTokenKind.CONNECTED_APP)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/**", "/api/**=robots", "api/**=m2m", "/api/**="})
    void readWhenAccessTokenPathRuleInvalidThenProblemNamesTheKeyAndRuleNotTheValue(String value) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.web.access-tokens.paths", "/ok/**=m2m;" + value)),
                new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of());

        assertThat(config).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.web.access-tokens.paths");
        assertThat(reader.problems().list().toString()).contains("rule 2").doesNotContain("robots").doesNotContain("api/**");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessions", "m2m;session", ","})
    void readWhenAccessTokensUnknownOrEmptyThenProblemNamesTheKeyNotTheValue(String value) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.web.access-tokens", value)), new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of());

        assertThat(config).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.web.access-tokens");
        assertThat(reader.problems().list().toString()).doesNotContain("sessions").doesNotContain("m2m;session");
    }

    @Test
    void readWhenEveryKeySetThenConfigurationHoldsThem() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("stytch.web.mode", "browser");
        values.put("stytch.web.login-page", "/signin?tab=email");
        values.put("stytch.web.return-parameter", "next");
        values.put("stytch.web.protected-paths", "/app/**, /api/**");
        values.put("stytch.web.public-paths", "/api/health");
        values.put("stytch.web.permissions", "GET /api/documents/** documents:read,\n  * /admin/** stytch.organization:*\n");
        values.put("stytch.web.permissions.unmatched-methods", "deny");
        values.put("stytch.web.logout-path", "/auth/logout");
        values.put("stytch.web.logout-allow-get", "true");
        values.put("stytch.web.logout-redirect", "/bye");
        values.put("stytch.web.realm", "acme");
        values.put("stytch.web.retry-after", "30");
        values.put("stytch.web.csrf.enabled", "false");
        values.put("stytch.web.csrf.allowed-origins", "https://SPA.example.com:443, http://localhost:3000");
        values.put("stytch.web.cookie.http-only", "true");
        values.put("stytch.web.cookie.secure", "always");
        values.put("stytch.web.cookie.path", "/app");
        values.put("stytch.web.cookie.domain", "example.com");
        values.put("stytch.roles.mapping.stytch_admin", "admin, auditor");
        values.put("stytch.roles.mapping.editor", "writer");
        values.put("stytch.roles.organization-roles", "include");
        ConfigReader reader = new ConfigReader(ConfigSource.of(values), new ConfigProblems());

        StytchWebConfig config = WebConfigReading.read(reader, values.keySet()).orElseThrow();

        assertThat(reader.problems().isEmpty()).isTrue();
        assertThat(config.mode()).isEqualTo(StytchWebConfig.Mode.BROWSER);
        assertThat(config.loginPage()).hasValue("/signin?tab=email");
        assertThat(config.returnParameter()).isEqualTo("next");
        assertThat(config.protectedPaths()).containsExactly("/app/**", "/api/**");
        assertThat(config.publicPaths()).containsExactly("/api/health");
        assertThat(config.permissions().rules()).containsExactly(
                new PathPermission("GET", "/api/documents/**", new Permission("documents", "read")),
                new PathPermission("*", "/admin/**", new Permission("stytch.organization", "*")));
        assertThat(config.permissions().unmatchedMethods()).isEqualTo(StytchWebConfig.UnmatchedMethods.DENY);
        assertThat(config.logout().path()).isEqualTo("/auth/logout");
        assertThat(config.logout().allowGet()).isTrue();
        assertThat(config.logout().redirect()).isEqualTo("/bye");
        assertThat(config.realm()).isEqualTo("acme");
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.csrf().enabled()).isFalse();
        assertThat(config.csrf().allowedOrigins()).containsExactly("https://spa.example.com", "http://localhost:3000");
        assertThat(config.cookies().httpOnly()).isTrue();
        assertThat(config.cookies().secure()).isEqualTo(StytchWebConfig.SecureCookies.ALWAYS);
        assertThat(config.cookies().path()).isEqualTo("/app");
        assertThat(config.cookies().domain()).hasValue("example.com");
        assertThat(config.roles().mapping()).containsExactly(Map.entry("editor", Set.of("writer")),
                Map.entry("stytch_admin", Set.of("admin", "auditor")));
        assertThat(config.roles().organizationRoles()).isEqualTo(StytchWebConfig.OrganizationRoles.INCLUDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inclde", "yes", "include,exclude"})
    void readWhenOrganizationRolesMisspeltThenProblemNamesTheKeyNotTheValue(String value) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.roles.organization-roles", value)),
                new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of());

        assertThat(config).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.roles.organization-roles");
        assertThat(reader.problems().list().toString()).contains("must be one of exclude, include").doesNotContain(value);
    }

    @Test
    void readWhenRoleMappingsInOneEnvironmentVariableThenEveryEntryMapped() {
        ConfigSource environment = ConfigSource.environment(Map.of(
                "STYTCH_ROLES_MAPPING", " stytch_admin = admin, auditor ;\neditor=writer;",
                "STYTCH_ROLES_MAPPING_IGNORED", "not a key this library reads"));
        ConfigReader reader = new ConfigReader(environment, new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of());

        assertThat(reader.problems().list()).isEmpty();
        assertThat(config).get().extracting(web -> web.roles().mapping()).isEqualTo(Map.of(
                "stytch_admin", Set.of("admin", "auditor"), "editor", Set.of("writer")));
    }

    @Test
    void readWhenRoleMappingsAndPerRoleKeysThenCombined() {
        Map<String, String> values = Map.of("stytch.roles.mapping.editor", "writer",
                "stytch.roles.mapping", "stytch_admin=admin");
        ConfigReader reader = new ConfigReader(ConfigSource.of(values), new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, values.keySet());

        assertThat(config).get().extracting(web -> web.roles().mapping()).isEqualTo(Map.of(
                "stytch_admin", Set.of("admin"), "editor", Set.of("writer")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stytch_admin", "stytch_admin=", "=admin", "stytch_admin=admin auditor",
                            "editor=writer;editor=reviewer"})
    void readWhenRoleMappingsEntryInvalidThenProblemNamesTheKeyNotTheValue(String value) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.roles.mapping", value)), new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of("stytch.roles.mapping"));

        assertThat(config).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.roles.mapping");
        assertThat(reader.problems().list().toString()).doesNotContain("admin").doesNotContain("writer");
    }

    @Test
    void readWhenRoleMappedByPerRoleKeyAndInOneKeyThenProblem() {
        Map<String, String> values = Map.of("stytch.roles.mapping.editor", "writer",
                "stytch.roles.mapping", "editor=reviewer");
        ConfigReader reader = new ConfigReader(ConfigSource.of(values), new ConfigProblems());

        assertThat(WebConfigReading.read(reader, values.keySet())).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.roles.mapping");
    }

    @Test
    void readWhenCoreAndWebKeysInvalidThenEveryProblemReportedTogetherWithoutValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("stytch.secret", "secret-test-value");
        values.put("stytch.web.mode", "sometimes");
        values.put("stytch.web.login-page", "//evil.example");
        values.put("stytch.web.protected-paths", "/ok/**, no-slash");
        values.put("stytch.web.permissions", "GET /api/** documents:read, FETCH-IT /x documents, GET /y");
        values.put("stytch.web.permissions.unmatched-methods", "refuse-quietly");
        values.put("stytch.web.realm", "a\"b");
        values.put("stytch.web.retry-after", "soon");
        values.put("stytch.web.csrf.allowed-origins", "https://ok.example, https://bad.example/path");
        values.put("stytch.web.cookie.secure", "yes");
        values.put("stytch.web.cookie.path", "no-slash");
        values.put("stytch.web.cookie.domain", "exa mple.com");
        values.put("stytch.roles.mapping.editor", ",");
        ConfigReader reader = new ConfigReader(ConfigSource.of(values), new ConfigProblems());

        Optional<StytchConfig> core = StytchConfigReading.read(reader);
        Optional<StytchWebConfig> web = WebConfigReading.read(reader, values.keySet());

        assertThat(core).isEmpty();
        assertThat(web).isEmpty();
        List<ConfigProblem> problems = reader.problems().list();
        assertThat(problems).extracting(ConfigProblem::key).containsExactlyInAnyOrder("stytch.project-id",
                "stytch.web.mode", "stytch.web.login-page", "stytch.web.protected-paths", "stytch.web.permissions",
                "stytch.web.permissions.unmatched-methods", "stytch.web.realm", "stytch.web.retry-after", "stytch.web.csrf.allowed-origins",
                "stytch.web.cookie.secure", "stytch.web.cookie.path", "stytch.web.cookie.domain",
                "stytch.roles.mapping.editor");
        assertThat(problems.toString()).doesNotContain("secret-test-value").doesNotContain("sometimes")
                .doesNotContain("evil").doesNotContain("FETCH-IT").doesNotContain("refuse-quietly")
                .doesNotContain("bad.example").doesNotContain("exa mple");
    }

    @Test
    void buildWhenInvalidThenExceptionListsTheKeys() {
        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(() -> StytchWebConfig.builder().logoutPath("/out/*").logoutRedirect("https://elsewhere.example")
                        .retryAfter(Duration.ZERO).build())
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly(
                        "stytch.web.logout-path", "stytch.web.logout-redirect", "stytch.web.retry-after"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authenticated", "AUTHENTICATED", "deny", "Deny", " deny "})
    void readWhenUnmatchedMethodsInAnyCaseThenParsed(String value) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.web.permissions.unmatched-methods", value)),
                new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of());

        assertThat(reader.problems().list()).isEmpty();
        assertThat(config).get().extracting(web -> web.permissions().unmatchedMethods())
                .isEqualTo(StytchWebConfig.UnmatchedMethods.valueOf(value.trim().toUpperCase(Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reject", "deny,authenticated", "true"})
    void readWhenUnmatchedMethodsUnknownThenProblemNamesTheKeyNotTheValue(String value) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(Map.of("stytch.web.permissions.unmatched-methods", value)),
                new ConfigProblems());

        Optional<StytchWebConfig> config = WebConfigReading.read(reader, List.of());

        assertThat(config).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key)
                .containsExactly("stytch.web.permissions.unmatched-methods");
        assertThat(reader.problems().list().toString()).contains("must be one of authenticated, deny")
                .doesNotContain("reject").doesNotContain("deny,authenticated").doesNotContain("true");
    }

    @Test
    void builderWhenUnmatchedMethodsSetThenHeld() {
        assertThat(StytchWebConfig.builder().permissionsUnmatchedMethods(StytchWebConfig.UnmatchedMethods.DENY).build()
                .permissions().unmatchedMethods()).isEqualTo(StytchWebConfig.UnmatchedMethods.DENY);
    }

    @ParameterizedTest
    @CsvSource({"get /api documents:read, GET", "Delete /api documents:read, DELETE", "pAtCh /api documents:read, PATCH",
                "* /api documents:read, *"})
    void parseWhenMethodInAnyCaseThenUpperCase(String rule, String method) {
        assertThat(PathPermission.parse(rule).method()).isEqualTo(method);
        assertThat(PathPermission.parse(rule)).isEqualTo(new PathPermission(method, "/api", new Permission("documents", "read")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api", "GET-IT /api documents:read", "GET1 /api documents:read", "G*T /api documents:read",
            "** /api documents:read", "l\u0131st /api documents:read", "GET api/** documents:read", "GET /api :read",
            "GET /api documents:", "GET /api documents:read extra"})
    void parseWhenRuleMalformedThenRejected(String rule) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathPermission.parse(rule));
    }

    @Test
    void parseWhenResourceContainsColonThenSplitAtTheLastOne() {
        assertThat(PathPermission.parse("  POST\t/api/**   urn:documents:write "))
                .isEqualTo(new PathPermission("POST", "/api/**", new Permission("urn:documents", "write")));
    }
}
