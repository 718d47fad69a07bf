package io.github.stytchjakarta.cdi.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchSecurityException;
import io.github.stytchjakarta.cdi.fixtures.DocumentService;
import io.github.stytchjakarta.cdi.fixtures.ScopedService;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A plain servlet over CDI beans, as a Servlet-only application on Jetty would write it: the
 * {@code StytchAuthenticationFilter} authenticates, the beans' Stytch annotations authorize, and a
 * refused call is answered by the shared web authenticator, exactly like the filter's own refusals.
 */
final class DocumentsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient DocumentService documents;
    private final transient ScopedService reports;
    private final transient CurrentStytchSession current;
    private final transient StytchWebAuthenticator web;

    DocumentsServlet(DocumentService documents, ScopedService reports, CurrentStytchSession current, StytchWebAuthenticator web) {
        this.documents = documents;
        this.reports = reports;
        this.current = current;
        this.web = web;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        try {
            Object result = switch (method + " " + path) {
                case "GET /me" -> me(request);
                case "GET /documents" -> call(documents::read);
                case "DELETE /documents" -> call(documents::delete);
                case "GET /audit" -> call(documents::audit);
                case "GET /reports" -> call(reports::export);
                case "GET /public/signed-in" -> call(documents::whoAmI);
                default -> path.startsWith("/organizations/")
                        ? call(() -> documents.readIn(path.substring("/organizations/".length())))
                        : null;
            };
            if (result == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("application/json");
            JSON.writeValue(response.getOutputStream(), result);
        } catch (StytchSecurityException e) {
            web.sendFailure(request, response, e.failure(current.credentialSource()));
        }
    }

    private Map<String, Object> me(HttpServletRequest request) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("current", current.principal().map(Principal::getName).orElse(null));
        me.put("caller", current.caller().map(Principal::getName).orElse(null));
        me.put("scopes", current.scopes());
        me.put("roles", current.roles());
        me.put("source", current.credentialSource().map(CredentialSource::name).orElse(null));
        Principal principal = request.getUserPrincipal();
        me.put("servletPrincipal", principal == null ? null : principal.getClass().getName() + " " + principal.getName());
        me.put("servletIsEditor", request.isUserInRole("editor"));
        me.put("servletIsManager", request.isUserInRole("manager"));
        me.put("scheme", request.getAuthType());
        return me;
    }

    private static Object call(Callable<String> action) {
        try {
            return Map.of("result", action.call());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
