package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code /}: the public landing page. */
@RequestScoped
@Path("")
@Produces(PageContext.HTML)
public class HomePage {

    @Inject
    CurrentStytchSession current;

    @Context
    UriInfo uri;

    /** @return the page */
    @GET
    public String show() {
        Html start = current.isAuthenticated()
                ? Html.of("<a class=\"btn\" href=\"documents\">Open your documents</a>")
                : Html.of("<a class=\"btn\" href=\"login\">Sign in</a>");
        Html content = Html.of("""
                <div class="card"><p>Each organization keeps its own documents. Viewers read them, editors also write,
                admins also delete and see the admin page. Sign-in, sessions and roles all come from Stytch: this app
                only reads the Stytch session cookies, through stytch-jakarta.</p>
                <div class="actions">{}<a class="btn secondary" href="api/documents">The JSON API</a></div></div>
                <div class="grid">
                <div class="card"><h2>Documents</h2><p class="small">A JAX-RS page and API whose methods carry
                <code>@RequiresPermission(resource = "documents", action = …)</code>, checked against the project's RBAC
                policy.</p></div>
                <div class="card"><h2>Sessions</h2><p class="small">Your active sessions from
                <code>GET /v1/b2b/sessions</code>, with how each was signed in, and revoke buttons.</p></div>
                <div class="card"><h2>Admin</h2><p class="small">A page with <code>@RolesAllowed("admin")</code>, answered
                from the Stytch roles of the session.</p></div>
                </div>""", start);
        return PageContext.of(uri, current).render("Team documents, secured by Stytch",
                "A small multi-tenant app that shows stytch-jakarta at work.", "", content);
    }
}
