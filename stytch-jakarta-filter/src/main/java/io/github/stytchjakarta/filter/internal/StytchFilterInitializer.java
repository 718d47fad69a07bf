package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Set;

/**
 * Makes sure an application with the filter module is protected or does not start (listed in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}): checks the configuration and
 * registers {@link StytchAuthenticationFilter} ({@link FilterSetup#configure}), then adds the
 * {@link StytchFilterStarter}, which builds the filter's authenticator before any filter starts.
 * Where a container runs no initializer (Jetty without its annotations module), the starter, also
 * declared in the module's {@code web-fragment.xml}, does both.
 */
public final class StytchFilterInitializer implements ServletContainerInitializer {

    /** The name the filter is registered under. */
    public static final String FILTER_NAME = FilterSetup.FILTER_NAME;

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        FilterSetup.configure(context);
        context.addListener(StytchFilterStarter.class);
    }
}
