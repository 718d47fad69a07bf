package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.ConfigProblems;
import io.github.stytchjakarta.core.ConfigReader;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.filter.internal.AuthenticatedRequest;
import io.github.stytchjakarta.filter.internal.ServletConfigSources;
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
 *   <li><b>automatically</b>: the module's {@code ServletContainerInitializer} registers it when
 *       {@code stytch.project-id} is found in a context param, a system property or the environment
 *       ({@code STYTCH_PROJECT_ID}), unless {@code stytch.web.auto-register=false} or the application
 *       declares the filter itself;</li>
 *   <li><b>{@code web.xml}</b>: {@code <filter-class>io.github.stytchjakarta.filter.StytchAuthenticationFilter</filter-class>};
 *       configuration from {@code <init-param>}s, then {@code <context-param>}s, system properties and
 *       environment variables;</li>
 *   <li><b>in code</b>: {@code context.addFilter("stytch", new StytchAuthenticationFilter(authenticator))},
 *       with an authenticator built from a {@link Stytch} and a {@link StytchWebConfig} (then set
 *       {@code stytch.web.auto-register=false} if a project id is also in the context params or
 *       environment, or the initializer adds a second instance, which lets requests through untouched).</li>
 * </ul>
 * A filter built from configuration creates, owns and closes its {@link Stytch}; one given an
 * authenticator leaves its {@code Stytch} to the caller. Configuration problems (core's keys and the
 * web keys) are reported together by {@link #init}, which fails the deployment.
 *
 * <p>Thread-safe once initialised.
 */
public final class StytchAuthenticationFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(StytchAuthenticationFilter.class.getName());

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
        ConfigReader reader = new ConfigReader(ServletConfigSources.of(filterConfig), new ConfigProblems());
        Optional<StytchConfig> core = StytchConfig.read(reader);
        Optional<StytchWebConfig> web = StytchWebConfig.read(reader, ServletConfigSources.keyNames(filterConfig));
        try {
            reader.problems().throwIfAny();
        } catch (StytchConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
        Stytch stytch = Stytch.create(core.orElseThrow());
        ownedStytch = stytch;
        authenticator = StytchWebAuthenticator.create(stytch, web.orElseThrow());
        LOG.log(System.Logger.Level.INFO, () -> "Stytch authentication filter started for project "
                + stytch.config().projectId() + " (" + stytch.config().vertical() + ")");
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
