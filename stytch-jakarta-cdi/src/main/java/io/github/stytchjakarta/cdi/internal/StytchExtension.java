package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.OrganizationId;
import io.github.stytchjakarta.cdi.RequiresAuthentication;
import io.github.stytchjakarta.cdi.RequiresPermission;
import io.github.stytchjakarta.cdi.RequiresRole;
import io.github.stytchjakarta.cdi.StytchAuthenticationMechanism;
import io.github.stytchjakarta.cdi.StytchAuthenticationMechanismDefinition;
import io.github.stytchjakarta.core.StytchConfigException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI portable extension of stytch-jakarta (registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}).
 *
 * <ul>
 *   <li><b>Security annotations</b>: adds the {@link StytchSecured} interceptor binding to every class
 *       or method carrying {@code @RequiresAuthentication}, {@code @RequiresRole} or
 *       {@code @RequiresPermission}, and validates their use ({@link SecurityRule}): mistakes are
 *       definition errors that fail the deployment, naming the method.</li>
 *   <li><b>The authentication mechanism</b>: vetoes the {@link StytchAuthenticationMechanism} bean
 *       unless an application class is annotated {@link StytchAuthenticationMechanismDefinition} or
 *       {@value StytchSettings#MECHANISM_ENABLED} is {@code true}, so that otherwise the container's own
 *       mechanism (or none) stays in charge. (Vetoing a discovered bean, rather than adding a type,
 *       keeps it in the library's bean archive: Payara does not let types added by an extension see
 *       the beans of the archive.)</li>
 *   <li><b>Validation at deployment</b>: when the library is active, reads the configuration from
 *       MicroProfile Config and reports every problem, by key, as one deployment problem. The library
 *       is active when {@value StytchSettings#ACTIVATION_KEY} is configured, the mechanism is enabled,
 *       a security annotation is used, or a bean injects a type this library produces. A library that
 *       is merely on the class path of an application that does none of this needs no configuration.</li>
 * </ul>
 * One instance per application (the container creates it); thread-safe, since a container may fire
 * discovery events on several threads.
 */
public class StytchExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(StytchExtension.class.getName());

    /**
     * The library's own beans with injection points, which do not count as the application using it
     * (by name: the JAX-RS providers cannot be loaded where JAX-RS is absent).
     */
    private static final Set<String> LIBRARY_BEANS = Set.of(CurrentStytchSession.class.getName(),
            StytchProducers.class.getName(), StytchSecurityInterceptor.class.getName(),
            StytchAuthenticationMechanism.class.getName(),
            "io.github.stytchjakarta.cdi.jaxrs.StytchSecurityExceptionMapper",
            "io.github.stytchjakarta.cdi.jaxrs.StytchUnavailableExceptionMapper",
            "io.github.stytchjakarta.cdi.jaxrs.StytchSecurityContextFilter",
            "io.github.stytchjakarta.cdi.jaxrs.StytchEjbAccessExceptionMapper");

    // Weld may fire the events of type discovery on several threads at once
    private final Queue<String> definitionProblems = new ConcurrentLinkedQueue<>();
    private volatile boolean used;
    private volatile boolean mechanismAnnotated;
    private volatile boolean mechanismEnabled;
    private volatile StytchSettings settings;

    <T> void secure(@Observes @WithAnnotations({RequiresAuthentication.class, RequiresRole.class,
            RequiresPermission.class, RequiresPermission.List.class, OrganizationId.class}) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        Class<T> beanClass = type.getJavaClass();
        boolean secured = false;
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            try {
                secured |= SecurityRule.of(beanClass, method.getJavaMember()).isPresent();
            } catch (IllegalArgumentException e) {
                definitionProblems.add(e.getMessage());
            }
        }
        if (!secured) {
            return;
        }
        used = true;
        AnnotatedTypeConfigurator<T> configurator = event.configureAnnotatedType();
        if (SecurityRule.hasRuleAnnotation(beanClass)) {
            configurator.add(StytchSecured.Literal.INSTANCE);
        } else {
            configurator.filterMethods(method -> SecurityRule.hasRuleAnnotation(method.getJavaMember()))
                    .forEach(method -> method.add(StytchSecured.Literal.INSTANCE));
        }
    }

    void findMechanismDefinition(@Observes @WithAnnotations(StytchAuthenticationMechanismDefinition.class)
                                 ProcessAnnotatedType<?> event) {
        if (event.getAnnotatedType().isAnnotationPresent(StytchAuthenticationMechanismDefinition.class)) {
            mechanismAnnotated = true;
        }
    }

    void decideMechanism(@Observes AfterTypeDiscovery event) {
        mechanismEnabled = mechanismAnnotated || StytchSettings.mechanismEnabledByKey(config());
        LOG.log(Level.DEBUG, () -> "StytchAuthenticationMechanism " + (mechanismEnabled ? "enabled" : "disabled"));
    }

    void vetoMechanismUnlessEnabled(@Observes ProcessBeanAttributes<StytchAuthenticationMechanism> event) {
        if (!mechanismEnabled) {
            event.veto();
        }
    }

    void noticeUse(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint injectionPoint = event.getInjectionPoint();
        boolean ours = injectionPoint.getMember() != null
                && LIBRARY_BEANS.contains(injectionPoint.getMember().getDeclaringClass().getName());
        if (!ours && StytchProducers.PRODUCED_TYPES.contains(injectionPoint.getType())) {
            used = true;
        }
    }

    void reportDefinitionProblems(@Observes AfterBeanDiscovery event) {
        definitionProblems.forEach(problem -> event.addDefinitionError(new IllegalArgumentException(problem)));
    }

    void validateConfiguration(@Observes AfterDeploymentValidation event) {
        Config config = config();
        if (!used && !mechanismEnabled && config.getOptionalValue(StytchSettings.ACTIVATION_KEY, String.class).isEmpty()) {
            LOG.log(Level.DEBUG, "stytch-jakarta is not used by this application and not configured: inactive");
            return;
        }
        try {
            settings = StytchSettings.load(config);
        } catch (StytchConfigException e) {
            event.addDeploymentProblem(e);
        }
    }

    /**
     * The settings read at deployment, or read now if the library was inactive then.
     *
     * @return the settings
     * @throws StytchConfigException listing every problem of the configuration
     */
    public StytchSettings settings() {
        StytchSettings current = settings;
        if (current == null) {
            current = StytchSettings.load(config());
            settings = current;
        }
        return current;
    }

    private static Config config() {
        return ConfigProvider.getConfig(classLoader());
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StytchExtension.class.getClassLoader();
    }
}
