package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.filter.internal.AuthenticatedRequest;
import io.github.stytchjakarta.filter.internal.FilterSetup;
import io.github.stytchjakarta.filter.internal.ServletConfigSources;
import io.github.stytchjakarta.filter.internal.WebIntegration;
import io.github.stytchjakarta.filter.internal.WebSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Stytch authentication for any Servlet 6 container (Jetty, Tomcat, ...) without CDI, Jakarta
 * Security or JASPIC. Every request goes through a {@link StytchWebAuthenticator} (see there for the
 * flow and the answers); requests that may proceed reach the application wrapped so that
 * {@code getUserPrincipal()} is the {@link io.github.stytchjakarta.core.StytchUser} /
 * {@link io.github.stytchjakarta.core.StytchMember}, {@code getRemoteUser()} the user or member id,
 * {@code isUserInRole()} answers Stytch roles and mapped application roles, and {@code getAuthType()}
 * is {@value CredentialSource#BEARER_AUTH} or {@value CredentialSource#COOKIE_AUTH}; the typed session
 * is the request attribute {@link StytchAttributes#SESSION}.
 *
 * <p>Three ways to register it (map it to {@code /*} for the {@code REQUEST} dispatcher, before other
 * filters, with async support on):
 * <ul>
 *   <li><b>automatically</b>: the module's {@code ServletContainerInitializer} checks the configuration
 *       and registers it in every application that has the module, unless {@code stytch.enabled=false},
 *       {@code stytch.web.auto-register=false} or the application declares the filter itself; a missing
 *       project id or any other mistake fails the start;</li>
 *   <li><b>{@code web.xml}</b>: {@code <filter-class>io.github.stytchjakarta.filter.StytchAuthenticationFilter</filter-class>};
 *       configuration from system properties, environment variables, then {@code <init-param>}s and
 *       {@code <context-param>}s;</li>
 *   <li><b>in code</b>: {@code context.addFilter("stytch", new StytchAuthenticationFilter(authenticator))},
 *       with an authenticator built from a {@link Stytch} and a {@link StytchWebConfig}, and
 *       {@code stytch.web.auto-register=false}.</li>
 * </ul>
 * The filter the module registers, or finds declared, gets its authenticator from the module's start-up
 * listener, which builds it before any filter starts, so that whatever can fail (configuration, a
 * dependency the server replaced, CDI) fails the application's start rather than this filter's
 * {@code init}, which some servers skip. In an application with the CDI module
 * ({@code stytch-jakarta-cdi}) that authenticator is the CDI module's, built from MicroProfile Config:
 * one configuration and one {@link Stytch} per application, also when the CDI module's authentication
 * mechanism runs too (the filter then sees the mechanism's decision and does not verify again). A filter
 * the application registers in code without an authenticator reads the configuration in {@link #init} and
 * creates, owns and closes its {@link Stytch}; one given an authenticator leaves its {@code Stytch} to the
 * caller.
 *
 * <p>Thread-safe once initialised.
 */
public final class StytchAuthenticationFilter implements Filter {

    private volatile StytchWebAuthenticator authenticator;
    private volatile Stytch ownedStytch;

    /** A filter configured in {@link #init} from init-params, context params, system properties and environment. */
    public StytchAuthenticationFilter() {
    }

    /**
     * A filter using an authenticator built in code; its configuration is not read again.
     *
     * @param authenticator the authenticator; must not be {@code null}
     */
    public StytchAuthenticationFilter(StytchWebAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /**
     * Reads the configuration and creates the {@link Stytch} facade, unless an authenticator was given.
     *
     * @param filterConfig the container's filter configuration
     * @throws ServletException listing every configuration problem with its key
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (authenticator != null) {
            return;
        }
        if (filterConfig.getServletContext().getAttribute(FilterSetup.AUTHENTICATOR) instanceof StytchWebAuthenticator started) {
            authenticator = started;
            return;
        }
        // registered by the application in code, where the module's start-up did not prepare it
        Optional<WebIntegration> integration = WebIntegration.find(WebIntegration.classLoaderOf(filterConfig.getServletContext()));
        try {
            if (integration.isPresent()) {
                authenticator = FilterSetup.shared(integration.get(), ServletConfigSources.initParameterNames(filterConfig));
                return;
            }
            ConfigReader reader = new ConfigReader(ServletConfigSources.of(filterConfig), new ConfigProblems());
            Optional<WebSettings> settings = WebSettings.read(reader, WebSettings.KEYS);
            reader.problems().throwIfAny();
            authenticator = FilterSetup.ownAuthenticator(settings.orElseThrow(), stytch -> ownedStytch = stytch);
        } catch (StytchConfigException e) {
            // also what stytch.startup-check found wrong
            throw new ServletException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ServletException("stytch-jakarta could not start: " + e, e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest httpRequest) || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        if (authenticator.handle(httpRequest, httpResponse) instanceof WebOutcome.Proceed proceed) {
            chain.doFilter(proceed.authentication().<ServletRequest>map(authentication ->
                    new AuthenticatedRequest(httpRequest, authentication)).orElse(httpRequest), httpResponse);
        }
    }

    /** Closes the {@link Stytch} facade if this filter created it. */
    @Override
    public void destroy() {
        Stytch owned = ownedStytch;
        ownedStytch = null;
        if (owned != null) {
            owned.close();
        }
    }
}
