package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.stytchjakarta.core.ConfigProblem;
import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.filter.internal.WebConfigReading;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading {@code stytch.web.scopes} and {@code stytch.web.resource-metadata.*}: valid values become the settings (the
 * metadata URL as RFC 9728 §3 forms it, {@code scopes_supported} defaulting to the scope rules' scopes); invalid ones are
 * problems naming the key, never the value.
 */
class ResourceMetadataConfigTest {

    @Test
    void readWhenResourceAndScopeRulesSetThenSettingsWithTheRulesScopesInOrder() {
        StytchWebConfig config = read(Map.of("stytch.web.resource-metadata.resource", "https://mcp.example.com/tools/mcp",
                "stytch.web.scopes", "POST /mcp/** write:documents read:documents, GET /mcp/** read:documents\n* /x admin",
                "stytch.web.resource-metadata.resource-name", "Documents")).orElseThrow();

        assertThat(config.scopes()).containsExactly(new PathScopes("POST", "/mcp/**", List.of("write:documents", "read:documents")),
                new PathScopes("GET", "/mcp/**", List.of("read:documents")), new PathScopes("*", "/x", List.of("admin")));
        ResourceMetadataSettings metadata = config.resourceMetadata().orElseThrow();
        assertThat(metadata.scopes()).containsExactly("write:documents", "read:documents", "admin");
        assertThat(metadata.authorizationServer()).isEmpty();
        assertThat(metadata.resourceName()).contains("Documents");
        assertThat(metadata.metadataUrl())
                .isEqualTo(URI.create("https://mcp.example.com/.well-known/oauth-protected-resource/tools/mcp"));
    }

    @ParameterizedTest
    @CsvSource({"https://mcp.example.com, https://mcp.example.com/.well-known/oauth-protected-resource",
                "https://mcp.example.com/, https://mcp.example.com/.well-known/oauth-protected-resource",
                "http://localhost:8080/mcp, http://localhost:8080/.well-known/oauth-protected-resource/mcp",
                "http://[::1]:8080/mcp, http://[::1]:8080/.well-known/oauth-protected-resource/mcp"})
    void readWhenResourceAcceptableThenMetadataUrlOnItsOrigin(String resource, String metadataUrl) {
        StytchWebConfig config = read(Map.of("stytch.web.resource-metadata.resource", resource,
                "stytch.web.resource-metadata.scopes", "read:documents , openid")).orElseThrow();

        assertThat(config.resourceMetadata().orElseThrow().metadataUrl()).isEqualTo(URI.create(metadataUrl));
        assertThat(config.resourceMetadata().orElseThrow().scopes()).containsExactly("read:documents", "openid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://mcp.example.com/mcp", "https://mcp.example.com/mcp#secretfragment", "/mcp",
            "https://user@mcp.example.com/mcp", "https://mcp.example.com/mcp?secretquery=1", "ftp://mcp.example.com/mcp",
            "https://mcp.example.com/m*p", "https://mcp.example.com/%22mcp", "not a url"})
    void readWhenResourceUnacceptableThenProblemNamesTheKeyNotTheValue(String resource) {
        ConfigReader reader = reader(Map.of("stytch.web.resource-metadata.resource", resource));

        assertThat(WebConfigReading.read(reader, List.of())).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.web.resource-metadata.resource");
        assertThat(reader.problems().list().toString()).doesNotContain("mcp.example").doesNotContain("secret");
    }

    @Test
    void readWhenAuthorizationServerPlainHttpThenProblemNamesTheKey() {
        ConfigReader reader = reader(Map.of("stytch.web.resource-metadata.resource", "https://mcp.example.com/mcp",
                "stytch.web.resource-metadata.authorization-server", "http://login.example.com"));

        assertThat(WebConfigReading.read(reader, List.of())).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key)
                .containsExactly("stytch.web.resource-metadata.authorization-server");
    }

    @Test
    void readWhenAuthorizationServerSetThenHeld() {
        StytchWebConfig config = read(Map.of("stytch.web.resource-metadata.resource", "https://mcp.example.com/mcp",
                "stytch.web.resource-metadata.authorization-server", "https://login.example.com")).orElseThrow();

        assertThat(config.resourceMetadata().orElseThrow().authorizationServer()).contains(URI.create("https://login.example.com"));
    }

    @Test
    void readWhenMetadataKeysWithoutResourceThenProblemAsksForTheResource() {
        ConfigReader reader = reader(Map.of("stytch.web.resource-metadata.resource-name", "Documents"));

        assertThat(WebConfigReading.read(reader, List.of())).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.web.resource-metadata.resource");
    }

    @Test
    void readWhenScopeRuleMalformedThenProblemNamesTheKeyAndRuleNotTheValue() {
        ConfigReader reader = reader(Map.of("stytch.web.scopes", "GET /ok/** read:documents, POST /secretpath"));

        assertThat(WebConfigReading.read(reader, List.of())).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.web.scopes");
        assertThat(reader.problems().list().toString()).contains("rule 2").doesNotContain("secretpath");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api", "GET api/** read", "G*T /api read", "GET /api read\"x", "GET /api read\\x"})
    void parseWhenScopeRuleMalformedThenRejected(String rule) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathScopes.parse(rule));
    }

    private static Optional<StytchWebConfig> read(Map<String, String> values) {
        return WebConfigReading.read(reader(values), values.keySet());
    }

    private static ConfigReader reader(Map<String, String> values) {
        return new ConfigReader(ConfigSource.of(values), new ConfigProblems());
    }
}
