package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.internal.WebIntegration;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI module's {@link WebIntegration}: the filter module's initializer and filter read MicroProfile
 * Config, as the CDI module does, and the filter uses the CDI-managed {@link StytchWebAuthenticator}, so
 * an application has one configuration and one {@code Stytch}. Registered in
 * {@code META-INF/services/io.github.stytchjakarta.filter.internal.WebIntegration}; ServiceLoader cannot
 * create it where MicroProfile Config or CDI is missing, and the filter then reads servlet sources.
 * Thread-safe.
 */
public final class MicroProfileWebIntegration implements WebIntegration {

    /** Resolves MicroProfile Config and CDI now, so that their absence shows while ServiceLoader creates it. */
    public MicroProfileWebIntegration() {
        Objects.requireNonNull(ConfigProvider.class);
        Objects.requireNonNull(CDI.class);
    }

    @Override
    public String configurationName() {
        return "MicroProfile Config";
    }

    @Override
    public Set<String> keys() {
        return StytchSettings.OWN_KEYS;
    }

    @Override
    public ConfigSource configuration(ClassLoader classLoader) {
        return new MicroProfileConfigSource(ConfigProvider.getConfig(classLoader));
    }

    @Override
    public StytchWebAuthenticator authenticator() {
        return CDI.current().select(StytchWebAuthenticator.class).get();
    }

    @Override
    public Stytch stytch() {
        return CDI.current().select(Stytch.class).get();
    }
}
