/** stytch-jakarta CDI: the Jakarta Security mechanism, injection and authorization interceptors. */
module io.github.stytchjakarta.cdi {
    requires transitive io.github.stytchjakarta.filter;
    requires transitive jakarta.cdi;
    requires transitive jakarta.interceptor;
    requires transitive jakarta.annotation;
    requires transitive jakarta.security;
    requires microprofile.config.api; // MicroProfile Config 3.0 has no module name of its own
    requires java.management;
    requires static jakarta.ws.rs;
    requires static jakarta.ejb;
    requires static microprofile.health.api; // the readiness check, added only where the server has it

    exports io.github.stytchjakarta.cdi;
    exports io.github.stytchjakarta.cdi.jaxrs;

    provides io.github.stytchjakarta.filter.internal.WebIntegration
            with io.github.stytchjakarta.cdi.internal.MicroProfileWebIntegration;
    provides jakarta.enterprise.inject.spi.Extension with io.github.stytchjakarta.cdi.internal.StytchExtension;
    provides jakarta.servlet.ServletContainerInitializer
            with io.github.stytchjakarta.cdi.internal.WildFlySecurityDomainCheck;
}
