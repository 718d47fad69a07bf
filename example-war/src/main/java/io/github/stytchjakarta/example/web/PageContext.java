package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * What every page of a request needs: the app's base path (links are relative to it) and the viewer.
 *
 * @param basePath the context path and {@code /}
 * @param viewer   who is signed in, empty for an anonymous visitor
 */
public record PageContext(String basePath, Optional<Viewer> viewer) {

    /** The media type of pages. */
    public static final String HTML = "text/html;charset=utf-8";

    /** Requires every part. */
    public PageContext {
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(viewer, "viewer");
    }

    /**
     * @param uri     the request's URIs
     * @param current the request's Stytch caller
     * @return the context
     */
    public static PageContext of(UriInfo uri, CurrentStytchSession current) {
        return new PageContext(uri.getBaseUri().getRawPath(),
                current.principal().map(principal -> Viewer.of(principal, current.roles())));
    }

    /**
     * @param title      the title
     * @param lead       a sentence under the title, {@code ""} for none
     * @param activePath the navigation entry to highlight
     * @param content    the body
     * @return the page
     */
    public String render(String title, String lead, String activePath, Html content) {
        return Layout.page(basePath, title, lead, activePath, viewer, content);
    }
}
