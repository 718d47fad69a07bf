package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.AuthorizationDecision;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.core.internal.LogThrottle;
import io.github.stytchjakarta.filter.StytchWebConfig.PathPermission;
import io.github.stytchjakarta.filter.internal.CredentialResolver;
import io.github.stytchjakarta.filter.internal.CredentialResolver.Resolution;
import io.github.stytchjakarta.filter.internal.CsrfGuard;
import io.github.stytchjakarta.filter.internal.PathPattern;
import io.github.stytchjakarta.filter.internal.RequestPath;
import io.github.stytchjakarta.filter.internal.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Stytch authentication for HTTP requests, independent of how it is plugged into a container: the
 * {@link StytchAuthenticationFilter} and the CDI module's {@code HttpAuthenticationMechanism} are thin
 * adapters around it, so both behave exactly alike.
 *
 * <p>{@link #handle} runs the whole flow for one request:
 * <ol>
 *   <li>an unacceptable path (a {@code .} or {@code ..} segment, a backslash or a control character
 *       left after the container's normalisation) is refused with 400;</li>
 *   <li>{@code POST} to the logout path (also {@code GET} if allowed) is answered by {@link #logout};</li>
 *   <li>a CORS preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method})
 *       proceeds anonymously, since browsers never attach credentials to it;</li>
 *   <li>{@link #authenticate}: the credential ({@code Authorization: Bearer}, else the
 *       {@code stytch_session_jwt} cookie, else the {@code stytch_session} cookie) is checked by core,
 *       locally when possible;</li>
 *   <li>for an authenticated request: {@link #checkCsrf} (cookie credentials and unsafe methods only),
 *       then {@link #authorizePath} (the first permission rule matching the method and path; with
 *       {@code stytch.web.permissions.unmatched-methods=deny}, a method no rule of a rule's path names
 *       is refused), then {@link #establish} (request attributes, and the refreshed JWT cookie when
 *       Stytch issued a new JWT);</li>
 *   <li>otherwise, on a protected path, {@link #sendFailure}; on a public path the request proceeds
 *       anonymously (a cookie-authenticated state change from a foreign origin, too, proceeds on a
 *       public path, but without its authentication).</li>
 * </ol>
 *
 * <p>Failures are answered per RFC 6750 and RFC 9457: 401 with {@code WWW-Authenticate: Bearer realm="…"}
 * ({@code error="invalid_token"} and a fixed {@code error_description} for a rejected credential), or a
 * 302 to the login page for browser navigations (see {@link StytchWebConfig.Mode}); 400 for ambiguous
 * credentials; 403 for a failed permission or a method the rules of its path do not name
 * ({@code error="insufficient_scope"} on bearer requests) or a failed CSRF check; 503 with
 * {@code Retry-After} when Stytch is needed and unreachable. Bodies are {@code application/problem+json}
 * with a stable {@code code}. A rejected cookie credential clears both session cookies, as Stytch's
 * frontend SDK does, with one exception: a JWT cookie refused only because no published key has its
 * {@code kid} (a rotation this application has not seen yet, see core's {@code JwksKeyStore}), sent
 * with one opaque session cookie, is decided by that session token at Stytch instead, and a fresh JWT
 * cookie is set when the session is live. Nothing a client sends causes an exception or a 500; tokens never appear in
 * responses or logs (client mistakes are logged at DEBUG, problems of this application or of Stytch at
 * WARNING, outages at most once a minute).
 *
 * <pre>
 * StytchWebAuthenticator web = StytchWebAuthenticator.create(stytch, StytchWebConfig.builder().loginPage("/login").build());
 * if (web.handle(request, response) instanceof WebOutcome.Proceed proceed) { ... }
 * </pre>
 *
 * <p>Thread-safe; create one per application and share it.
 */
public final class StytchWebAuthenticator {

    /** How often an unavailable or refusing Stytch is logged at WARNING (otherwise at DEBUG): core's one minute. */
    public static final Duration WARNING_INTERVAL = LogThrottle.WARNING_INTERVAL;

    /** Longest request URI carried back to the application through the login redirect. */
    public static final int MAX_RETURN_TARGET_LENGTH = 2048;

    private static final System.Logger LOG = System.getLogger(StytchWebAuthenticator.class.getName());
    private static final String MISSING_TOKEN_CODE = "stytch.missing_token";
    private static final String UNMATCHED_METHOD_CODE = "stytch.forbidden.unmatched_method";

    private final Stytch stytch;
    private final StytchWebConfig config;
    private final Clock clock;
    private final String tokenCookie;
    private final String sessionCookie;
    private final CredentialResolver credentials;
    private final CsrfGuard csrf;
    private final SessionCookies cookies;
    private final List<PathPattern> protectedPaths;
    private final List<PathPattern> publicPaths;
    private final List<CompiledPermission> permissions;
    private final PathPattern logoutPath;
    private final Optional<PathPattern> loginPath;
    private final LogThrottle warnings;

    private StytchWebAuthenticator(Builder builder) {
        this.stytch = builder.stytch;
        this.config = builder.config;
        this.clock = builder.clock;
        StytchConfig core = stytch.config();
        this.tokenCookie = core.tokenCookie();
        this.sessionCookie = core.sessionCookie();
        this.credentials = new CredentialResolver(core);
        this.csrf = new CsrfGuard(config.csrfAllowedOrigins());
        this.cookies = new SessionCookies(config);
        this.protectedPaths = config.protectedPaths().stream().map(PathPattern::compile).toList();
        this.publicPaths = config.publicPaths().stream().map(PathPattern::compile).toList();
        this.permissions = config.permissions().stream()
                .map(rule -> new CompiledPermission(rule, PathPattern.compile(rule.pathPattern()))).toList();
        this.logoutPath = PathPattern.compile(config.logoutPath());
        this.loginPath = config.loginPage().map(page -> PathPattern.compile(page.split("\\?", 2)[0]));
        this.warnings = new LogThrottle();
    }

    /**
     * Creates an authenticator with the system clock.
     *
     * @param stytch the core facade (not closed by the authenticator); must not be {@code null}
     * @param config the web configuration; must not be {@code null}
     * @return the authenticator
     */
    public static StytchWebAuthenticator create(Stytch stytch, StytchWebConfig config) {
        return builder(stytch, config).build();
    }

    /**
     * Starts a builder, for the settings that are not configuration (a clock for tests).
     *
     * @param stytch the core facade (not closed by the authenticator); must not be {@code null}
     * @param config the web configuration; must not be {@code null}
     * @return the builder
     */
    public static Builder builder(Stytch stytch, StytchWebConfig config) {
        return new Builder(stytch, config);
    }

    /**
     * Runs the whole flow (see the class documentation) with protection decided by the configured
     * paths and permission rules ({@link #isProtected}).
     *
     * @param request  the request
     * @param response the response, written unless the outcome is {@link WebOutcome.Proceed}
     * @return whether the request may proceed, and as whom
     * @throws IOException when writing the response fails (the client went away)
     */
    public WebOutcome handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> path = RequestPath.normalise(request);
        return handle(request, response, path, isProtected(request.getMethod(), path));
    }

    /**
     * Runs the whole flow with protection decided by the caller (e.g. the container's security
     * constraints). Permission rules apply to authenticated requests either way. A request handled
     * before (the {@link StytchAttributes#AUTHENTICATION} attribute is set, e.g. by a second
     * registration of the filter) proceeds as it was decided then.
     *
     * @param request           the request
     * @param response          the response, written unless the outcome is {@link WebOutcome.Proceed}
     * @param protectedResource whether the request needs an authenticated caller
     * @return whether the request may proceed, and as whom
     * @throws IOException when writing the response fails (the client went away)
     */
    public WebOutcome handle(HttpServletRequest request, HttpServletResponse response, boolean protectedResource)
            throws IOException {
        return handle(request, response, RequestPath.normalise(request), protectedResource);
    }

    // the path is normalised once per request: it is matched against the logout path, the permission rules
    // and, by the caller, the protected and public paths
    private WebOutcome handle(HttpServletRequest request, HttpServletResponse response, Optional<String> path,
                              boolean protectedResource) throws IOException {
        if (request.getAttribute(StytchAttributes.AUTHENTICATION) instanceof WebAuthentication earlier) {
            return new WebOutcome.Proceed(earlier instanceof WebAuthentication.Authenticated authenticated
                    ? Optional.of(authenticated) : Optional.empty());
        }
        if (path.isEmpty()) {
            LOG.log(Level.DEBUG, "request path refused: path parameter, dot segment, backslash or control character");
            return refuse(request, response, new WebFailure(WebFailure.Kind.INVALID_REQUEST, "stytch.invalid_request.path",
                    "the request path is not acceptable", Optional.empty(), Optional.empty()));
        }
        if (isLogoutRequest(request.getMethod(), path)) {
            logout(request, response);
            return new WebOutcome.Responded(Optional.empty());
        }
        if (isCorsPreflight(request)) {
            return proceedAnonymously(request, WebAuthentication.Anonymous.INSTANCE);
        }
        WebAuthentication authentication = authenticate(request);
        if (authentication instanceof WebAuthentication.Authenticated authenticated) {
            Optional<WebFailure> csrfFailure = checkCsrf(request, authenticated);
            if (csrfFailure.isPresent() && !protectedResource) {
                LOG.log(Level.DEBUG, "cross-origin state change with a session cookie on a public path: proceeds anonymously");
                return proceedAnonymously(request, new WebAuthentication.Failed(csrfFailure.get()));
            }
            Optional<WebFailure> failure = csrfFailure.isPresent() ? csrfFailure
                    : authorizePath(request.getMethod(), path, authenticated);
            if (failure.isPresent()) {
                return refuse(request, response, failure.get());
            }
            establish(request, response, authenticated);
            return new WebOutcome.Proceed(Optional.of(authenticated));
        }
        if (protectedResource) {
            return refuse(request, response, authentication instanceof WebAuthentication.Failed failed ? failed.failure()
                    : new WebFailure(WebFailure.Kind.MISSING_CREDENTIALS, MISSING_TOKEN_CODE, "authentication is required",
                            Optional.empty(), Optional.empty()));
        }
        return proceedAnonymously(request, authentication);
    }

    /**
     * Whether a request needs an authenticated caller: the login page and the logout path never do; a
     * request matching a permission rule always does, and so, with
     * {@link StytchWebConfig.UnmatchedMethods#DENY}, does any request to a path a rule's pattern matches;
     * then public paths win over protected paths. An unacceptable path counts as protected.
     *
     * @param request the request
     * @return {@code true} if the request needs an authenticated caller
     */
    public boolean isProtected(HttpServletRequest request) {
        return isProtected(request.getMethod(), RequestPath.normalise(request));
    }

    private boolean isProtected(String method, Optional<String> normalised) {
        if (normalised.isEmpty()) {
            return true;
        }
        String path = normalised.get();
        if (logoutPath.matches(path) || loginPath.isPresent() && loginPath.get().matches(path)) {
            return false;
        }
        if (permissionFor(method, path).isPresent() || isUnmatchedMethod(path)) {
            return true;
        }
        return !anyMatches(publicPaths, path) && anyMatches(protectedPaths, path);
    }

    private static boolean anyMatches(List<PathPattern> patterns, String path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a request asks to log out: {@code POST} (or, if allowed, {@code GET}) to the logout path.
     *
     * @param request the request
     * @return {@code true} for a logout request
     */
    public boolean isLogoutRequest(HttpServletRequest request) {
        return isLogoutRequest(request.getMethod(), RequestPath.normalise(request));
    }

    private boolean isLogoutRequest(String method, Optional<String> path) {
        // in any case, like the permission rules' methods
        boolean logoutMethod = "POST".equalsIgnoreCase(method)
                || config.logoutAllowGet() && "GET".equalsIgnoreCase(method);
        return logoutMethod && path.isPresent() && logoutPath.matches(path.get());
    }

    /**
     * Logs the caller out: checks the origin of any request not authenticated by a bearer header (also one
     * carrying no cookie or several, since the answer clears the browser's cookies), revokes the session at
     * Stytch (a session Stytch no longer knows counts as revoked), clears both session cookies, then
     * redirects browser navigations to the logout redirect and answers others 204. When Stytch cannot be
     * reached the cookies are still cleared and the answer is 503 with {@code Retry-After}, since the
     * session may still be live.
     *
     * @param request  the logout request
     * @param response the response, written
     * @throws IOException when writing the response fails
     */
    public void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Resolution resolution = credentials.resolve(request);
        // whatever cookies came (one, two of a name, unreadable ones, none: a cross-site form post carries no
        // Lax cookie, yet the browser applies the clearing Set-Cookie): only a bearer header shows that no
        // foreign page made the browser send this
        if (config.csrfEnabled() && resolution.source() != CredentialSource.BEARER_HEADER && !csrf.allows(request)) {
            sendFailure(request, response, csrfFailure());
            return;
        }
        WebAuthentication authentication = authenticate(request, resolution);
        Optional<WebFailure> unavailable = Optional.empty();
        if (authentication instanceof WebAuthentication.Authenticated authenticated) {
            unavailable = revoke(authenticated.principal());
        } else if (authentication instanceof WebAuthentication.Failed failed
                && failed.failure().kind() == WebFailure.Kind.UNAVAILABLE) {
            unavailable = Optional.of(failed.failure());
        }
        clearSessionCookies(request, response);
        if (unavailable.isPresent()) {
            sendFailure(request, response, unavailable.get());
        } else if (resolution.source() != CredentialSource.BEARER_HEADER && isBrowserNavigation(request)) {
            redirect(response, request.getContextPath() + config.logoutRedirect());
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    /**
     * Whether the request carries a Stytch credential (a bearer header, the JWT cookie or the session
     * cookie, under their configured names), valid or not, without checking it: how a choice between
     * several authentication mechanisms recognises a request for this one. Unreadable cookies count as one,
     * so that the request is refused here rather than passed to a mechanism that ignores them.
     *
     * @param request the request
     * @return {@code true} if the request carries a Stytch credential
     */
    public boolean hasCredential(HttpServletRequest request) {
        return credentials.resolve(request).status() != CredentialResolver.Resolution.Status.NONE;
    }

    /**
     * Finds and checks the request's Stytch credential. Never throws for anything the client sent.
     *
     * @param request the request
     * @return anonymous (no credential), authenticated, or failed (rejected, ambiguous, or Stytch unavailable)
     */
    public WebAuthentication authenticate(HttpServletRequest request) {
        return authenticate(request, credentials.resolve(request));
    }

    /**
     * The CSRF origin check ({@code Sec-Fetch-Site}, else {@code Origin}, else {@code Referer}, against
     * the request's own origin and {@code stytch.web.csrf.allowed-origins}) for cookie-authenticated
     * state-changing requests; bearer requests and safe methods always pass.
     *
     * @param request        the request
     * @param authentication its authentication
     * @return the failure, when the request must be refused
     */
    public Optional<WebFailure> checkCsrf(HttpServletRequest request, WebAuthentication.Authenticated authentication) {
        if (!config.csrfEnabled() || !authentication.source().isCookie() || csrf.allows(request)) {
            return Optional.empty();
        }
        LOG.log(Level.DEBUG, "cross-origin state change with a session cookie refused");
        return Optional.of(csrfFailure());
    }

    /**
     * Checks the first permission rule matching the request's method and path with core's authorizer;
     * with {@link StytchWebConfig.UnmatchedMethods#DENY}, refuses a request to a path some rule's pattern
     * matches when no rule names its method.
     *
     * @param request        the request
     * @param authentication its authentication
     * @return the failure (403, or 503 when the RBAC policy cannot be had), when the request must be refused
     */
    public Optional<WebFailure> authorizePath(HttpServletRequest request, WebAuthentication.Authenticated authentication) {
        return authorizePath(request.getMethod(), RequestPath.normalise(request), authentication);
    }

    private Optional<WebFailure> authorizePath(String method, Optional<String> path,
                                               WebAuthentication.Authenticated authentication) {
        Optional<PathPermission> rule = path.flatMap(normalised -> permissionFor(method, normalised));
        if (rule.isEmpty()) {
            if (path.isEmpty() || !isUnmatchedMethod(path.get())) {
                return Optional.empty();
            }
            LOG.log(Level.DEBUG, "method named by no permission rule of the path refused");
            return Optional.of(new WebFailure(WebFailure.Kind.FORBIDDEN, UNMATCHED_METHOD_CODE,
                    "no permission rule for this path allows this method", Optional.of(authentication.source()),
                    Optional.empty()));
        }
        AuthorizationDecision decision;
        try {
            decision = stytch.authorizer().check(authentication.principal(), rule.get().resourceId(), rule.get().action());
        } catch (StytchUnavailableException e) {
            warn("RBAC policy unavailable: " + e.getMessage());
            return Optional.of(unavailable(e.retryAfter()));
        } catch (StytchApiException e) {
            warn("Stytch refused the RBAC policy request: HTTP " + e.statusCode() + " " + e.errorType());
            return Optional.of(unavailable(Optional.empty()));
        }
        if (decision.granted()) {
            return Optional.empty();
        }
        LOG.log(Level.DEBUG, () -> "permission " + rule.get().resourceId() + ":" + rule.get().action() + " refused: "
                + decision.outcome());
        String detail = decision.outcome() == AuthorizationDecision.Outcome.TENANCY_MISMATCH
                ? "the resource belongs to another organization" : "the session's roles do not grant this permission";
        return Optional.of(new WebFailure(WebFailure.Kind.FORBIDDEN,
                "stytch.forbidden." + decision.outcome().name().toLowerCase(Locale.ROOT), detail,
                Optional.of(authentication.source()), Optional.empty()));
    }

    /**
     * Records an authenticated request: sets the {@link StytchAttributes} and, when Stytch issued a fresh
     * JWT for a cookie credential, re-sets the JWT cookie (and the opaque token cookie, so both follow
     * the session's expiry) with the frontend SDK's attributes and {@code Cache-Control: no-store}
     * ({@link SessionCookies#forbidStorage}). Bearer clients get no cookies; they find
     * the fresh JWT in {@link StytchAttributes#AUTHENTICATION}.
     *
     * @param request        the request
     * @param response       the response (headers only; nothing is written once it is committed)
     * @param authentication the authentication
     */
    public void establish(HttpServletRequest request, HttpServletResponse response,
                          WebAuthentication.Authenticated authentication) {
        StytchPrincipal principal = authentication.principal();
        request.setAttribute(StytchAttributes.AUTHENTICATION, authentication);
        request.setAttribute(StytchAttributes.PRINCIPAL, principal);
        request.setAttribute(StytchAttributes.SESSION, principal instanceof StytchMember member ? member.session()
                : ((StytchUser) principal).session());
        Optional<String> refreshed = authentication.session().refreshedJwt();
        if (!authentication.source().isCookie() || refreshed.isEmpty() || response.isCommitted()) {
            return;
        }
        if (!SessionCookies.isSafeValue(refreshed.get())) {
            warn("the JWT Stytch issued cannot be put into a cookie; the cookie is not refreshed");
            return;
        }
        Instant now = clock.instant();
        Instant expiresAt = principal.sessionExpiresAt();
        response.addHeader(SessionCookies.SET_COOKIE, cookies.set(request, tokenCookie, refreshed.get(), expiresAt, now));
        credentials.sessionCookieValue(request).filter(SessionCookies::isSafeValue).ifPresent(token ->
                response.addHeader(SessionCookies.SET_COOKIE, cookies.set(request, sessionCookie, token, expiresAt, now)));
        SessionCookies.forbidStorage(response);
    }

    /**
     * Answers a failure: a 302 to the login page for a browser navigation without a valid session (when
     * a login page is configured), otherwise the status of its {@link WebFailure.Kind} with a
     * {@code WWW-Authenticate} challenge where RFC 6750 asks for one, {@code Retry-After} on 503, and a
     * problem body. A rejected or ambiguous cookie credential also clears both session cookies.
     * Nothing is written once the response is committed.
     *
     * @param request  the request
     * @param response the response
     * @param failure  the failure
     * @throws IOException when writing the response fails
     */
    public void sendFailure(HttpServletRequest request, HttpServletResponse response, WebFailure failure)
            throws IOException {
        if (response.isCommitted()) {
            LOG.log(Level.DEBUG, () -> "response already committed, cannot answer " + failure.code());
            return;
        }
        WebFailure.Kind kind = failure.kind();
        if (failure.fromCookie() && (kind == WebFailure.Kind.INVALID_TOKEN || kind == WebFailure.Kind.INVALID_REQUEST)) {
            clearSessionCookies(request, response);
        }
        if (redirectsToLogin(request, failure)) {
            SessionCookies.forbidStorage(response);
            redirect(response, loginRedirect(request));
            return;
        }
        boolean bearer = failure.source().orElse(null) == CredentialSource.BEARER_HEADER;
        if (kind.status() == HttpServletResponse.SC_UNAUTHORIZED || bearer && kind.bearerError().isPresent()) {
            response.setHeader("WWW-Authenticate",
                    ProblemResponses.bearerChallenge(config.realm(), kind.bearerError(), failure.detail()));
        }
        if (kind == WebFailure.Kind.UNAVAILABLE) {
            long seconds = failure.retryAfter().orElse(config.retryAfter()).toSeconds();
            response.setHeader("Retry-After", Long.toString(Math.max(1, seconds)));
        }
        ProblemResponses.write(response, kind.status(), failure.code(), failure.detail());
    }

    /**
     * Whether a path may be used as the target of a redirect back into the application: a relative path
     * starting with exactly one {@code /}, without backslashes, control or non-ASCII characters, at most
     * {@value #MAX_RETURN_TARGET_LENGTH} characters. Anything else ({@code //evil.example},
     * {@code /\evil.example}, {@code https://...}) could leave the site. Use it in the login page before
     * following its return parameter.
     *
     * @param target a candidate such as the {@code return_to} parameter; may be {@code null}
     * @return {@code true} if it is safe
     */
    public static boolean isSafeReturnTarget(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_RETURN_TARGET_LENGTH
                || target.charAt(0) != '/' || target.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private WebAuthentication authenticate(HttpServletRequest request, Resolution resolution) {
        return switch (resolution.status()) {
            case NONE -> WebAuthentication.Anonymous.INSTANCE;
            case FOUND -> check(request, resolution);
            case AMBIGUOUS -> {
                LOG.log(Level.DEBUG, () -> "more than one credential from " + resolution.source());
                yield new WebAuthentication.Failed(new WebFailure(WebFailure.Kind.INVALID_REQUEST,
                        "stytch.invalid_request.duplicate_credentials",
                        "the request carries more than one session credential", Optional.of(resolution.source()),
                        Optional.empty()));
            }
            case UNREADABLE -> {
                LOG.log(Level.DEBUG, "request cookies unreadable");
                yield new WebAuthentication.Failed(new WebFailure(WebFailure.Kind.INVALID_REQUEST,
                        "stytch.invalid_request.cookies", "the request's cookies cannot be read", Optional.empty(),
                        Optional.empty()));
            }
        };
    }

    private WebAuthentication check(HttpServletRequest request, Resolution resolution) {
        CredentialSource source = resolution.source();
        try {
            AuthenticatedSession session = stytch.sessions().authenticate(resolution.credential());
            // the project policy may be needed to tell project roles from organization roles: same failures
            return new WebAuthentication.Authenticated(session, source,
                    config.rolesOf(session.principal(), stytch.authorizer()));
        } catch (InvalidTokenException e) {
            Optional<String> sessionToken = e.reason() == InvalidTokenException.Reason.UNKNOWN_KEY
                    && source == CredentialSource.JWT_COOKIE ? credentials.sessionCookieValue(request) : Optional.empty();
            if (sessionToken.isPresent()) {
                // a key this application has not fetched yet (a rotation) must not log out a live session; any
                // client can already make us check an opaque token, so this costs an attacker nothing new
                LOG.log(Level.DEBUG, "JWT cookie signed with an unknown key: the session cookie decides");
                return check(request, new Resolution(Resolution.Status.FOUND, CredentialSource.SESSION_COOKIE,
                        new SessionCredential.SessionToken(sessionToken.get())));
            }
            LOG.log(Level.DEBUG, () -> "credential from " + source + " rejected: " + e.reason());
            return new WebAuthentication.Failed(new WebFailure(WebFailure.Kind.INVALID_TOKEN,
                    "stytch.invalid_token." + e.reason().name().toLowerCase(Locale.ROOT), e.reason().description(),
                    Optional.of(source), Optional.empty()));
        } catch (StytchUnavailableException e) {
            warn("cannot authenticate a session, Stytch is unavailable: " + e.getMessage());
            return new WebAuthentication.Failed(unavailable(e.retryAfter()));
        } catch (StytchApiException e) {
            warn("Stytch refused this application's session check (check stytch.project-id and stytch.secret): HTTP "
                    + e.statusCode() + " " + e.errorType());
            return new WebAuthentication.Failed(unavailable(Optional.empty()));
        } catch (RuntimeException e) {
            // a bug must not turn client input into a 500; the exception's message might quote the input
            LOG.log(Level.WARNING, "unexpected " + e.getClass().getName() + " while authenticating a credential from "
                    + source + "; it is treated as malformed");
            return new WebAuthentication.Failed(new WebFailure(WebFailure.Kind.INVALID_TOKEN,
                    "stytch.invalid_token.malformed", InvalidTokenException.Reason.MALFORMED.description(),
                    Optional.of(source), Optional.empty()));
        }
    }

    private Optional<WebFailure> revoke(StytchPrincipal principal) {
        try {
            if (principal instanceof StytchMember member) {
                stytch.client().b2bSessions().revoke(member.sessionId());
            } else {
                stytch.client().sessions().revoke(principal.sessionId());
            }
            LOG.log(Level.DEBUG, () -> "session " + principal.sessionId() + " revoked");
            return Optional.empty();
        } catch (StytchApiException e) {
            if (e.statusCode() == HttpServletResponse.SC_NOT_FOUND) {
                return Optional.empty();
            }
            warn("Stytch refused to revoke a session: HTTP " + e.statusCode() + " " + e.errorType());
            return Optional.of(unavailable(Optional.empty()));
        } catch (StytchUnavailableException e) {
            warn("cannot revoke a session, Stytch is unavailable: " + e.getMessage());
            return Optional.of(unavailable(e.retryAfter()));
        }
    }

    private WebOutcome refuse(HttpServletRequest request, HttpServletResponse response, WebFailure failure)
            throws IOException {
        sendFailure(request, response, failure);
        return new WebOutcome.Responded(Optional.of(failure));
    }

    private WebOutcome proceedAnonymously(HttpServletRequest request, WebAuthentication authentication) {
        request.setAttribute(StytchAttributes.AUTHENTICATION, authentication);
        return new WebOutcome.Proceed(Optional.empty());
    }

    private Optional<PathPermission> permissionFor(String method, String path) {
        for (CompiledPermission permission : permissions) {
            if (permission.matches(method, path)) {
                return Optional.of(permission.rule());
            }
        }
        return Optional.empty();
    }

    // deny mode only, for a request no rule matched (both callers have just looked): the rules govern this
    // path (some pattern matches it), so a method none of them names is refused
    private boolean isUnmatchedMethod(String path) {
        if (config.permissionsUnmatchedMethods() != StytchWebConfig.UnmatchedMethods.DENY) {
            return false;
        }
        for (CompiledPermission permission : permissions) {
            if (permission.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    private boolean redirectsToLogin(HttpServletRequest request, WebFailure failure) {
        boolean needsSession = failure.kind() == WebFailure.Kind.MISSING_CREDENTIALS
                || failure.kind() == WebFailure.Kind.INVALID_TOKEN;
        String method = request.getMethod();
        return needsSession && config.loginPage().isPresent()
                && failure.source().orElse(null) != CredentialSource.BEARER_HEADER
                && ("GET".equals(method) || "HEAD".equals(method)) && isBrowserNavigation(request);
    }

    private boolean isBrowserNavigation(HttpServletRequest request) {
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

    private String loginRedirect(HttpServletRequest request) {
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        String returnTarget = isSafeReturnTarget(target) ? target : request.getContextPath() + "/";
        String loginPage = config.loginPage().orElseThrow();
        return request.getContextPath() + loginPage + (loginPage.contains("?") ? "&" : "?") + config.returnParameter()
                + "=" + URLEncoder.encode(returnTarget, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    private void clearSessionCookies(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(SessionCookies.SET_COOKIE, cookies.clear(request, tokenCookie));
        response.addHeader(SessionCookies.SET_COOKIE, cookies.clear(request, sessionCookie));
        SessionCookies.forbidStorage(response);
    }

    private static boolean isCorsPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    private WebFailure unavailable(Optional<Duration> stytchDelay) {
        return new WebFailure(WebFailure.Kind.UNAVAILABLE, "stytch.unavailable",
                "the authentication service is unavailable, retry later", Optional.empty(),
                Optional.of(stytchDelay.orElse(config.retryAfter())));
    }

    private static WebFailure csrfFailure() {
        return new WebFailure(WebFailure.Kind.CSRF, "stytch.csrf",
                "a state-changing request with a session cookie must come from this site", Optional.empty(),
                Optional.empty());
    }

    private void warn(String message) {
        LOG.log(warnings.tryWarn(clock.millis()) ? Level.WARNING : Level.DEBUG, message);
    }

    /** A permission rule with its compiled pattern. */
    private record CompiledPermission(PathPermission rule, PathPattern pattern) {

        // the rule's method is upper case; the request's is compared in any case
        boolean matches(String method, String path) {
            boolean methodMatches = rule.method().equals("*") || rule.method().equalsIgnoreCase(method)
                    || rule.method().equals("GET") && "HEAD".equalsIgnoreCase(method);
            return methodMatches && pattern.matches(path);
        }
    }

    /** Builds a {@link StytchWebAuthenticator}. Not thread-safe. */
    public static final class Builder {

        /** Default clock: {@link Clock#systemUTC()}. */
        public static final Clock DEFAULT_CLOCK = Clock.systemUTC();

        private final Stytch stytch;
        private final StytchWebConfig config;
        private Clock clock = DEFAULT_CLOCK;

        private Builder(Stytch stytch, StytchWebConfig config) {
            this.stytch = Objects.requireNonNull(stytch, "stytch");
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * @param clock the clock for cookie lifetimes ({@code Max-Age}) and log throttling; must not be {@code null}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the authenticator */
        public StytchWebAuthenticator build() {
            return new StytchWebAuthenticator(this);
        }
    }
}
