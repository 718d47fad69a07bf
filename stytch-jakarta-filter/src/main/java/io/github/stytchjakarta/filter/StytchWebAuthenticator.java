package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.internal.LogThrottle;
import io.github.stytchjakarta.filter.internal.CredentialResolver;
import io.github.stytchjakarta.filter.internal.CsrfGuard;
import io.github.stytchjakarta.filter.internal.FailureResponder;
import io.github.stytchjakarta.filter.internal.Logout;
import io.github.stytchjakarta.filter.internal.PathAuthorization;
import io.github.stytchjakarta.filter.internal.RequestPath;
import io.github.stytchjakarta.filter.internal.ResourceMetadata;
import io.github.stytchjakarta.filter.internal.SessionCheck;
import io.github.stytchjakarta.filter.internal.SessionEstablishment;
import io.github.stytchjakarta.filter.internal.WebFailures;
import io.github.stytchjakarta.filter.internal.WebLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
 *   <li>with {@link StytchWebConfig#resourceMetadata()} configured, a request for the RFC 9728 protected resource
 *       metadata is answered with the document, without authentication;</li>
 *   <li>{@code POST} to the logout path (also {@code GET} if allowed) is answered by {@link #logout};</li>
 *   <li>a CORS preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method})
 *       proceeds anonymously, since browsers never attach credentials to it;</li>
 *   <li>{@link #authenticate}: the credential ({@code Authorization: Bearer}, else the
 *       {@code stytch_session_jwt} cookie, else the {@code stytch_session} cookie) is checked by core,
 *       locally when possible;</li>
 *   <li>for an authenticated request: the CSRF origin check (cookie credentials and unsafe methods
 *       only), then the first permission rule matching the method and path (with
 *       {@code stytch.web.permissions.unmatched-methods=deny}, a method no rule of a rule's path names
 *       is refused), then the request attributes, and the refreshed JWT cookie when Stytch issued a
 *       new JWT;</li>
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
 * <p>This class orders the steps; they live in {@code filter.internal}: {@code PathAuthorization} (path
 * rules and permissions), {@code SessionCheck} (the credential), {@code SessionEstablishment} (attributes
 * and cookies), {@code FailureResponder} (login redirects and {@link Problem}s) and {@code Logout}.
 *
 * <p>Thread-safe; create one per application and share it.
 */
public final class StytchWebAuthenticator {

    /** How often an unavailable or refusing Stytch is logged at WARNING (otherwise at DEBUG): core's one minute. */
    public static final Duration WARNING_INTERVAL = LogThrottle.WARNING_INTERVAL;

    /** Longest request URI carried back to the application through the login redirect. */
    public static final int MAX_RETURN_TARGET_LENGTH = 2048;

    private final StytchWebConfig config;
    private final WebLog log;
    private final CsrfGuard csrf;
    private final PathAuthorization paths;
    private final SessionCheck sessions;
    private final SessionEstablishment establishment;
    private final FailureResponder failures;
    private final Logout logout;
    private final Optional<ResourceMetadata> resourceMetadata;

    private StytchWebAuthenticator(Builder builder) {
        Stytch stytch = builder.stytch;
        this.config = builder.config;
        this.log = new WebLog(builder.clock);
        this.csrf = new CsrfGuard(config.csrf().allowedOrigins());
        this.paths = new PathAuthorization(config, stytch.authorizer(),
                stytch.webhooks().map(webhooks -> stytch.config().webhook().path()), log);
        CredentialResolver credentials = new CredentialResolver(stytch.config());
        this.sessions = new SessionCheck(stytch, config, credentials, log);
        this.establishment = new SessionEstablishment(stytch.config(), config, credentials, builder.clock, log);
        this.failures = new FailureResponder(config, establishment, log);
        this.logout = new Logout(config, stytch.client(), csrf, sessions, establishment, failures, log);
        this.resourceMetadata = config.resourceMetadata().map(settings -> new ResourceMetadata(stytch.config(), settings));
    }

