package io.github.stytchjakarta.core.internal.config;

import io.github.stytchjakarta.core.ConfigSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Typed reading of configuration keys from a {@link ConfigSource}, recording every unreadable or
 * missing value in a shared {@link ConfigProblems} instead of failing on the first one.
 *
 * <p>Value syntax, the same for every key of every module:
 * <ul>
 *   <li>a blank value counts as absent (like MicroProfile Config);</li>
 *   <li>durations are ISO-8601 ({@code PT30S}, {@code PT5M}) or a plain integer number of
 *       <b>seconds</b> ({@code 30});</li>
 *   <li>lists are comma-separated, items trimmed, empty items dropped;</li>
 *   <li>enumerations are case-insensitive and accept {@code -} for {@code _} ({@code b2b});</li>
 *   <li>booleans are {@code true} or {@code false}, case-insensitive.</li>
 * </ul>
 * Problem messages never contain the configured value.
 *
 * <p>Not thread-safe (it shares a {@link ConfigProblems}); use it for one configuration pass.
 */
public final class ConfigReader {

    private final ConfigSource source;
    private final ConfigProblems problems;

    /**
     * Creates a reader.
     *
     * @param source   where values come from; must not be {@code null}
     * @param problems where problems are recorded; must not be {@code null}
     */
    public ConfigReader(ConfigSource source, ConfigProblems problems) {
        this.source = Objects.requireNonNull(source, "source");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * The source values are read from.
     *
     * @return the source
     */
    public ConfigSource source() {
        return source;
    }

    /**
     * The problems recorded by this reader (and by anyone sharing the collection).
     *
     * @return the shared collection
     */
    public ConfigProblems problems() {
        return problems;
    }

    /**
     * Reads a string.
     *
     * @param key the key
     * @return the trimmed value, or empty when absent or blank
     */
    public Optional<String> string(String key) {
        return source.get(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    /**
     * Reads a string that must be present, recording {@code "is required"} otherwise.
     *
     * @param key the key
     * @return the trimmed value, or empty when absent (and then a problem was recorded)
     */
    public Optional<String> requiredString(String key) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            problems.add(key, "is required");
        }
        return value;
    }

    /**
     * Reads a non-negative duration: ISO-8601 ({@code PT30S}) or whole seconds ({@code 30}).
     *
     * @param key the key
     * @return the duration, or empty when absent or invalid (then a problem was recorded)
     */
    public Optional<Duration> duration(String key) {
        return string(key).flatMap(value -> {
            Duration duration;
            try {
                duration = isInteger(value) ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            } catch (NumberFormatException | DateTimeParseException e) {
                problems.add(key, "must be an ISO-8601 duration such as PT30S, or a whole number of seconds");
                return Optional.empty();
            }
            ConfigChecks.notNegative(problems, key, duration);
            return duration.isNegative() ? Optional.empty() : Optional.of(duration);
        });
    }

    /**
     * Reads an integer within bounds.
     *
     * @param key the key
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the integer, or empty when absent or invalid (then a problem was recorded)
     */
    public Optional<Integer> integer(String key, int min, int max) {
        return string(key).flatMap(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return Optional.of(number);
                }
            } catch (NumberFormatException e) {
                // reported below together with the out-of-range case
            }
            problems.add(key, "must be a whole number from " + min + " to " + max);
            return Optional.empty();
        });
    }

    /**
     * Reads a boolean.
     *
     * @param key the key
     * @return the boolean, or empty when absent or invalid (then a problem was recorded)
     */
    public Optional<Boolean> bool(String key) {
        return string(key).flatMap(value -> {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.parseBoolean(value));
            }
            problems.add(key, "must be true or false");
            return Optional.empty();
        });
    }

    /**
     * Reads a comma-separated list.
     *
     * @param key the key
     * @return the items, trimmed, without empty ones; empty when absent
     */
    public List<String> list(String key) {
        return string(key)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .collect(Collectors.toUnmodifiableList()))
                .orElse(List.of());
    }

    /**
     * Reads an absolute {@code http} or {@code https} URL without query or fragment.
     *
     * @param key the key
     * @return the URL, or empty when absent or invalid (then a problem was recorded)
     */
    public Optional<URI> httpUrl(String key) {
        return string(key).flatMap(value -> {
            try {
                URI uri = new URI(value);
                if (ConfigChecks.isHttpUrl(uri)) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            problems.add(key, ConfigChecks.HTTP_URL_MESSAGE);
            return Optional.empty();
        });
    }

    /**
     * Reads an enumeration constant, case-insensitively, with {@code -} standing for {@code _}.
     *
     * @param key  the key
     * @param type the enumeration type
     * @param <E>  the enumeration type
     * @return the constant, or empty when absent or invalid (then a problem was recorded)
     */
    public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type) {
        return string(key).flatMap(value -> {
            String name = value.replace('-', '_').toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return Optional.of(constant);
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            problems.add(key, "must be one of " + String.join(", ", allowed));
            return Optional.empty();
        });
    }

    private static boolean isInteger(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
