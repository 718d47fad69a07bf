package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.Problem;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.WebFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers a failure: a 302 to the login page for a browser navigation without a valid session (when a login
 * page is configured; the original URI rides along as the return parameter when
 * {@link StytchWebAuthenticator#isSafeReturnTarget} holds), otherwise the {@link Problem} of the failure. A
 * rejected or ambiguous cookie credential also clears both session cookies. Whether a request is a browser
 * navigation follows {@link StytchWebConfig.Mode}. Nothing is written once the response is committed.
 * Immutable and thread-safe.
 */
public final class FailureResponder {

    private final StytchWebConfig config;
    private final SessionEstablishment session;
    private final WebLog log;

    /**
     * Creates the responder.
     *
     * @param config  the web configuration
     * @param session clears the session cookies
     * @param log     the log
     */
    public FailureResponder(StytchWebConfig config, SessionEstablishment session, WebLog log) {
        this.config = config;
        this.session = session;
        this.log = log;
    }

    /**
     * Writes the answer.
     *
     * @param request  the request
     * @param response the response
     * @param failure  the failure
     * @throws IOException when writing the response fails
     */
    public void send(HttpServletRequest request, HttpServletResponse response, WebFailure failure) throws IOException {
        if (response.isCommitted()) {
            log.debug(() -> "response already committed, cannot answer " + failure.code());
            return;
        }
        WebFailure.Kind kind = failure.kind();
        if (failure.fromCookie() && (kind == WebFailure.Kind.INVALID_TOKEN || kind == WebFailure.Kind.INVALID_REQUEST)) {
            session.clear(request, response);
        }
        if (redirectsToLogin(request, failure)) {
            SessionCookies.forbidStorage(response);
            redirect(response, loginRedirect(request));
            return;
        }
        ProblemResponses.write(response, Problem.of(failure, config));
    }

    /**
     * @param request the request
     * @return whether it is a browser's navigation, which gets redirects rather than problem bodies
     */
    public boolean isBrowserNavigation(HttpServletRequest request) {
        return switch (config.mode()) {
            case API -> false;
            case BROWSER -> true;
            case AUTO -> {
                String fetchMode = request.getHeader("Sec-Fetch-Mode");
                String accept = request.getHeader("Accept");
                yield fetchMode != null ? fetchMode.equals("navigate")
                        : accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
            }
        };
    }

    /**
     * Answers 302 with an empty body.
     *
     * @param response the response
     * @param location the target
     */
    public static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    private boolean redirectsToLogin(HttpServletRequest request, WebFailure failure) {
        boolean needsSession = failure.kind() == WebFailure.Kind.MISSING_CREDENTIALS
                || failure.kind() == WebFailure.Kind.INVALID_TOKEN;
        String method = request.getMethod();
        return needsSession && config.loginPage().isPresent()
                && failure.source().orElse(null) != CredentialSource.BEARER_HEADER
                && ("GET".equals(method) || "HEAD".equals(method)) && isBrowserNavigation(request);
    }

    private String loginRedirect(HttpServletRequest request) {
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        String returnTarget = StytchWebAuthenticator.isSafeReturnTarget(target) ? target : request.getContextPath() + "/";
        String loginPage = config.loginPage().orElseThrow();
        return request.getContextPath() + loginPage + (loginPage.contains("?") ? "&" : "?") + config.returnParameter()
                + "=" + URLEncoder.encode(returnTarget, StandardCharsets.UTF_8);
    }
}
