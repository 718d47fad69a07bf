package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Another module of the library that owns an application's Stytch configuration and authenticator: the
 * CDI module provides one over MicroProfile Config and its CDI-managed {@link StytchWebAuthenticator}.
 * Where one is present, the filter the initializer registers reads that configuration and uses that
 * authenticator, so an application has one configuration and one {@code Stytch}, whether requests are
 * authenticated by the filter, by the CDI module's authentication mechanism, or by both (the second then
 * sees the first's decision in the request attribute and does not verify again).
 *
 * <p>Found with {@link ServiceLoader} on the application's class loader
 * ({@code META-INF/services/io.github.stytchjakarta.filter.internal.WebIntegration}). Public for the CDI
 * module only; not an API. Implementations must be thread-safe.
 */
public interface WebIntegration {

    /**
     * A short name of where the configuration comes from, for messages.
     *
     * @return e.g. {@code MicroProfile Config}
     */
    String configurationName();

    /**
     * The keys the integration's module adds to the filter's.
     *
     * @return the keys
     */
    Set<String> keys();

    /**
     * The application's configuration.
     *
     * @param classLoader the application's class loader
     * @return the source, listing the {@code stytch.*} names it defines
     */
    ConfigSource configuration(ClassLoader classLoader);

    /**
     * The application's authenticator, for the filter when it starts.
     *
     * @return the authenticator
     * @throws IllegalStateException when the module cannot provide it (e.g. CDI is not running)
     */
    StytchWebAuthenticator authenticator();

    /**
     * The application's {@link Stytch}, the one behind {@link #authenticator()}, for the webhook endpoint.
     *
     * @return the facade
     * @throws IllegalStateException when the module cannot provide it (e.g. CDI is not running)
     */
    Stytch stytch();

    /**
     * The class loader of a web application: the context's, else (embedded servers that set none) the
     * thread's, else the library's.
     *
     * @param context the servlet context
     * @return the class loader
     */
    static ClassLoader classLoaderOf(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        return loader != null ? loader : WebIntegration.class.getClassLoader();
    }

    /**
     * The integration of an application, if a module provides one that can run there (its dependencies,
     * such as MicroProfile Config, are on the class path).
     *
     * @param classLoader the application's class loader
     * @return the integration
     */
    static Optional<WebIntegration> find(ClassLoader classLoader) {
        try {
            for (ServiceLoader.Provider<WebIntegration> provider : ServiceLoader.load(WebIntegration.class, classLoader)
                    .stream().toList()) {
                try {
                    return Optional.of(provider.get());
                } catch (ServiceConfigurationError | LinkageError e) {
                    // the module is there but its own dependencies are not (CDI module without MicroProfile Config)
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // as above, failing while the provider class is loaded
        }
        return Optional.empty();
    }
}
