package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchAccessDeniedException;
import io.github.stytchjakarta.cdi.StytchSecurityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;

/**
 * Error answers for the browser: a page in the app's frame with a fixed explanation, never a stack trace
 * or request text. The exception mappers decide between this and a problem body by the request path:
 * {@value #API_PREFIX}… is the JSON API, everything else a page. Stateless and thread-safe.
 */
public final class ErrorPages {

    /** Paths of the JSON API, relative to the app's base. */
    public static final String API_PREFIX = "api/";

    private ErrorPages() {
    }

    /**
     * @param uri the request's URIs
     * @return whether the request is for the JSON API rather than a page
     */
    public static boolean isApi(UriInfo uri) {
        String path = path(uri);
        return path.equals("api") || path.startsWith(API_PREFIX);
    }

    /**
     * The request's path relative to the app's base, without a leading slash: {@code UriInfo.getPath()} has one
     * on RESTEasy and CXF, and none on Jersey.
     *
     * @param uri the request's URIs
     * @return e.g. {@code api/documents}
     */
    public static String path(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /**
     * Answers a refusal: the library's problem body (its mapper, found through {@code providers}) for the API,
     * a page saying why for the browser.
     *
     * @param uri       the request's URIs
     * @param current   the request's Stytch caller
     * @param providers the JAX-RS providers
     * @param refusal   the refusal
     * @return the 403 answer
     */
    public static Response forbidden(UriInfo uri, CurrentStytchSession current, Providers providers,
                                     StytchAccessDeniedException refusal) {
        if (isApi(uri)) {
            ExceptionMapper<StytchSecurityException> library = providers.getExceptionMapper(StytchSecurityException.class);
            return library.toResponse(refusal);
        }
        String message = switch (refusal.reason()) {
            case PERMISSION_DENIED -> "Your roles do not allow this. Stytch's RBAC policy decides what each role may do.";
            case TENANCY_MISMATCH -> "This belongs to another organization.";
            case ROLE_MISSING -> "This page is for admins only.";
            case INSUFFICIENT_SCOPE -> "This is for apps and machines whose access token grants the scope it needs.";
        };
        return page(uri, current, Response.Status.FORBIDDEN.getStatusCode(), "Not allowed", message);
    }

    /**
     * @param uri     the request's URIs
     * @param current the request's Stytch caller
     * @param status  the HTTP status
     * @param title   the page title
     * @param message the explanation
     * @return the page, not to be cached
     */
    public static Response page(UriInfo uri, CurrentStytchSession current, int status, String title, String message) {
        PageContext page = PageContext.of(uri, current);
        Html who = page.viewer().map(viewer -> Html.of("<p class=\"muted\">Signed in as {} ({}), roles: {}</p>",
                viewer.displayName(), viewer.workspace(), viewer.roles().isEmpty() ? "none" : String.join(", ",
                        viewer.roles()))).orElse(Html.EMPTY);
        Html content = Html.of("""
                <div class="card alert" role="alert"><p><strong>{}</strong></p>{}</div>
                <div class="actions"><a class="btn" href="documents">Back to documents</a>
                <a class="btn secondary" href="./">Home</a></div>""", message, who);
        return Response.status(status).type(PageContext.HTML).header("Cache-Control", "no-store")
                .entity(page.render(title, "", "", content)).build();
    }
}
