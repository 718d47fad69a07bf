package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.core.ConfigProblems;
import io.github.stytchjakarta.core.ConfigReader;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.filter.StytchWebConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Everything the CDI module reads from MicroProfile Config, read and validated in one pass so that
 * every problem of every key (core's, the web keys and the CDI module's own) is reported together.
 *
 * @param core                  the core configuration
 * @param web                   the web configuration, shared with the filter
 * @param mechanismEnabledByKey whether {@value #MECHANISM_ENABLED} is {@code true}
 */
public record StytchSettings(StytchConfig core, StytchWebConfig web, boolean mechanismEnabledByKey) {

    /** Turns the {@code StytchAuthenticationMechanism} on (default {@code false}). */
    public static final String MECHANISM_ENABLED = "stytch.security.mechanism.enabled";

    /** The key whose presence activates the library even when nothing in the application uses it. */
    public static final String ACTIVATION_KEY = StytchConfig.Keys.PROJECT_ID;

    /** Requires every part. */
    public StytchSettings {
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(web, "web");
    }

    /**
     * Reads and validates the settings.
     *
     * @param config the MicroProfile configuration; must not be {@code null}
     * @return the settings
     * @throws StytchConfigException listing every problem found, by key
     */
    public static StytchSettings load(Config config) {
        ConfigReader reader = new ConfigReader(new MicroProfileConfigSource(config), new ConfigProblems());
        Optional<StytchConfig> core = StytchConfig.read(reader);
        Optional<StytchWebConfig> web = StytchWebConfig.read(reader, propertyNames(config));
        boolean mechanismEnabled = reader.bool(MECHANISM_ENABLED).orElse(false);
        reader.problems().throwIfAny();
        return new StytchSettings(core.orElseThrow(), web.orElseThrow(), mechanismEnabled);
    }

    /**
     * Reads only whether {@value #MECHANISM_ENABLED} is {@code true}; an unreadable value counts as
     * {@code false} here and is reported by {@link #load}.
     *
     * @param config the MicroProfile configuration
     * @return whether the key enables the mechanism
     */
    static boolean mechanismEnabledByKey(Config config) {
        return config.getOptionalValue(MECHANISM_ENABLED, String.class).map(String::strip)
                .map("true"::equalsIgnoreCase).orElse(false);
    }

    private static List<String> propertyNames(Config config) {
        List<String> names = new ArrayList<>();
        config.getPropertyNames().forEach(names::add);
        return names;
    }
}
