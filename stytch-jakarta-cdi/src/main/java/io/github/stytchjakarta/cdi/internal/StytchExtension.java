package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.cdi.OrganizationId;
import io.github.stytchjakarta.cdi.RequiresAuthentication;
import io.github.stytchjakarta.cdi.RequiresPermission;
import io.github.stytchjakarta.cdi.RequiresRole;
import io.github.stytchjakarta.cdi.RequiresScope;
import io.github.stytchjakarta.cdi.StytchAuthenticationMechanism;
import io.github.stytchjakarta.cdi.StytchAuthenticationMechanismDefinition;
import io.github.stytchjakarta.core.ConfigProblem;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.core.internal.OptionalApis;
import io.github.stytchjakarta.core.internal.config.ConfigKeys;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI portable extension of stytch-jakarta (registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}).
 *
 * <ul>
 *   <li><b>Security annotations</b>: adds the {@link StytchSecured} interceptor binding to every class
 *       or method carrying {@code @RequiresAuthentication}, {@code @RequiresRole}, {@code @RequiresScope} or
 *       {@code @RequiresPermission}, or (not on enterprise beans, and not when the library is switched off)
 *       {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll}, and validates their use
 *       ({@link SecurityRule}): mistakes are definition errors that fail the deployment, naming the method.</li>
 *   <li><b>The authentication mechanism</b>: vetoes the {@link StytchAuthenticationMechanism} bean
 *       unless an application class is annotated {@link StytchAuthenticationMechanismDefinition} or
 *       {@value StytchSettings#MECHANISM_ENABLED} is {@code true}, so that otherwise the container's own
 *       mechanism (or none) stays in charge. (Vetoing a discovered bean, rather than adding a type,
 *       keeps it in the library's bean archive: Payara does not let types added by an extension see
 *       the beans of the archive.) An enabled bean gets the qualifiers the definitions name
 *       ({@link MechanismQualifiers}); definitions naming different ones are a definition error. On
 *       Jakarta Security 4, several mechanisms without a handler of the application's fail the deployment,
 *       since the container's default handler would fail every request.</li>
 *   <li><b>Validation at deployment</b>: reads the configuration from MicroProfile Config and reports
 *       every problem, by key, as one deployment problem: unknown {@code stytch.*} keys, a missing project
 *       id, every invalid value. An application with this module is protected or does not deploy; only
 *       {@code stytch.enabled=false} switches the module off (and then the security annotations must not be
 *       used, since they could only refuse every call).</li>
 * </ul>
 * One instance per application (the container creates it); thread-safe, since a container may fire
 * discovery events on several threads.
 */
public class StytchExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(StytchExtension.class.getName());

    // Weld may fire the events of type discovery on several threads at once
    private final Queue<String> definitionProblems = new ConcurrentLinkedQueue<>();
    private volatile boolean securityAnnotationsUsed;
    private volatile Boolean enabled;
    private final Queue<MechanismDefinition> mechanismDefinitions = new ConcurrentLinkedQueue<>();
    private volatile boolean mechanismEnabled;
    private volatile StytchSettings settings;
    private volatile Stytch facade;

    // MicroProfile Health, when the server has it: the class is only loaded then (its interface is that API's)
    void addReadinessCheck(@Observes AfterBeanDiscovery event) {
        if (enabled() && OptionalApis.isPresent("org.eclipse.microprofile.health.HealthCheck",
                StytchExtension.class.getClassLoader())) {
            StytchReadinessCheck.register(event, this);
        }
    }

    /**
     * Called by the producer when it created the application's facade, or closed it ({@code null}).
     *
     * @param stytch the facade, {@code null} once closed
     */
    void facade(Stytch stytch) {
        facade = stytch;
    }

    /** @return the application's facade, once the producer created it */
    Optional<Stytch> facade() {
        return Optional.ofNullable(facade);
    }

    <T> void secure(@Observes @WithAnnotations({RequiresAuthentication.class, RequiresRole.class, RequiresScope.class,
            RequiresPermission.class, RequiresPermission.List.class, OrganizationId.class,
            RolesAllowed.class, PermitAll.class, DenyAll.class}) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        Class<T> beanClass = type.getJavaClass();
        boolean stytchAnnotated = SecurityRule.hasStytchAnnotation(beanClass)
                || type.getMethods().stream().anyMatch(method -> SecurityRule.hasStytchAnnotation(method.getJavaMember()));
        if (!stytchAnnotated && !enabled()) {
            return; // the Jakarta annotations alone: the container's business while the library is off
        }
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
        securityAnnotationsUsed |= stytchAnnotated;
        AnnotatedTypeConfigurator<T> configurator = event.configureAnnotatedType();
        if (SecurityRule.hasRuleAnnotation(beanClass, beanClass)) {
            configurator.add(StytchSecured.Literal.INSTANCE);
        } else {
            configurator.filterMethods(method -> SecurityRule.hasRuleAnnotation(beanClass, method.getJavaMember()))
                    .forEach(method -> method.add(StytchSecured.Literal.INSTANCE));
        }
    }

    void findMechanismDefinition(@Observes @WithAnnotations(StytchAuthenticationMechanismDefinition.class)
                                 ProcessAnnotatedType<?> event) {
        StytchAuthenticationMechanismDefinition definition =
                event.getAnnotatedType().getAnnotation(StytchAuthenticationMechanismDefinition.class);
        if (definition != null) {
            mechanismDefinitions.add(new MechanismDefinition(event.getAnnotatedType().getJavaClass().getName(),
                    new LinkedHashSet<>(Arrays.asList(definition.qualifiers()))));
        }
    }

    void decideMechanism(@Observes AfterTypeDiscovery event) {
        mechanismEnabled = enabled() && (!mechanismDefinitions.isEmpty() || StytchSettings.mechanismEnabledByKey(config()));
        LOG.log(Level.DEBUG, () -> "StytchAuthenticationMechanism " + (mechanismEnabled ? "enabled" : "disabled"));
    }

    void configureMechanism(@Observes ProcessBeanAttributes<StytchAuthenticationMechanism> event, BeanManager beans) {
        if (!mechanismEnabled) {
            event.veto();
            return;
        }
        Map<Set<Class<?>>, List<String>> classesByQualifiers = mechanismDefinitions.stream().collect(Collectors.groupingBy(
                MechanismDefinition::qualifiers, LinkedHashMap::new, Collectors.mapping(MechanismDefinition::className,
                        Collectors.toList())));
        if (classesByQualifiers.size() > 1) {
            event.addDefinitionError(new IllegalArgumentException("@" + StytchAuthenticationMechanismDefinition.class
                    .getSimpleName() + " names different qualifiers on " + classesByQualifiers.values().stream()
                    .flatMap(List::stream).sorted().collect(Collectors.joining(", ")) + "; the one mechanism has one set"));
            return;
        }
        Set<Class<?>> declared = classesByQualifiers.keySet().stream().findFirst().orElse(Set.of());
        if (declared.isEmpty()) {
            return;
        }
        try {
            event.configureBeanAttributes().qualifiers(MechanismQualifiers.of(declared, MechanismQualifiers.securityFour(),
                    beans::isQualifier));
        } catch (IllegalArgumentException e) {
            event.addDefinitionError(e);
        }
    }

    void reportDefinitionProblems(@Observes AfterBeanDiscovery event) {
        definitionProblems.forEach(problem -> event.addDefinitionError(new IllegalArgumentException(problem)));
    }

    /*
     * Jakarta Security 4: the container's default HttpAuthenticationMechanismHandler must fail on every request
     * when the application has several mechanisms (an AmbiguousResolutionException, a 500); say so at deployment,
     * with the way out. An application's handler replaces the default as an enabled alternative.
     */
    void checkSeveralMechanisms(@Observes AfterDeploymentValidation event, BeanManager beans) {
        Optional<Class<?>> handlerType = MechanismQualifiers.handlerType();
        if (!mechanismEnabled || handlerType.isEmpty()) {
            return;
        }
        Set<Bean<?>> mechanisms = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE);
        Set<Bean<?>> handlers = beans.getBeans(handlerType.get());
        if (mechanisms.size() < 2 || handlers.isEmpty() || handlers.stream().anyMatch(Bean::isAlternative)) {
            return;
        }
        try {
            beans.resolve(mechanisms);
        } catch (AmbiguousResolutionException e) {
            event.addDeploymentProblem(new IllegalStateException("the application has " + mechanisms.size()
                    + " HttpAuthenticationMechanism beans (" + mechanisms.stream().map(StytchExtension::describe)
                    .sorted().collect(Collectors.joining(", ")) + ") and no HttpAuthenticationMechanismHandler of its "
                    + "own, so Jakarta Security's default handler would fail every request: add an @Alternative "
                    + "@Priority HttpAuthenticationMechanismHandler that chooses (see the stytch-jakarta README, "
                    + "\"Several authentication mechanisms\")"));
        }
    }

    // the bean's qualifiers tell the mechanisms apart: the container's own come from producers of one class
    private static String describe(Bean<?> bean) {
        return bean.getQualifiers().stream().filter(qualifier -> !(qualifier instanceof Any))
                .map(qualifier -> "@" + qualifier.annotationType().getSimpleName())
                .collect(Collectors.joining(" ", "", " ")) + bean.getBeanClass().getName();
    }

    void validateConfiguration(@Observes AfterDeploymentValidation event) {
        if (!enabled()) {
            if (securityAnnotationsUsed) {
                event.addDeploymentProblem(new StytchConfigException(List.of(new ConfigProblem(ConfigKeys.ENABLED,
                        "is false, but the application uses @RequiresAuthentication, @RequiresRole, @RequiresScope or "
                                + "@RequiresPermission, which would refuse every call"))));
            }
            LOG.log(Level.WARNING, ConfigKeys.ENABLED + "=false: stytch-jakarta-cdi is switched off in this application");
            return;
        }
        try {
            settings = StytchSettings.load(config());
        } catch (StytchConfigException e) {
            event.addDeploymentProblem(e);
        }
    }

    /** @return whether the application's {@link StytchAuthenticationMechanism} is a bean (decided during type discovery) */
    public boolean mechanismEnabled() {
        return mechanismEnabled;
    }

    /**
     * The settings read at deployment (read now only where the library was switched off).
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

    // read once: the switch decides both what discovery binds and what deployment validates
    private boolean enabled() {
        Boolean current = enabled;
        if (current == null) {
            current = StytchSettings.enabled(config());
            enabled = current;
        }
        return current;
    }

    // one application class annotated @StytchAuthenticationMechanismDefinition, and the qualifiers it names
    private record MechanismDefinition(String className, Set<Class<?>> qualifiers) {
    }

    private static Config config() {
        return ConfigProvider.getConfig(classLoader());
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StytchExtension.class.getClassLoader();
    }
}
