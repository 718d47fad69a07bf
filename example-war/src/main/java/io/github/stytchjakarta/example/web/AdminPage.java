package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.core.StytchClient;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.core.model.RbacPolicy;
import io.github.stytchjakarta.example.documents.DocumentStore;
import io.github.stytchjakarta.example.documents.Workspace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;

/**
 * {@code /admin}, for the {@value Viewer#ADMIN_ROLE} role only ({@code @RolesAllowed}, answered from the
 * session's Stytch roles through {@code isUserInRole}): the project's RBAC policy as Stytch serves it
 * ({@code GET /v1/b2b/rbac/policy} or {@code GET /v1/rbac/policy}), the app's Stytch settings (never the
 * secret), and the workspace's size.
 */
@RequestScoped
@Path("admin")
@Produces(PageContext.HTML)
@RolesAllowed(Viewer.ADMIN_ROLE)
public class AdminPage {

    @Inject
    StytchClient stytch;

    @Inject
    StytchConfig config;

    @Inject
    DocumentStore store;

    @Inject
    CurrentStytchSession current;

    @Context
    UriInfo uri;

    /** @return the page */
    @GET
    public String show() {
        Workspace workspace = Workspace.of(current.requirePrincipal());
        RbacPolicy policy = (config.vertical() == Vertical.B2B ? stytch.b2bRbac().policy() : stytch.rbac().policy()).policy();
        Html roles = Html.join(policy.roles().stream().map(role -> Html.of(
                "<tr><td><span class=\"pill\">{}</span></td><td class=\"small\">{}</td><td class=\"small\">{}</td></tr>",
                role.roleId(), role.description(), role.permissions().stream()
                        .map(permission -> permission.resourceId() + ": " + String.join(", ", permission.actions()))
                        .collect(Collectors.joining("; ")))).toList());
        Html content = Html.of("""
                <div class="card"><h2>RBAC policy</h2>
                <table id="policy"><thead><tr><th>Role</th><th>Description</th><th>Permissions</th></tr></thead>
                <tbody>{}</tbody></table>
                <p class="muted small">Fetched from Stytch and cached by stytch-jakarta, which checks every
                <code>@RequiresPermission</code> against it locally.</p></div>
                <div class="grid">
                <div class="card"><h2>Stytch settings</h2><dl>
                <dt>Project</dt><dd>{}</dd><dt>Vertical</dt><dd>{}</dd><dt>API</dt><dd>{}</dd>
                <dt>Signing keys</dt><dd>{}</dd><dt>Policy refresh</dt><dd>every {} s</dd></dl></div>
                <div class="card"><h2>Workspace {}</h2><p>{} documents.</p></div>
                </div>""", roles, config.projectId(), config.vertical(), config.baseUrl(), config.jwks().url(),
                config.rbac().policyTtl().toSeconds(), workspace.label(), store.list(workspace).size());
        return PageContext.of(uri, current).render("Admin", "Only the admin role gets here.", "admin", content);
    }
}
