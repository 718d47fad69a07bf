package io.github.stytchjakarta.cdi.it.app;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.RequiresAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.Principal;
import java.util.Map;

/** Under a public path: anonymous callers get in, unless a method needs authentication. */
@Path("/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {

    @Inject
    CurrentStytchSession current;

    @Inject
    AuthenticationLog log;

    @GET
    public Map<String, Object> hello() {
        return Map.of("caller", current.principal().map(Principal::getName).orElse("anonymous"));
    }

    @GET
    @Path("/signed-in")
    @RequiresAuthentication
    public Map<String, Object> signedIn() {
        return Map.of("caller", current.requirePrincipal().getName());
    }

    @GET
    @Path("/events")
    public Map<String, Object> events() {
        return Map.of("events", log.entries());
    }
}
