package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.internal.config.ConfigKeys;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table documents every key the filter reads (core's and the web layer's),
 * each with its real default: for a key {@code Keys.X} with a constant {@code DEFAULT_X}, the default cell
 * shows that value ({@code none} for an empty list).
 */
class ConfigDocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(stytch\\.[^`]+)`(?: / `(stytch\\.[^`]+)`)? \\| ([^|]*) \\|",
            Pattern.MULTILINE);

    @Test
    void readmeWhenReadThenEveryKeyHasARowWithItsDefault() throws Exception {
        Map<String, String> defaults = readmeDefaults();

        for (KeyClass keys : List.of(new KeyClass(StytchConfig.Keys.class, StytchConfig.class),
                new KeyClass(ConfigKeys.class, ConfigKeys.class),
                new KeyClass(StytchWebConfig.Keys.class, StytchWebConfig.class))) {
            for (Field key : keys.keyConstants()) {
                String name = (String) key.get(null);
                assertThat(defaults).as("a README row for %s", name).containsKey(name);
                Field defaultValue = keys.defaultOf(key);
                if (defaultValue != null) {
                    assertThat(defaults.get(name)).as("the README's default of %s", name)
                            .contains(rendered(defaultValue.get(null)));
                }
            }
        }
    }

    @Test
    void readmeWhenReadThenNoRowNamesAKeyThatDoesNotExist() throws Exception {
        Collection<String> documented = readmeDefaults().keySet();

        assertThat(documented).allSatisfy(name -> assertThat(StytchConfig.Keys.ALL.contains(name)
                || StytchWebConfig.Keys.ALL.contains(name) || name.equals(ConfigKeys.ENABLED)
                || name.equals(ConfigKeys.UNKNOWN_KEYS) || name.startsWith(StytchWebConfig.Keys.ROLE_MAPPING_PREFIX))
                .as("%s is a key", name).isTrue());
    }

    private static String rendered(Object value) {
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? "none" : "`" + String.join(", ", list.stream().map(ConfigDocumentationTest::element).toList()) + "`";
        }
        if (value instanceof Enum<?> constant) {
            return "`" + constant.name().toLowerCase(Locale.ROOT) + "`";
        }
        if (value instanceof Duration duration) {
            return "`" + duration + "`";
        }
        return "`" + value + "`";
    }

    // an enumeration constant as the configuration reads it: connected-app for CONNECTED_APP
    private static String element(Object value) {
        return value instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT).replace('_', '-') : String.valueOf(value);
    }

    private static Map<String, String> readmeDefaults() throws IOException {
        Matcher row = ROW.matcher(Files.readString(Path.of("..", "README.md")));
        Map<String, String> defaults = new HashMap<>();
        while (row.find()) {
            String cell = row.group(3).trim();
            if (row.group(2) == null) {
                defaults.put(row.group(1), cell);
            } else { // "`a` / `b` | default of a / default of b"
                String[] both = cell.split(" / ", 2);
                defaults.put(row.group(1), both[0]);
                defaults.put(row.group(2), both.length > 1 ? both[1] : "");
            }
        }
        return defaults;
    }

    /** A class of key constants and the class holding their {@code DEFAULT_} constants. */
    private record KeyClass(Class<?> keys, Class<?> defaults) {

        List<Field> keyConstants() {
            return Arrays.stream(keys.getFields())
                    .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                    .filter(field -> valueOf(field).startsWith("stytch.") && !valueOf(field).endsWith("."))
                    .toList();
        }

        Field defaultOf(Field key) {
            try {
                return defaults.getField("DEFAULT_" + key.getName());
            } catch (NoSuchFieldException e) {
                return null;
            }
        }

        private static String valueOf(Field field) {
            try {
                return (String) field.get(null);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }
}
