package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.ConfigSource;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration sources of a plain servlet application, in MicroProfile Config's precedence so that one
 * rule holds in every mode: JVM system properties, then environment variables ({@code STYTCH_PROJECT_ID}
 * for {@code stytch.project-id}), then what the application packages: filter init-params, then servlet
 * context init-params ({@code <context-param>}). The operator's settings thus override the WAR's, as
 * they do under MicroProfile Config. Key names are the same in each.
 */
public final class ServletConfigSources {

    private ServletConfigSources() {
    }

    /**
     * The sources of a filter.
     *
     * @param filterConfig the filter's configuration
     * @return system properties, environment, filter init-params, context params
     */
    public static ConfigSource of(FilterConfig filterConfig) {
        return of(filterConfig.getServletContext(), ConfigSource.listing(
                key -> Optional.ofNullable(filterConfig.getInitParameter(key)), () -> list(filterConfig.getInitParameterNames())));
    }

    /**
     * The sources of a filter known by its init-params (for the initializer, which runs before any
     * filter exists).
     *
     * @param context    the servlet context
     * @param initParams the filter's init-params; empty for the filter the initializer registers
     * @return system properties, environment, the init-params, context params
     */
    public static ConfigSource of(ServletContext context, ConfigSource initParams) {
        return ConfigSource.chain(ConfigSource.systemProperties(), ConfigSource.environment(), initParams,
                contextParams(context));
    }

    /**
     * The servlet context init-params alone.
     *
     * @param context the servlet context
     * @return the source, listing its names
     */
    public static ConfigSource contextParams(ServletContext context) {
        return ConfigSource.listing(key -> Optional.ofNullable(context.getInitParameter(key)),
                () -> list(context.getInitParameterNames()));
    }

    /**
     * The names of a filter's init-params.
     *
     * @param filterConfig the filter's configuration
     * @return the names
     */
    public static Set<String> initParameterNames(FilterConfig filterConfig) {
        return list(filterConfig.getInitParameterNames());
    }

    private static Set<String> list(Enumeration<String> names) {
        return names == null ? Set.of() : new LinkedHashSet<>(Collections.list(names));
    }
}
