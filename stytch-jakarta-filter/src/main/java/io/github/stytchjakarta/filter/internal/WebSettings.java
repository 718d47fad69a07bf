package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.ConfigProblem;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.internal.config.ConfigKeys;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.core.internal.config.StytchConfigReading;
import io.github.stytchjakarta.filter.StytchWebConfig;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Core's and the web configuration of an application, read in one pass with every check that makes a
 * mistake fail the start instead of leaving the application unprotected: unknown {@code stytch.*} keys
 * (with a suggestion), a missing project id (with the switch that turns the library off), every
 * value's own validation, and introspection paths without an introspection client, all recorded in one
 * {@link io.github.stytchjakarta.core.internal.config.ConfigProblems}.
 * Public for the CDI module only; not an API.
 *
 * @param core the core configuration
 * @param web  the web configuration
 */
public record WebSettings(StytchConfig core, StytchWebConfig web) {

    /** The keys of core and of the web layer. */
    public static final ConfigKeys KEYS = ConfigKeys.core()
            .with(StytchWebConfig.Keys.ALL, List.of(StytchWebConfig.Keys.ROLE_MAPPING_PREFIX));

    /** What a missing project id is told, so that the message names both ways out. */
    static final String PROJECT_ID_REQUIRED = "is required: stytch-jakarta is in this application; set "
            + StytchConfig.Keys.PROJECT_ID + " and " + StytchConfig.Keys.SECRET + ", or " + ConfigKeys.ENABLED
            + "=false to switch it off";

    private static final System.Logger LOG = System.getLogger(WebSettings.class.getName());

    /** Requires both parts. */
    public WebSettings {
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(web, "web");
    }

    /**
     * Whether the library is switched on ({@value ConfigKeys#ENABLED}, default {@code true}); an
     * unreadable value is recorded as a problem and counts as on.
     *
     * @param reader the reader
     * @return {@code false} only when explicitly switched off
     */
    public static boolean enabled(ConfigReader reader) {
        return reader.bool(ConfigKeys.ENABLED).orElse(ConfigKeys.DEFAULT_ENABLED);
    }

    /**
     * Reads and checks everything, recording problems in the reader's collection and logging the unknown
     * keys it tolerates ({@code STYTCH_*} environment variables are checked once per application start, by
     * {@link FilterSetup}).
     *
     * @param reader the reader over the application's configuration, which lists its names
     * @param keys   every key the application's modules know
     * @return the settings, or empty when a problem was recorded
     */
    public static Optional<WebSettings> read(ConfigReader reader, ConfigKeys keys) {
        Set<String> names = reader.source().names();
        keys.check(names, reader).forEach(warning -> LOG.log(Level.WARNING, warning));
        if (reader.string(StytchConfig.Keys.PROJECT_ID).isEmpty()) {
            reader.problems().add(StytchConfig.Keys.PROJECT_ID, PROJECT_ID_REQUIRED);
        }
        Optional<StytchConfig> core = StytchConfigReading.read(reader);
        Optional<StytchWebConfig> web = WebConfigReading.read(reader, names);
        Optional<ConfigProblem> introspection = core.isPresent() && web.isPresent()
                ? BearerTokens.introspectionProblem(core.get(), web.get()) : Optional.empty();
        introspection.ifPresent(problem -> reader.problems().add(problem.key(), problem.message()));
        return introspection.isEmpty() && core.isPresent() && web.isPresent() ? Optional.of(new WebSettings(core.get(), web.get()))
                : Optional.empty();
    }
}