    /**
     * Creates an authenticator with the system clock.
     *
     * @param stytch the core facade (not closed by the authenticator); must not be {@code null}
     * @param config the web configuration; must not be {@code null}
     * @return the authenticator
     * @throws io.github.stytchjakarta.core.StytchConfigException when the web configuration needs what the core one
     *                                                          lacks ({@code stytch.web.access-tokens.introspect}
     *                                                          without an introspection client)
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
        return handle(request, response, path, paths.isProtected(request.getMethod(), path));
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
            log.debug("request path refused: path parameter, dot segment, backslash or control character");
            return refuse(request, response, WebFailures.unacceptablePath());
        }
        if (resourceMetadata.isPresent() && paths.isResourceMetadata(path.get())) {
            resourceMetadata.get().answer(request, response);
            return new WebOutcome.Responded(Optional.empty());
        }
        if (paths.isLogoutRequest(request.getMethod(), path)) {
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
                log.debug("cross-origin state change with a session cookie on a public path: proceeds anonymously");
                return proceedAnonymously(request, new WebAuthentication.Failed(csrfFailure.get()));
            }
            Optional<WebFailure> failure = csrfFailure.isPresent() ? csrfFailure
                    : paths.authorize(request.getMethod(), path, authenticated);
            if (failure.isPresent()) {
                return refuse(request, response, failure.get());
            }
            establishment.establish(request, response, authenticated);
            return new WebOutcome.Proceed(Optional.of(authenticated));
        }
        if (protectedResource) {
            return refuse(request, response, authentication instanceof WebAuthentication.Failed failed ? failed.failure()
                    : WebFailures.missingCredentials());
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
        return paths.isProtected(request.getMethod(), RequestPath.normalise(request));
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
        logout.logout(request, response);
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
        return sessions.resolve(request).status() != CredentialResolver.Resolution.Status.NONE;
    }

    /**
     * Finds and checks the request's Stytch credential. Never throws for anything the client sent.
     *
     * @param request the request
     * @return anonymous (no credential), authenticated, or failed (rejected, ambiguous, or Stytch unavailable)
     */
    public WebAuthentication authenticate(HttpServletRequest request) {
        return sessions.authenticate(request, sessions.resolve(request));
    }

    /**
     * Answers a failure: a 302 to the login page for a browser navigation without a valid session (when
     * a login page is configured), otherwise the {@link Problem} of the failure: the status of its
     * {@link WebFailure.Kind} with a {@code WWW-Authenticate} challenge where RFC 6750 asks for one,
     * {@code Retry-After} on 503, and a problem body. A rejected or ambiguous cookie credential also clears
     * both session cookies. Nothing is written once the response is committed.
     *
     * @param request  the request
     * @param response the response
     * @param failure  the failure
     * @throws IOException when writing the response fails
     */
    public void sendFailure(HttpServletRequest request, HttpServletResponse response, WebFailure failure)
            throws IOException {
        failures.send(request, response, failure);
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

    // the CSRF origin check applies to cookie-authenticated state changes only; bearer requests and safe methods pass
    private Optional<WebFailure> checkCsrf(HttpServletRequest request, WebAuthentication.Authenticated authentication) {
        if (!config.csrf().enabled() || !authentication.source().isCookie() || csrf.allows(request)) {
            return Optional.empty();
        }
        log.debug("cross-origin state change with a session cookie refused");
        return Optional.of(WebFailures.csrf());
    }

    private WebOutcome refuse(HttpServletRequest request, HttpServletResponse response, WebFailure failure)
            throws IOException {
        failures.send(request, response, failure);
        return new WebOutcome.Responded(Optional.of(failure));
    }

    private static WebOutcome proceedAnonymously(HttpServletRequest request, WebAuthentication authentication) {
        request.setAttribute(StytchAttributes.AUTHENTICATION, authentication);
        return new WebOutcome.Proceed(Optional.empty());
    }

    private static boolean isCorsPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
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

        /**
         * @return the authenticator
         * @throws io.github.stytchjakarta.core.StytchConfigException when the web configuration needs what the core one
         *                                                          lacks (introspection paths without a client)
         */
        public StytchWebAuthenticator build() {
            return new StytchWebAuthenticator(this);
        }
    }
}
