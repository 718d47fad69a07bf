package io.github.stytchjakarta.example;

import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Registers the {@link StytchAuthenticationFilter} for {@code /*} with the {@link StytchWebAuthenticator} that
 * stytch-jakarta-cdi builds from MicroProfile Config, so the filter, the interceptors and the producers share
 * one configuration and one {@code Stytch} (one key cache, one policy cache). That is what authenticates
 * requests on a servlet container. On a Jakarta EE server the authentication mechanism has already
 * authenticated the request by the time it reaches the filter, which then lets it through as it is.
 *
 * <p>The authenticator is looked up programmatically because servlet containers without CDI integration
 * (Jetty with Weld on the class path) do not inject into listeners.
 */
@WebListener
public class StytchFilterRegistration implements ServletContextListener {

    /** The filter's name. */
    public static final String FILTER_NAME = "stytch";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        StytchWebAuthenticator authenticator = CDI.current().select(StytchWebAuthenticator.class).get();
        FilterRegistration.Dynamic filter = event.getServletContext()
                .addFilter(FILTER_NAME, new StytchAuthenticationFilter(authenticator));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
