package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSourceTest {

    @Test
    void environmentNameWhenKeyHasDotsAndDashesThenUpperSnakeCase() {
        assertThat(ConfigSource.environmentName("stytch.project-id")).isEqualTo("STYTCH_PROJECT_ID");
        assertThat(ConfigSource.environmentName("stytch.jwt.max-token-age")).isEqualTo("STYTCH_JWT_MAX_TOKEN_AGE");
    }

    @Test
    void chainWhenSeveralSourcesDefineAKeyThenFirstWins() {
        ConfigSource chain = ConfigSource.chain(
                ConfigSource.of(Map.of("stytch.vertical", "b2b")),
                ConfigSource.environment(Map.of("STYTCH_VERTICAL", "consumer", "STYTCH_SECRET", "s")));

        assertThat(chain.get("stytch.vertical")).contains("b2b");
        assertThat(chain.get("stytch.secret")).contains("s");
        assertThat(chain.get("stytch.project-id")).isEmpty();
    }

    @Test
    void systemPropertiesWhenPropertySetThenRead() {
        System.setProperty("stytch.test-only-key", "value");
        try {
            assertThat(ConfigSource.systemProperties().get("stytch.test-only-key")).contains("value");
        } finally {
            System.clearProperty("stytch.test-only-key");
        }
    }
}
