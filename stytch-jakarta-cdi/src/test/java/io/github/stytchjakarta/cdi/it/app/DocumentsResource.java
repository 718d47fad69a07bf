package io.github.stytchjakarta.cdi.it.app;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.OrganizationId;
import io.github.stytchjakarta.cdi.RequiresPermission;
import io.github.stytchjakarta.core.StytchMember;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The test API: who the caller is in every API that can say it, and protected operations. */
@Path("/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    @Inject
    CurrentStytchSession current;

    @Inject
    SecurityContext security;

    @Inject
    DocumentArchive archive;

    @Context
    jakarta.ws.rs.core.SecurityContext jaxrs;

    @Context
    HttpServletRequest request;

    @GET
    @Path("/me")
    public Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("current", current.principal().map(Principal::getName).orElse(null));
        me.put("caller", current.caller().map(Principal::getName).orElse(null));
        me.put("scopes", current.scopes());
        me.put("organization", current.member().map(StytchMember::organizationId).orElse(null));
        me.put("roles", current.roles());
        me.put("callerPrincipal", describe(security.getCallerPrincipal()));
        me.put("principalsByType", security.getPrincipalsByType(StytchMember.class).stream().map(DocumentsResource::describe).toList());
        me.put("callerIsEditor", security.isCallerInRole("editor"));
        me.put("callerIsManager", security.isCallerInRole("manager"));
        me.put("jaxrsPrincipal", describe(jaxrs.getUserPrincipal()));
        me.put("scheme", jaxrs.getAuthenticationScheme());
        me.put("jaxrsIsEditor", jaxrs.isUserInRole("editor"));
        me.put("servletPrincipal", describe(request.getUserPrincipal()));
        me.put("servletIsEditor", request.isUserInRole("editor"));
        return me;
    }

    @GET
    @RequiresPermission(resource = "documents", action = "read")
    public Map<String, Object> list() {
        return Map.of("documents", 3);
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(resource = "documents", action = "delete")
    public Map<String, Object> delete(@PathParam("id") String id) {
        return Map.of("deleted", id);
    }

    @GET
    @Path("/organizations/{organizationId}")
    @RequiresPermission(resource = "documents", action = "read")
    public Map<String, Object> ofOrganization(@OrganizationId @PathParam("organizationId") String organizationId) {
        return Map.of("organization", organizationId);
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public Map<String, Object> admin() {
        return Map.of("admin", true);
    }

    @GET
    @Path("/ejb/editor")
    public Map<String, Object> ejbEditor() {
        return Map.of("ejb", archive.callerAsEditor());
    }

    @DELETE
    @Path("/ejb")
    public Map<String, Object> ejbPurge() {
        return Map.of("ejb", archive.purge());
    }

    private static Map<String, Object> describe(Principal principal) {
        return principal == null ? null : Map.of("type", principal.getClass().getName(), "name", principal.getName());
    }
}
