/** stytch-jakarta filter: Stytch authentication for any Servlet 6 container. */
module io.github.stytchjakarta.filter {
    requires transitive io.github.stytchjakarta.core;
    requires transitive jakarta.servlet;

    exports io.github.stytchjakarta.filter;
    // the seam the CDI module plugs into
    exports io.github.stytchjakarta.filter.internal to io.github.stytchjakarta.cdi;

    uses io.github.stytchjakarta.filter.internal.WebIntegration;
    provides jakarta.servlet.ServletContainerInitializer
            with io.github.stytchjakarta.filter.internal.StytchFilterInitializer;
}
