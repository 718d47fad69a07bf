package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.core.ConfigKeys;
import io.github.stytchjakarta.core.ConfigSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Core's {@link ConfigSource} over MicroProfile Config, so that the CDI module reads the same
 * {@code stytch.*} keys, with the same syntax and validation, as the filter does from init-params.
 * MicroProfile Config supplies its own sources and ordering ({@code microprofile-config.properties},
 * system properties, environment variables with the {@code STYTCH_PROJECT_ID} mapping, server
 * configuration). Thread-safe if the {@link Config} is, as MicroProfile requires.
 */
public final class MicroProfileConfigSource implements ConfigSource {

    private final Config config;

    /**
     * Adapts a configuration.
     *
     * @param config the MicroProfile configuration; must not be {@code null}
     */
    public MicroProfileConfigSource(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Optional<String> get(String key) {
        return config.getOptionalValue(key, String.class);
    }

    /**
     * The {@code stytch.*} names of every source (environment variables keep their own spelling there,
     * {@code STYTCH_...}, and are checked separately).
     */
    @Override
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ConfigKeys.PREFIX)) {
                names.add(name);
            }
        }
        return names;
    }
}
