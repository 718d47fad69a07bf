package io.github.stytchjakarta.cdi.it.app;

import io.github.stytchjakarta.cdi.RequiresScope;
import io.github.stytchjakarta.core.M2mCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** For M2M clients only ({@code stytch.web.access-tokens.paths}), with a scope. */
@Path("/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    M2mCaller client;

    @GET
    @RequiresScope("read:documents")
    public Map<String, Object> export() {
        return Map.of("result", "exported for " + client.clientId());
    }
}
