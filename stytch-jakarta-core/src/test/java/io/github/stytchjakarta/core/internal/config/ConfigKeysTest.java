package io.github.stytchjakarta.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.ConfigProblem;
import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.StytchConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    private final ConfigKeys keys = ConfigKeys.core().with(Set.of("stytch.web.permissions"), List.of("stytch.roles.mapping."));

    @Test
    void allWhenKeysDeclaredThenEveryConstantListed() {
        List<Object> constants = Arrays.stream(StytchConfig.Keys.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ConfigKeysTest::value).toList();

        assertThat(StytchConfig.Keys.ALL).containsExactlyInAnyOrderElementsOf(constants.stream().map(String.class::cast).toList());
    }

    @Test
    void checkWhenKeyMisspeltThenProblemWithTheKeyMeantAndNoValue() {
        ConfigReader reader = reader(Map.of("stytch.web.permission", "POST /** a:b", "stytch.projectid", "p",
                "stytch.roles.mapping.admin", "manager", "other.key", "x"));

        List<String> warnings = keys.check(reader.source().names(), reader);

        assertThat(warnings).isEmpty();
        assertThat(reader.problems().list()).extracting(ConfigProblem::toString).containsExactly(
                "stytch.projectid: is not a stytch-jakarta key (did you mean stytch.project-id?); "
                        + "set stytch.config.unknown-keys=warn to tolerate keys of other versions",
                "stytch.web.permission: is not a stytch-jakarta key (did you mean stytch.web.permissions?); "
                        + "set stytch.config.unknown-keys=warn to tolerate keys of other versions");
    }

    @Test
    void suggestionWhenCacheBytesKeyMisspeltThenThatKey() {
        assertThat(ConfigKeys.core().suggestion("stytch.cache.maxbytes")).contains("stytch.cache.max-bytes");
        assertThat(ConfigKeys.core().isKnown("stytch.cache.max-bytes")).isTrue();
    }

    @Test
    void checkWhenNothingCloseThenNoSuggestion() {
        ConfigReader reader = reader(Map.of("stytch.completely.different", "x"));

        keys.check(reader.source().names(), reader);

        assertThat(reader.problems().list()).extracting(ConfigProblem::message)
                .containsExactly("is not a stytch-jakarta key; set stytch.config.unknown-keys=warn to tolerate keys of other versions");
    }

    @Test
    void checkWhenUnknownKeysToleratedThenWarningsOnly() {
        ConfigReader reader = reader(Map.of("stytch.future.key", "x", "stytch.config.unknown-keys", "WARN"));

        assertThat(keys.check(reader.source().names(), reader))
                .containsExactly("stytch.future.key: is not a stytch-jakarta key; ignored");
        assertThat(reader.problems().isEmpty()).isTrue();
    }

    @Test
    void checkWhenPolicyUnreadableThenProblemNamesIt() {
        ConfigReader reader = reader(Map.of("stytch.config.unknown-keys", "sometimes"));

        keys.check(reader.source().names(), reader);

        assertThat(reader.problems().list()).extracting(ConfigProblem::key).containsExactly("stytch.config.unknown-keys");
    }

    @Test
    void environmentWarningsWhenVariablesMapToNoKeyThenWarnedWithTheVariableMeant() {
        Map<String, String> environment = Map.of("STYTCH_PROJECTID", "p", "STYTCH_SECRET", "s",
                "STYTCH_PUBLIC_TOKEN", "public-token-test", "STYTCH_ROLES_MAPPING_ADMIN", "manager",
                "STYTCH_SOMETHING_ELSE_ENTIRELY", "x", "PATH", "/bin");

        assertThat(keys.environmentWarnings(environment)).containsExactly(
                "environment variable STYTCH_PROJECTID maps to no stytch-jakarta key and is ignored (did you mean STYTCH_PROJECT_ID?)",
                "environment variable STYTCH_ROLES_MAPPING_ADMIN is ignored: keys under a prefix such as "
                        + "stytch.roles.mapping. cannot be read from the environment (for role mappings use STYTCH_ROLES_MAPPING)",
                "environment variable STYTCH_SOMETHING_ELSE_ENTIRELY maps to no stytch-jakarta key and is ignored");
    }

    @Test
    void isKnownWhenPrefixAloneThenNotKnown() {
        assertThat(keys.isKnown("stytch.roles.mapping.editor")).isTrue();
        assertThat(keys.isKnown("stytch.roles.mapping.")).isFalse();
        assertThat(keys.isKnown(ConfigKeys.ENABLED)).isTrue();
    }

    private static ConfigReader reader(Map<String, String> values) {
        return new ConfigReader(ConfigSource.of(values), new ConfigProblems());
    }

    private static Object value(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
