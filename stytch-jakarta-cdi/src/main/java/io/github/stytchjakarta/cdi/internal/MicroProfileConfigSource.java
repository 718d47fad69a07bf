package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.internal.config.ConfigKeys;
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
     * The {@code stytch.*} names the sources define, without those of environment variables, which are
     * checked as variables ({@code STYTCH_PROJECTID} is warned about, never a start-up error, since other
     * tools use the prefix). An environment source may list its variables in a dotted form
     * ({@code stytch.project.id}: SmallRye Config does), which would read as a misspelt key; such a source
     * is recognised by answering the variable's own name too.
     */
    @Override
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (org.eclipse.microprofile.config.spi.ConfigSource source : config.getConfigSources()) {
            for (String name : source.getPropertyNames()) {
                if (name.startsWith(ConfigKeys.PREFIX) && source.getValue(ConfigSource.environmentName(name)) == null) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
