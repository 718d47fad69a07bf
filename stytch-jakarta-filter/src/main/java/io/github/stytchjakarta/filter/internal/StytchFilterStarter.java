package io.github.stytchjakarta.filter.internal;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;

/**
 * Starts the filter module's part of an application before any filter is initialised, so that whatever
 * can fail (a configuration mistake, a dependency the server replaced, CDI not running) fails the start
 * of the application instead of one filter: {@link FilterSetup#start}, and {@link FilterSetup#configure}
 * first where no {@code ServletContainerInitializer} ran. Declared in the module's
 * {@code web-fragment.xml} and added by the {@link StytchFilterInitializer}; the second of the two to run
 * does nothing. Closes what it started when the application stops.
 */
public final class StytchFilterStarter implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(StytchFilterStarter.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!FilterSetup.isConfigured(event.getServletContext())) {
            LOG.log(System.Logger.Level.INFO, "the container ran no ServletContainerInitializer: stytch-jakarta "
                    + "configures itself from its web-fragment.xml");
            try {
                FilterSetup.configure(event.getServletContext());
            } catch (ServletException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        FilterSetup.start(event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        FilterSetup.stop(event.getServletContext());
    }
}
