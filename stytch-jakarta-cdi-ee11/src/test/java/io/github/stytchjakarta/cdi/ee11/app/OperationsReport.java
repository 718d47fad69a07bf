package io.github.stytchjakarta.cdi.ee11.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /ops/report}: a CDI bean's {@code @RolesAllowed("operator")}, which the library enforces, called by a
 * caller the other mechanism (Basic) authenticated: the container's roles decide.
 */
@WebServlet("/ops/report")
public class OperationsReport extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Report report;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(report.summary());
    }

    /** The operators' report. */
    @RequestScoped
    public static class Report {

        /** @return the report */
        @RolesAllowed("operator")
        public String summary() {
            return "all systems nominal";
        }
    }
}
