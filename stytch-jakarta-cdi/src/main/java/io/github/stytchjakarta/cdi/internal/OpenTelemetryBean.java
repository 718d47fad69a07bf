package io.github.stytchjakarta.cdi.internal;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code io.opentelemetry.api.OpenTelemetry} bean a server with MicroProfile Telemetry provides, looked up by
 * name so that this module loads where the OpenTelemetry API is absent. Stateless and thread-safe.
 */
final class OpenTelemetryBean {

    static final String TYPE = "io.opentelemetry.api.OpenTelemetry";

    private static final System.Logger LOG = System.getLogger(OpenTelemetryBean.class.getName());

    private OpenTelemetryBean() {
    }

    /**
     * @param beans the bean manager
     * @return the server's OpenTelemetry instance, if the API is visible to the library and a bean provides it
     */
    static Optional<Object> find(BeanManager beans) {
        Class<?> type;
        try {
            type = Class.forName(TYPE, false, OpenTelemetryBean.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        Set<Bean<?>> candidates = beans.getBeans(type);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        try {
            Bean<?> bean = beans.resolve(candidates);
            return Optional.of(beans.getReference(bean, type, beans.createCreationalContext(bean)));
        } catch (AmbiguousResolutionException e) {
            LOG.log(System.Logger.Level.WARNING, "several OpenTelemetry beans: stytch-jakarta reports to GlobalOpenTelemetry");
            return Optional.empty();
        }
    }
}
