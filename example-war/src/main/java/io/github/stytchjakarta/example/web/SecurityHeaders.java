package io.github.stytchjakarta.example.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Browser hardening for every answer of the app: no content sniffing, no referrer to other sites, and for
 * pages a content security policy that allows nothing but the page's own inline styles and same-origin forms
 * (the pages have no scripts), and no framing; a page that sets its own policy (the sign-in page with Stytch's
 * frontend SDK) keeps it. Thread-safe.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    /** The pages' content security policy. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            if (!response.getHeaders().containsKey("Content-Security-Policy")) {
                response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
