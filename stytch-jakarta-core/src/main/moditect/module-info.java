/**
 * stytch-jakarta core: configuration, the Stytch API client, session, M2M and Connected-App token verification, RBAC.
 * Added to the jar after shading; Nimbus and Jackson are relocated inside it, unexported.
 */
module io.github.stytchjakarta.core {
    requires java.net.http;
    // what the relocated Jackson and Nimbus may touch, as optional as in their own descriptors
    requires static java.desktop;
    requires static java.sql;
    requires static java.xml;
    // metrics and spans when the OpenTelemetry API is present (internal.telemetry)
    requires static io.opentelemetry.api;
    requires static io.opentelemetry.context;

    exports io.github.stytchjakarta.core;
    exports io.github.stytchjakarta.core.model;

    // plumbing for the sibling modules only
    exports io.github.stytchjakarta.core.internal to io.github.stytchjakarta.filter, io.github.stytchjakarta.cdi;
    exports io.github.stytchjakarta.core.internal.config to io.github.stytchjakarta.filter, io.github.stytchjakarta.cdi;
    exports io.github.stytchjakarta.core.internal.json to io.github.stytchjakarta.filter;
    exports io.github.stytchjakarta.core.internal.jwt to io.github.stytchjakarta.filter;
}
