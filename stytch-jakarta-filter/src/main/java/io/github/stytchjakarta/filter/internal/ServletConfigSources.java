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
 * Configuration sources of a plain servlet application, first value wins: filter init-params, servlet
 * context init-params ({@code <context-param>}), JVM system properties, environment variables
 * ({@code STYTCH_PROJECT_ID} for {@code stytch.project-id}). Key names are the same in each.
 */
public final class ServletConfigSources {

    private ServletConfigSources() {
    }

    /**
     * The sources of a filter.
     *
     * @param filterConfig the filter's configuration
     * @return filter init-params, then context params, system properties and environment
     */
    public static ConfigSource of(FilterConfig filterConfig) {
        return ConfigSource.chain(key -> Optional.ofNullable(filterConfig.getInitParameter(key)),
                of(filterConfig.getServletContext()));
    }

    /**
     * The sources of a servlet context (for the initializer, which runs before any filter exists).
     *
     * @param context the servlet context
     * @return context params, system properties and environment
     */
    public static ConfigSource of(ServletContext context) {
        return ConfigSource.chain(key -> Optional.ofNullable(context.getInitParameter(key)),
                ConfigSource.systemProperties(), ConfigSource.environment());
    }

    /**
     * The key names that can be listed: filter init-params, context params and system properties
     * (environment variable names cannot be mapped back to keys unambiguously, so
     * {@code stytch.roles.mapping.*} keys are not read from the environment).
     *
     * @param filterConfig the filter's configuration
     * @return the names
     */
    public static Set<String> keyNames(FilterConfig filterConfig) {
        Set<String> names = new LinkedHashSet<>();
        names.addAll(list(filterConfig.getInitParameterNames()));
        names.addAll(list(filterConfig.getServletContext().getInitParameterNames()));
        names.addAll(System.getProperties().stringPropertyNames());
        return names;
    }

    private static Set<String> list(Enumeration<String> names) {
        return names == null ? Set.of() : new LinkedHashSet<>(Collections.list(names));
    }
}
