package io.github.stytchjakarta.cdi.ee11.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * The caller as the container sees it, as JSON, at {@code /api/caller} (Stytch's: every path but
 * {@code /ops/**} is) and {@code /ops/caller} (operators', by the WAR's security constraint).
 */
@WebServlet(urlPatterns = {"/api/caller", "/ops/caller"})
public class CallerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal caller = request.getUserPrincipal();
        response.setContentType("application/json");
        response.getWriter().write("{\"name\":\"" + (caller == null ? "" : caller.getName())
                + "\",\"type\":\"" + (caller == null ? "" : caller.getClass().getName())
                + "\",\"operator\":" + request.isUserInRole("operator")
                + ",\"editor\":" + request.isUserInRole("editor") + "}");
    }
}
