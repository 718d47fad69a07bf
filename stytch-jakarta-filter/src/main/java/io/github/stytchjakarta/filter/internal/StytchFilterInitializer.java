package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.ConfigProblems;
import io.github.stytchjakarta.core.ConfigReader;
import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import io.github.stytchjakarta.filter.StytchWebConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link StytchAuthenticationFilter} for {@code /*} (REQUEST dispatches, before the
 * application's own filters, async supported) when {@code stytch.project-id} is set in a context param,
 * a system property or the environment. It does nothing when {@code stytch.web.auto-register} is
 * {@code false} or when the application already declared the filter (in {@code web.xml} or a
 * {@code web-fragment.xml}). Listed in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public final class StytchFilterInitializer implements ServletContainerInitializer {

    /** The name the filter is registered under. */
    public static final String FILTER_NAME = "StytchAuthenticationFilter";

    private static final System.Logger LOG = System.getLogger(StytchFilterInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        ConfigSource source = ServletConfigSources.of(context);
        ConfigReader reader = new ConfigReader(source, new ConfigProblems());
        boolean autoRegister = reader.bool(StytchWebConfig.Keys.AUTO_REGISTER).orElse(StytchWebConfig.DEFAULT_AUTO_REGISTER);
        if (!reader.problems().isEmpty()) {
            throw new ServletException("Invalid Stytch configuration: " + reader.problems().list().get(0));
        }
        if (!autoRegister) {
            LOG.log(System.Logger.Level.DEBUG, () -> StytchWebConfig.Keys.AUTO_REGISTER + " is false: filter not registered");
            return;
        }
        if (reader.string(StytchConfig.Keys.PROJECT_ID).isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, () -> StytchConfig.Keys.PROJECT_ID + " not set: filter not registered");
            return;
        }
        boolean declared = context.getFilterRegistrations().values().stream()
                .anyMatch(registration -> StytchAuthenticationFilter.class.getName().equals(registration.getClassName()));
        if (declared) {
            LOG.log(System.Logger.Level.DEBUG, "the application declares the Stytch filter itself: not registered again");
            return;
        }
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, StytchAuthenticationFilter.class);
        if (registration == null) {
            LOG.log(System.Logger.Level.DEBUG, () -> "a filter named " + FILTER_NAME + " exists: not registered again");
            return;
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        LOG.log(System.Logger.Level.INFO, () -> "Stytch authentication filter registered for /* (set "
                + StytchWebConfig.Keys.AUTO_REGISTER + "=false to register it yourself)");
    }
}
