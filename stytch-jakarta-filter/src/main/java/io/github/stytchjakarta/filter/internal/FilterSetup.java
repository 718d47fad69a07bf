package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.core.internal.config.ConfigKeys;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.StytchWebConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What the filter module does when an application starts, in two steps so that nothing that can fail is
 * left to the filter's own {@code init} (a server that skips a filter whose {@code init} fails, as
 * GlassFish does, would then serve the application unprotected):
 * <ol>
 *   <li>{@link #configure} (from the {@link StytchFilterInitializer}, or from the {@link StytchFilterStarter}
 *       where the container runs no {@code ServletContainerInitializer}): reads and checks the whole
 *       configuration (an application with the module is protected or does not start) and registers
 *       {@link StytchAuthenticationFilter} for {@code /*} unless the application declares it or switched
 *       the registration off, and, when {@code stytch.webhook.secret} is set, the {@link WebhookServlet} at
 *       {@code stytch.webhook.path} (never without a secret);</li>
 *   <li>{@link #start} (from the {@link StytchFilterStarter}, before any filter is initialised): builds
 *       the authenticator of that filter (the CDI module's, or a {@link Stytch} of its own) and hands it to
 *       the filter, and that {@code Stytch}'s webhook receiver to the servlet, through context attributes. Any
 *       failure here fails the start of the application.</li>
 * </ol>
 * Not an API.
 */
public final class FilterSetup {

    /** The name the filter is registered under. */
    public static final String FILTER_NAME = "StytchAuthenticationFilter";

    /** Context attribute: the authenticator {@link #start} built for the filter. */
    public static final String AUTHENTICATOR = FilterSetup.class.getName() + ".authenticator";

    /** Context attribute: the webhook receiver {@link #start} found for the {@link WebhookServlet}. */
    public static final String WEBHOOKS = FilterSetup.class.getName() + ".webhooks";

    private static final String CONFIGURED = FilterSetup.class.getName() + ".configured";
    private static final String PENDING = FilterSetup.class.getName() + ".pending";
    private static final String STARTED = FilterSetup.class.getName() + ".started";
    private static final String OWNED = FilterSetup.class.getName() + ".owned";

    private static final System.Logger LOG = System.getLogger(FilterSetup.class.getName());

    private FilterSetup() {
    }

    /**
     * Whether {@link #configure} already ran for the application.
     *
     * @param context the servlet context
     * @return {@code true} once configured
     */
    static boolean isConfigured(ServletContext context) {
        return context.getAttribute(CONFIGURED) != null;
    }

    /**
     * Checks the configuration and registers the filter.
     *
     * @param context the servlet context, not yet initialised
     * @throws ServletException listing every configuration problem by key, or when a foreign filter has our name
     */
    static void configure(ServletContext context) throws ServletException {
        context.setAttribute(CONFIGURED, Boolean.TRUE);
        ClassLoader classLoader = WebIntegration.classLoaderOf(context);
        Optional<WebIntegration> integration = WebIntegration.find(classLoader);
        List<? extends FilterRegistration> declared = context.getFilterRegistrations().values().stream()
                .filter(registration -> StytchAuthenticationFilter.class.getName().equals(registration.getClassName()))
                .toList();
        // a filter the application declares (web.xml) is configured by its init-params too
        Map<String, String> initParams = declared.size() == 1 ? declared.get(0).getInitParameters() : Map.of();
        ConfigSource source = integration.map(found -> found.configuration(classLoader))
                .orElseGet(() -> ServletConfigSources.of(context, ConfigSource.of(initParams)));
        ConfigReader reader = new ConfigReader(source, new ConfigProblems());
        if (!WebSettings.enabled(reader)) {
            LOG.log(Level.WARNING, () -> ConfigKeys.ENABLED + "=false: stytch-jakarta is switched off in "
                    + context.getContextPath() + "; no request is authenticated by it");
            return;
        }
        integration.ifPresent(found -> {
            refuseForeignKeys(ServletConfigSources.contextParams(context).names(), "a servlet context parameter", found,
                    reader.problems());
            refuseForeignKeys(initParams.keySet(), "a filter init-param", found, reader.problems());
        });
        ConfigKeys keys = integration.map(found -> WebSettings.KEYS.with(found.keys(), Set.of())).orElse(WebSettings.KEYS);
        keys.environmentWarnings(System.getenv()).forEach(warning -> LOG.log(Level.WARNING, warning));
        boolean autoRegister = reader.bool(StytchWebConfig.Keys.AUTO_REGISTER).orElse(StytchWebConfig.DEFAULT_AUTO_REGISTER);
        Optional<WebSettings> settings = Optional.empty();
        if (autoRegister) {
            settings = WebSettings.read(reader, keys);
        } else {
            // the application registers the filter with a configuration of its own, which its init checks
            keys.check(source.names(), reader);
        }
        throwIfAny(reader.problems());
        if (!autoRegister) {
            LOG.log(Level.INFO, () -> StytchWebConfig.Keys.AUTO_REGISTER + "=false: the application registers "
                    + "StytchAuthenticationFilter itself");
            return;
        }
        registerWebhookServlet(context, settings.orElseThrow());
        if (!declared.isEmpty()) {
            LOG.log(Level.DEBUG, "the application declares the Stytch filter itself: not registered again");
            if (declared.size() == 1) {
                context.setAttribute(PENDING, settings.orElseThrow());
            }
            return;
        }
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, StytchAuthenticationFilter.class);
        if (registration == null) {
            throw new ServletException("a filter named " + FILTER_NAME + " that is not stytch-jakarta's exists: rename it, "
                    + "or set " + StytchWebConfig.Keys.AUTO_REGISTER + "=false and register StytchAuthenticationFilter yourself");
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.setAttribute(PENDING, settings.orElseThrow());
        LOG.log(Level.INFO, () -> "Stytch authentication filter registered for /* (set "
                + StytchWebConfig.Keys.AUTO_REGISTER + "=false to register it yourself)");
    }

    /**
     * Builds the authenticator of the filter {@link #configure} registered or found declared, once, from
     * the settings {@link #configure} read (or the CDI module's).
     *
     * @param context the servlet context, being initialised
     * @throws IllegalStateException when the authenticator cannot be built; it fails the application's start
     */
    static void start(ServletContext context) {
        if (context.getAttribute(STARTED) != null) {
            return;
        }
        context.setAttribute(STARTED, Boolean.TRUE);
        if (!(context.getAttribute(PENDING) instanceof WebSettings settings)) {
            return;
        }
        Optional<WebIntegration> integration = WebIntegration.find(WebIntegration.classLoaderOf(context));
        try {
            context.setAttribute(AUTHENTICATOR, integration.isPresent() ? integration.get().authenticator()
                    : ownAuthenticator(settings, stytch -> context.setAttribute(OWNED, stytch)));
            Stytch stytch = integration.isPresent() ? integration.get().stytch() : (Stytch) context.getAttribute(OWNED);
            stytch.webhooks().ifPresent(webhooks -> context.setAttribute(WEBHOOKS, webhooks));
        } catch (StytchConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            // a server's own copy of a dependency, a CDI container that did not start: never run unprotected
            throw new IllegalStateException("stytch-jakarta could not start, so " + context.getContextPath()
                    + " does not start either: " + e, e);
        }
    }

    /**
     * Closes the {@link Stytch} {@link #start} created, if any.
     *
     * @param context the servlet context, being destroyed
     */
    static void stop(ServletContext context) {
        if (context.getAttribute(OWNED) instanceof Stytch stytch) {
            context.removeAttribute(OWNED);
            stytch.close();
        }
    }

    /**
     * The application's one authenticator, from the module that owns its configuration (the CDI module),
     * for a filter the application registers in code.
     *
     * @param integration    the module's integration
     * @param initParamNames the init-params of the filter, which that module would not read
     * @return the authenticator
     * @throws StytchConfigException naming the init-params with a {@code stytch.} key
     */
    public static StytchWebAuthenticator shared(WebIntegration integration, Set<String> initParamNames) {
        ConfigProblems problems = new ConfigProblems();
        refuseForeignKeys(initParamNames, "a filter init-param", integration, problems);
        problems.throwIfAny();
        return integration.authenticator();
    }

    /**
     * Creates a {@link Stytch} from the settings and an authenticator on it.
     *
     * @param settings the settings
     * @param owner    receives the {@code Stytch}, which it must close when the application stops
     * @return the authenticator
     * @throws StytchConfigException when {@code stytch.startup-check} finds the credentials wrong
     */
    public static StytchWebAuthenticator ownAuthenticator(WebSettings settings, Consumer<Stytch> owner) {
        Stytch stytch = Stytch.create(settings.core());
        owner.accept(stytch);
        LOG.log(Level.INFO, () -> "Stytch authentication started for project " + stytch.config().projectId() + " ("
                + stytch.config().vertical() + ")");
        return StytchWebAuthenticator.create(stytch, settings.web());
    }

    // fail closed: without a secret there is no endpoint at all
    private static void registerWebhookServlet(ServletContext context, WebSettings settings) throws ServletException {
        if (!settings.core().webhook().enabled()) {
            return;
        }
        String path = settings.core().webhook().path();
        ServletRegistration.Dynamic servlet = context.addServlet(WebhookServlet.NAME, WebhookServlet.class);
        if (servlet == null) {
            throw new ServletException("a servlet named " + WebhookServlet.NAME + " that is not stytch-jakarta's exists");
        }
        if (!servlet.addMapping(path).isEmpty()) {
            throw new ServletException(StytchConfig.Keys.WEBHOOK_PATH + ": another servlet is mapped to " + path);
        }
        LOG.log(Level.INFO, () -> "Stytch webhook endpoint registered at " + path);
    }

    private static void throwIfAny(ConfigProblems problems) throws ServletException {
        try {
            problems.throwIfAny();
        } catch (StytchConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    // the CDI module reads MicroProfile Config only: stytch.* keys from servlet sources would be ignored by its beans
    private static void refuseForeignKeys(Set<String> names, String what, WebIntegration integration,
                                          ConfigProblems problems) {
        for (String name : new TreeSet<>(names)) {
            if (name.startsWith(ConfigKeys.PREFIX)) {
                problems.add(name, "is " + what + ", but this application reads its Stytch configuration from "
                        + integration.configurationName() + " (stytch-jakarta-cdi is present): move it there");
            }
        }
    }
}
