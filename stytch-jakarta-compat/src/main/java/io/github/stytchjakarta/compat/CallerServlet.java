package io.github.stytchjakarta.compat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application of the compatibility WAR: answers every request with what the container says about
 * its caller, using the Servlet API alone, as an application that knows nothing of Stytch would.
 */
public final class CallerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        String user = request.getRemoteUser();
        response.getWriter().write("{\"remoteUser\":" + (user == null ? "null" : "\"" + user + "\"")
                + ",\"editor\":" + request.isUserInRole("editor") + ",\"method\":\"" + request.getMethod() + "\"}");
    }
}
