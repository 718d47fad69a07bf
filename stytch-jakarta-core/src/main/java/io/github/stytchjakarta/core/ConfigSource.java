package io.github.stytchjakarta.core;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A plain key/value source of configuration, read with the library's key names
 * ({@code stytch.project-id}, {@code stytch.jwt.clock-skew}, ...).
 *
 * <p>The filter and CDI modules adapt their own sources (init-params, servlet context params,
 * MicroProfile Config) to this interface, so every module spells the keys one way. Blank values
 * are treated as absent.
 *
 * <pre>
 * StytchConfig config = StytchConfig.load(ConfigSource.chain(
 *         ConfigSource.systemProperties(), ConfigSource.environment()));
 * </pre>
 *
 * <p>Implementations must be thread-safe for reading; the factories here are.
 */
@FunctionalInterface
public interface ConfigSource {

    /**
     * Returns the raw value of a key.
     *
     * @param key a key such as {@code stytch.project-id}; never {@code null}
     * @return the value, or empty when this source does not define the key
     */
    Optional<String> get(String key);

    /**
     * The names of the keys this source defines, as far as it can list them, so that misspelt keys can
     * be reported. Sources that cannot list their keys (the environment, whose variable names do not map
     * back to keys) return an empty set.
     *
     * @return the names; empty by default
     */
    default Set<String> names() {
        return Set.of();
    }

    /**
     * A source backed by a map (copied; later changes to the map are not seen).
     *
     * @param values key/value pairs; must not be {@code null}
     * @return the source
     */
    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return listing(key -> Optional.ofNullable(copy.get(key)), copy::keySet);
    }

    /**
     * A source with the given lookup whose {@link #names()} come from the given supplier.
     *
     * @param lookup the lookup; must not be {@code null}
     * @param names  lists the defined names on each call; must not be {@code null}
     * @return the source
     */
    static ConfigSource listing(ConfigSource lookup, Supplier<? extends Set<String>> names) {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(names, "names");
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return lookup.get(key);
            }

            @Override
            public Set<String> names() {
                return Collections.unmodifiableSet(names.get());
            }
        };
    }

    /**
     * A source reading JVM system properties with the keys as they are ({@code -Dstytch.project-id=...}).
     *
     * @return the source; it reads the properties on each call
     */
    static ConfigSource systemProperties() {
        return listing(key -> Optional.ofNullable(System.getProperty(key)),
                () -> System.getProperties().stringPropertyNames());
    }

    /**
     * A source reading the process environment with MicroProfile Config's mapping: every
     * non-alphanumeric character becomes {@code _} and the result is upper case, so
     * {@code stytch.project-id} is read from {@code STYTCH_PROJECT_ID}.
     *
     * @return the source
     */
    static ConfigSource environment() {
        return environment(System.getenv());
    }

    /**
     * Like {@link #environment()} but over the given variables (handy in tests).
     *
     * @param variables environment variables by name; must not be {@code null}
     * @return the source
     */
    static ConfigSource environment(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return key -> Optional.ofNullable(copy.get(environmentName(key)));
    }

    /**
     * A source that asks each source in order and returns the first value found; its names are those of
     * every source.
     *
     * @param sources the sources, highest priority first; must not be {@code null}
     * @return the chained source
     */
    static ConfigSource chain(ConfigSource... sources) {
        List<ConfigSource> ordered = List.of(sources);
        return listing(key -> {
            for (ConfigSource source : ordered) {
                Optional<String> value = source.get(key);
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }, () -> {
            Set<String> names = new LinkedHashSet<>();
            ordered.forEach(source -> names.addAll(source.names()));
            return names;
        });
    }

    /**
     * The environment variable name MicroProfile Config maps a key to.
     *
     * @param key a configuration key; must not be {@code null}
     * @return the name, e.g. {@code STYTCH_JWT_CLOCK_SKEW} for {@code stytch.jwt.clock-skew}
     */
    static String environmentName(String key) {
        Objects.requireNonNull(key, "key");
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            name.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
        }
        return name.toString().toUpperCase(Locale.ROOT);
    }
}
