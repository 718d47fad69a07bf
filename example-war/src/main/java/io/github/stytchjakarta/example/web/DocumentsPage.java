package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.RequiresPermission;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.example.documents.Document;
import io.github.stytchjakarta.example.documents.DocumentPermissions;
import io.github.stytchjakarta.example.documents.DocumentStore;
import io.github.stytchjakarta.example.documents.InvalidDocumentException;
import io.github.stytchjakarta.example.documents.Workspace;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * {@code /documents}: the workspace's documents, a form to write one and buttons to delete them. Each
 * method carries the permission it needs; the page shows every action and marks those the caller's roles
 * lack, so that trying one shows the server refusing it (a 403 page).
 */
@RequestScoped
@Path("documents")
@Produces(PageContext.HTML)
public class DocumentsPage {

    /** The fixed notices a redirect may ask for ({@code ?done=created}), so no request text is ever shown. */
    private static final Map<String, String> NOTICES = Map.of(
            "created", "Document saved.",
            "deleted", "Document deleted.",
            "missing", "That document no longer exists.");

    @Inject
    DocumentStore store;

    @Inject
    CurrentStytchSession current;

    @Inject
    StytchAuthorizer authorizer;

    @Context
    UriInfo uri;

    /**
     * @param done which notice to show after a redirect, if any
     * @return the page
     */
    @GET
    @RequiresPermission(resource = DocumentPermissions.RESOURCE, action = DocumentPermissions.READ)
    public String list(@QueryParam("done") String done) {
        Html notice = Views.notice(NOTICES, done);
        return render(notice, "", "");
    }

    /**
     * @param title the title
     * @param body  the text
     * @return a redirect to the list, or the page with the problem (400)
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(resource = DocumentPermissions.RESOURCE, action = DocumentPermissions.WRITE)
    public Response create(@FormParam("title") String title, @FormParam("body") String body) {
        StytchPrincipal caller = current.requirePrincipal();
        try {
            store.add(Workspace.of(caller), Viewer.emailOf(caller).orElse(caller.getName()), title, body);
        } catch (InvalidDocumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(render(Views.alert(e.getMessage()), title, body))
                    .build();
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("documents").queryParam("done", "created").build()).build();
    }

    /**
     * @param id the document id
     * @return a redirect to the list
     */
    @POST
    @Path("{id}/delete")
    @RequiresPermission(resource = DocumentPermissions.RESOURCE, action = DocumentPermissions.DELETE)
    public Response delete(@PathParam("id") String id) {
        boolean deleted = store.delete(Workspace.of(current.requirePrincipal()), id);
        return Response.seeOther(uri.getBaseUriBuilder().path("documents")
                .queryParam("done", deleted ? "deleted" : "missing").build()).build();
    }

    private String render(Html message, String title, String body) {
        StytchPrincipal caller = current.requirePrincipal();
        Workspace workspace = Workspace.of(caller);
        List<Document> documents = store.list(workspace);
        Html deleteHint = hint(caller, DocumentPermissions.DELETE);
        Html rows = Html.join(documents.stream().map(document -> Html.of("""
                <tr><td><strong>{}</strong><div class="muted small">{}</div></td><td class="small">{}</td>
                <td class="small">{}</td><td><form class="inline" method="post" action="documents/{}/delete">
                <button class="btn danger" type="submit">Delete</button></form>{}</td></tr>""",
                document.title(), document.body(), document.author(), Views.time(document.createdAt()), document.id(),
                deleteHint)).toList());
        Html table = documents.isEmpty() ? Html.of("<p class=\"muted\">No documents yet.</p>") : Html.of("""
                <table><thead><tr><th>Document</th><th>Author</th><th>Written</th><th></th></tr></thead>
                <tbody>{}</tbody></table>""", rows);
        Html content = Html.of("""
                {}
                <div class="card">{}</div>
                <div class="card"><h2>Write a document</h2>
                <form method="post" action="documents">
                <label for="title">Title</label><input type="text" id="title" name="title" maxlength="{}" value="{}" required>
                <label for="body">Text</label><textarea id="body" name="body" maxlength="{}">{}</textarea>
                <div class="actions"><button class="btn" type="submit" id="save">Save</button>{}</div>
                </form></div>""", message, table, DocumentStore.MAX_TITLE_LENGTH, title, DocumentStore.MAX_BODY_LENGTH,
                body, hint(caller, DocumentPermissions.WRITE));
        return PageContext.of(uri, current).render("Documents", "Shared by everyone in workspace " + workspace.label()
                + ". Every action is checked on the server against the roles of your Stytch session.", "documents",
                content);
    }

    // shows which permission an action needs when the caller's roles do not grant it
    private Html hint(StytchPrincipal caller, String action) {
        boolean granted = authorizer.check(caller, new Permission(DocumentPermissions.RESOURCE, action)).granted();
        return granted ? Html.EMPTY : Html.of("<span class=\"needs\" title=\"Your roles lack this permission: the server "
                + "will refuse it\">needs {}:{}</span>", DocumentPermissions.RESOURCE, action);
    }
}
