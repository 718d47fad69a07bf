package io.github.stytchjakarta.example.api;

import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchReadiness;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health/ready}: whether this node can authenticate without waiting for Stytch
 * ({@link Stytch#readiness()}), in MicroProfile Health's format, 200 when up and 503 when down. Public (see
 * {@code stytch.web.public-paths}). On a server with MicroProfile Health the library's own readiness check also
 * appears in the server's {@code /health/ready}; this resource serves the example where there is none (the
 * embedded Jetty run).
 */
@RequestScoped
@Path("health/ready")
public class ReadinessResource {

    @Inject
    Stytch stytch;

    /** @return the readiness, with the key set's and the policy's ages in seconds */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        StytchReadiness readiness = stytch.readiness();
        String status = readiness.ready() ? "UP" : "DOWN";
        Map<String, Object> body = Map.of("status", status,
                "checks", List.of(Map.of("name", "stytch", "status", status, "data", readiness.data())));
        return Response.status(readiness.ready() ? 200 : 503).entity(body).build();
    }
}
