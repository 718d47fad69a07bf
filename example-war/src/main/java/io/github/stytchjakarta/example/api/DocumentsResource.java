package io.github.stytchjakarta.example.api;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.OrganizationId;
import io.github.stytchjakarta.cdi.RequiresAuthentication;
import io.github.stytchjakarta.cdi.RequiresPermission;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.example.documents.Document;
import io.github.stytchjakarta.example.documents.DocumentPermissions;
import io.github.stytchjakarta.example.documents.DocumentStore;
import io.github.stytchjakarta.example.documents.InvalidDocumentException;
import io.github.stytchjakarta.example.documents.Workspace;
import io.github.stytchjakarta.example.web.Problem;
import io.github.stytchjakarta.example.web.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/**
 * The JSON API. Every method carries the permission it needs, checked by stytch-jakarta's interceptor
 * before the method runs: against the roles of the caller's Stytch session, or the scopes of an M2M token
 * ({@code read:documents}) or a Connected-App token (the policy's scopes). The caller's workspace comes from the
 * verified credential ({@link Workspace#forCaller}: organization, a consumer user's own documents, or an M2M client's
 * {@value Workspace#M2M_ORGANIZATION_CLAIM} claim), so a request can never reach another tenant's documents; an M2M
 * client without that claim gets 403 {@code example.no_workspace}. Answers to mistakes are
 * {@code application/problem+json}.
 *
 * <ul>
 *   <li>{@code GET /api/documents}: the workspace's documents ({@code documents:read})</li>
 *   <li>{@code GET /api/documents/{id}}: one document ({@code documents:read}), 404 if not in the workspace</li>
 *   <li>{@code POST /api/documents} with {@code {"title": …, "body": …}}: 201 with {@code Location}
 *       ({@code documents:write})</li>
 *   <li>{@code DELETE /api/documents/{id}}: 204 ({@code documents:delete}), 404 if not in the workspace</li>
 *   <li>{@code GET /api/organizations/{organizationId}/documents}: the same list, addressed by organization;
 *       the {@code @OrganizationId} parameter makes another organization's id a 403 (tenancy), checked before
 *       any role</li>
 *   <li>{@code GET /api/me}: the caller</li>
 * </ul>
 */
@RequestScoped
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    @Inject
    DocumentStore store;

    @Inject
    CurrentStytchSession current;

    @Context
    UriInfo uri;

    /** @return the caller's workspace and its documents */
    @GET
    @Path("documents")
    @RequiresPermission(resource = DocumentPermissions.RESOURCE, action = DocumentPermissions.READ)
    public Response list() {
        return inWorkspace(workspace -> Response.ok(new DocumentList(workspace.label(), store.list(workspace))).build());
    }

    /**
     * @param id the document id
     * @return the document, or 404
     */
    @GET
    @Path("documents/{id}")
    @RequiresPermission(resource = DocumentPermissions.RESOURCE, action = DocumentPermissions.READ)
    public Response get(@PathParam("id") String id) {
        return inWorkspace(workspace -> store.find(workspace, id).map(document -> Response.ok(document).build())
                .orElseGet(DocumentsResource::notFound));
    }

    /**
     * @param input the title and text
     * @return 201 with the document, or 400
     */
    @POST
    @Path("documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(resource = DocumentPermissions.RESOURCE, action = DocumentPermissions.WRITE)
    public Response create(NewDocument input) {
        if (input == null) {
            return Problem.response(400, "invalid_document", "send a JSON object with a title and a body");
        }
        StytchCaller caller = current.requireCaller();
        String author = caller instanceof StytchPrincipal principal ? Viewer.emailOf(principal).orElse(principal.getName())
                : caller.getName();
        return inWorkspace(workspace -> {
            try {
                Document document = store.add(workspace, author, input.title(), input.body());
                return Response.created(uri.getBaseUriBuilder().path("api/documents").path(document.id()).build())
                        .entity(document).build();
            } catch (InvalidDocumentException e) {
                return Problem.response(400, "invalid_document", e.getMessage());
            }
        });
    }

    /**
     * @param id the document id
     * @return 204, or 404
     */
    @DELETE
    @Path("documents/{id}")
    @RequiresPermission(resource = DocumentPermissions.RESOURCE, action = DocumentPermissions.DELETE)
    public Response delete(@PathParam("id") String id) {
        return inWorkspace(workspace -> store.delete(workspace, id) ? Response.noContent().build() : notFound());
    }

    /**
     * @param organizationId the organization whose documents are asked for; only the caller's own passes
     * @return the organization's documents
     */
    @GET
    @Path("organizations/{organizationId}/documents")
    @RequiresPermission(resource = DocumentPermissions.RESOURCE, action = DocumentPermissions.READ)
    public Response listOfOrganization(@PathParam("organizationId") @OrganizationId String organizationId) {
        return list();
    }

    /** @return the caller */
    @GET
    @Path("me")
    @RequiresAuthentication
    public Caller me() {
        return Caller.of(current.requireCaller(), current.roles());
    }

    private Response inWorkspace(Function<Workspace, Response> action) {
        return Workspace.forCaller(current.requireCaller()).map(action).orElseGet(() -> Problem.response(403, "no_workspace",
                "this client's tokens name no organization (claim " + Workspace.M2M_ORGANIZATION_CLAIM + ")"));
    }

    private static Response notFound() {
        return Problem.response(404, "not_found", "no such document in your workspace");
    }
}
