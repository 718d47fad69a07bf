package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.ConfigKeys;
import io.github.stytchjakarta.core.ConfigProblems;
import io.github.stytchjakarta.core.ConfigReader;
import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import io.github.stytchjakarta.filter.StytchWebConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes sure an application with the filter module is protected or does not start. Listed in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}, it runs when the application
 * starts and, unless {@value ConfigKeys#ENABLED} is {@code false}:
 * <ol>
 *   <li>reads the configuration (in a CDI application the CDI module's MicroProfile Config, see
 *       {@link WebIntegration}; otherwise system properties, environment and context params) and checks
 *       all of it: unknown keys, a missing project id, every value. Any problem fails the start with one
 *       {@link ServletException} naming every key, never a value;</li>
 *   <li>registers {@link StytchAuthenticationFilter} for {@code /*} (REQUEST dispatches, before the
 *       application's own filters, async supported), unless the application declares the filter itself
 *       ({@code web.xml}, {@code web-fragment.xml}).</li>
 * </ol>
 * With {@value StytchWebConfig.Keys#AUTO_REGISTER}{@code =false} the application registers the filter
 * itself, perhaps with a configuration built in code: only unknown keys are checked here then, and the
 * filter checks the rest when it starts.
 * In a CDI application the registered filter uses the CDI module's authenticator, so there is one
 * {@code Stytch} however many of the filter and the authentication mechanism run; {@code stytch.*}
 * context params are then a start-up problem, since the CDI module would not read them.
 */
public final class StytchFilterInitializer implements ServletContainerInitializer {

    /** The name the filter is registered under. */
    public static final String FILTER_NAME = "StytchAuthenticationFilter";

    private static final System.Logger LOG = System.getLogger(StytchFilterInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        ClassLoader classLoader = WebIntegration.classLoaderOf(context);
        Optional<WebIntegration> integration = WebIntegration.find(classLoader);
        ConfigSource source = integration.map(found -> found.configuration(classLoader))
                .orElseGet(() -> ServletConfigSources.of(context));
        ConfigReader reader = new ConfigReader(source, new ConfigProblems());
        if (!WebSettings.enabled(reader)) {
            LOG.log(Level.WARNING, () -> ConfigKeys.ENABLED + "=false: stytch-jakarta is switched off in "
                    + context.getContextPath() + "; no request is authenticated by it");
            return;
        }
        integration.ifPresent(found -> refuseContextParams(context, found, reader.problems()));
        ConfigKeys keys = integration.map(found -> WebSettings.KEYS.with(found.keys(), Set.of())).orElse(WebSettings.KEYS);
        boolean autoRegister = reader.bool(StytchWebConfig.Keys.AUTO_REGISTER).orElse(StytchWebConfig.DEFAULT_AUTO_REGISTER);
        if (autoRegister) {
            WebSettings.read(reader, keys);
        } else {
            // the application registers the filter with a configuration of its own, which its init checks
            keys.check(source.names(), reader);
        }
        try {
            reader.problems().throwIfAny();
        } catch (StytchConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (!autoRegister) {
            LOG.log(Level.INFO, () -> StytchWebConfig.Keys.AUTO_REGISTER + "=false: the application registers "
                    + "StytchAuthenticationFilter itself");
            return;
        }
        boolean declared = context.getFilterRegistrations().values().stream()
                .anyMatch(registration -> StytchAuthenticationFilter.class.getName().equals(registration.getClassName()));
        if (declared) {
            LOG.log(Level.DEBUG, "the application declares the Stytch filter itself: not registered again");
            return;
        }
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, StytchAuthenticationFilter.class);
        if (registration == null) {
            throw new ServletException("a filter named " + FILTER_NAME + " that is not stytch-jakarta's exists: rename it, "
                    + "or set " + StytchWebConfig.Keys.AUTO_REGISTER + "=false and register StytchAuthenticationFilter yourself");
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        LOG.log(Level.INFO, () -> "Stytch authentication filter registered for /* (set "
                + StytchWebConfig.Keys.AUTO_REGISTER + "=false to register it yourself)");
    }

    // the CDI module reads MicroProfile Config only: a stytch.* context param would be ignored by its beans
    private static void refuseContextParams(ServletContext context, WebIntegration integration, ConfigProblems problems) {
        for (String name : new TreeSet<>(ServletConfigSources.contextParams(context).names())) {
            if (name.startsWith(ConfigKeys.PREFIX)) {
                problems.add(name, "is a servlet context parameter, but this application reads its Stytch configuration "
                        + "from " + integration.configurationName() + " (stytch-jakarta-cdi is present): move it there");
            }
        }
    }
}
