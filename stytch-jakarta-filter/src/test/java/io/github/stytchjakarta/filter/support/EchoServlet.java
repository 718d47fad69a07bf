package io.github.stytchjakarta.filter.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.filter.StytchAttributes;
import io.github.stytchjakarta.filter.WebAuthentication;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers every request with what the application sees of it and of its caller, as JSON: the method
 * as the container reports it, the path, the principal's type and name, {@code getRemoteUser()},
 * {@code getAuthType()}, {@code isUserInRole} for each role named in the {@code roles} query parameter
 * (comma-separated), and the types of the Stytch request attributes.
 */
public final class EchoServlet extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> echo = new LinkedHashMap<>();
        Principal principal = request.getUserPrincipal();
        echo.put("method", request.getMethod());
        echo.put("path", request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        echo.put("principalType", principal == null ? null : principal.getClass().getSimpleName());
        echo.put("principalName", principal == null ? null : principal.getName());
        echo.put("remoteUser", request.getRemoteUser());
        echo.put("authType", request.getAuthType());
        Map<String, Boolean> inRole = new LinkedHashMap<>();
        String roles = request.getParameter("roles");
        if (roles != null) {
            for (String role : roles.split(",")) {
                inRole.put(role, request.isUserInRole(role));
            }
        }
        echo.put("inRole", inRole);
        Object authentication = request.getAttribute(StytchAttributes.AUTHENTICATION);
        echo.put("authenticationType", authentication == null ? null : authentication.getClass().getSimpleName());
        if (authentication instanceof WebAuthentication.Failed failed) {
            echo.put("failureCode", failed.failure().code());
        }
        Object session = request.getAttribute(StytchAttributes.SESSION);
        echo.put("sessionType", session == null ? null : session.getClass().getSimpleName());
        Object attributePrincipal = request.getAttribute(StytchAttributes.PRINCIPAL);
        echo.put("sessionId", attributePrincipal instanceof StytchPrincipal p ? p.sessionId() : null);
        response.setContentType("application/json");
        JSON.writeValue(response.getOutputStream(), echo);
    }

    /**
     * Reads an echo body.
     *
     * @param body the response body
     * @return the echo as a map
     */
    public static Map<String, Object> parse(String body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> echo = JSON.readValue(body, Map.class);
            return echo;
        } catch (IOException e) {
            throw new AssertionError("not an echo: " + body, e);
        }
    }
}
