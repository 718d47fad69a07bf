package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health readiness check {@code stytch}: {@link Stytch#readiness()}, with whether the key set
 * and the policy are loaded, whether the circuit breaker is closed, and their ages. Never a liveness check: a
 * restart does not fix Stytch.
 *
 * <p>Not a bean by discovery, since this class must not be loaded where the MicroProfile Health API is absent:
 * {@link StytchExtension} registers it ({@link #register}) when the API is there and the library is enabled, as a
 * synthetic bean. It reads the facade the producer handed to the extension: on servers that give each archive its
 * own view (Payara), neither an annotated type added by an extension nor the extension's bean manager sees the
 * library's producer. Before the facade exists (nothing has used the library yet) it is looked up with
 * {@link CDI#current()}, and the check is DOWN if even that fails. Thread-safe.
 */
public final class StytchReadinessCheck implements HealthCheck {

    /** The check's name in {@code /health/ready}. */
    public static final String NAME = "stytch";

    private static final System.Logger LOG = System.getLogger(StytchReadinessCheck.class.getName());

    private final Supplier<Stytch> stytch;

    private StytchReadinessCheck(Supplier<Stytch> stytch) {
        this.stytch = stytch;
    }

    /**
     * Adds the check as an application-scoped {@code @Readiness} bean.
     *
     * @param event the extension's event
     * @param extension the extension, to which the producer hands the facade
     */
    static void register(AfterBeanDiscovery event, StytchExtension extension) {
        event.addBean().beanClass(StytchReadinessCheck.class).types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE).scope(ApplicationScoped.class)
                .createWith(context -> new StytchReadinessCheck(
                        () -> extension.facade().orElseGet(() -> CDI.current().select(Stytch.class).get())));
    }

    @Override
    public HealthCheckResponse call() {
        StytchReadiness readiness;
        try {
            readiness = stytch.get().readiness();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the Stytch facade could not be had for the readiness check: "
                    + e.getClass().getSimpleName());
            return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(Map.of("started", false)));
        }
        // the constructor, not HealthCheckResponse.named(): no provider lookup, the same on every server
        return new HealthCheckResponse(NAME, readiness.ready() ? Status.UP : Status.DOWN, Optional.of(readiness.data()));
    }
}
