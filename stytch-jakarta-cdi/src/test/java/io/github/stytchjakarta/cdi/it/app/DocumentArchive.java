package io.github.stytchjakarta.cdi.it.app;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.RequiresPermission;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** An EJB: the container's @RolesAllowed and the library's interceptor both apply. */
@Stateless
public class DocumentArchive {

    @Resource
    SessionContext context;

    @Inject
    CurrentStytchSession current;

    @RolesAllowed("editor")
    public String callerAsEditor() {
        return context.getCallerPrincipal().getName() + " " + current.requirePrincipal().getName();
    }

    @RequiresPermission(resource = "documents", action = "delete")
    public String purge() {
        return "purged by " + current.requirePrincipal().getName();
    }
}
