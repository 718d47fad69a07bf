package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.core.internal.config.ConfigKeys;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.internal.WebSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

    /** The keys of the CDI module's own. */
    public static final Set<String> OWN_KEYS = Set.of(MECHANISM_ENABLED);

    /** Every key the CDI module reads: core's, the web keys and its own. */
    public static final ConfigKeys KEYS = WebSettings.KEYS.with(OWN_KEYS, Set.of());

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
        Optional<WebSettings> settings = WebSettings.read(reader, KEYS);
        boolean mechanismEnabled = reader.bool(MECHANISM_ENABLED).orElse(false);
        reader.problems().throwIfAny();
        return new StytchSettings(settings.orElseThrow().core(), settings.get().web(), mechanismEnabled);
    }

    /**
     * Whether {@value ConfigKeys#ENABLED} leaves the library on (anything but {@code false}; an unreadable
     * value is reported by {@link #load}).
     *
     * @param config the MicroProfile configuration
     * @return {@code false} only when explicitly switched off
     */
    static boolean enabled(Config config) {
        return WebSettings.enabled(new ConfigReader(new MicroProfileConfigSource(config), new ConfigProblems()));
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
}
