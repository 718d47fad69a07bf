package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUnavailableException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The web side of stytch-jakarta: which paths need a session, how failures are answered, the logout
 * endpoint, cookies, CSRF and path permissions. Immutable and validated; the Stytch side (project,
 * secret, cookie and header names, timeouts) is core's {@link io.github.stytchjakarta.core.StytchConfig}.
 *
 * <p>Build it with {@link #builder()}; the filter and the CDI module read it from the same sources as
 * core's configuration and report the problems of both together. Either way every problem names its key
 * and never repeats the configured value. The settings are grouped as their keys are:
 * {@link #permissions()}, {@link #logout()}, {@link #csrf()}, {@link #cookies()} and {@link #roles()}, for
 * example {@code web.cookies().secure()} for {@code stytch.web.cookie.secure}.
 *
 * <p>Every key is a constant of {@link Keys}; a key {@code Keys.X} that has a default has it as the constant
 * {@code DEFAULT_X} of this class. The README's configuration table gives every key with its default and meaning
 * (a test keeps it true); the rules' syntax follows.
 *
 * <p><b>Path patterns</b> are matched against the path inside the servlet context
 * ({@code getServletPath() + getPathInfo()}, decoded and normalised by the container). A pattern
 * starts with {@code /}; a segment {@code **} matches any number of segments; {@code *} matches
 * characters within one segment; a trailing {@code /} is ignored. Examples: {@code /**},
 * {@code /api/**}, {@code /api/*}, {@code /static/*.css}, {@code /health}. Lists are
 * comma-separated.
 *
 * <p><b>Permission rules</b> ({@code stytch.web.permissions}), comma- or newline-separated, each
 * {@code METHOD PATTERN RESOURCE:ACTION}, e.g.
 * {@code GET /api/documents/** documents:read, POST /api/documents/** documents:write, * /admin/** admin:*}.
 * {@code METHOD} is an HTTP method or {@code *} for any, in any case (methods are compared
 * case-insensitively); a {@code GET} rule also covers {@code HEAD}. The first rule matching the method
 * and path applies: the caller must be authenticated (whatever the public paths say) and hold the
 * permission per Stytch's RBAC policy (checked locally by core's authorizer; the resource and action are
 * split at the last {@code :}). A method no rule names is, by default, not governed by the rules: with
 * {@code GET /api/documents/** documents:read} alone any signed-in caller may {@code DELETE}
 * {@code /api/documents/1}. Set {@code stytch.web.permissions.unmatched-methods=deny} to refuse such
 * requests (403, code {@code stytch.forbidden.unmatched_method}), so that the rules for a path list
 * every method it accepts.
 *
 * <p><b>Scope rules</b> ({@code stytch.web.scopes}), comma- or newline-separated, each
 * {@code METHOD PATTERN SCOPE[ SCOPE...]}, e.g. {@code POST /mcp/** read:documents write:documents}: the first rule
 * matching the method and path applies, beside the permission rules; the caller must be authenticated by an access
 * token granting every scope (see {@link PathScopes}), else 403 {@code insufficient_scope} naming the rule's scopes.
 *
 * <p><b>Protected resource metadata</b> (RFC 9728): with {@code stytch.web.resource-metadata.resource} set, the
 * document is served without authentication at the context-relative {@value ResourceMetadataSettings#WELL_KNOWN_PATH}
 * and at that path followed by the resource's path, and every {@code Bearer} challenge names it as
 * {@code resource_metadata}. Its {@code scopes_supported} default to every scope the scope rules name.
 *
 * <p>Durations are ISO-8601 ({@code PT10S}) or whole seconds ({@code 10}).
 */
public final class StytchWebConfig {

    /** The configuration key names. */
    public static final class Keys {
        /** {@code auto}, {@code api} or {@code browser}. */
        public static final String MODE = "stytch.web.mode";
        /** Context-relative path of the login page. */
        public static final String LOGIN_PAGE = "stytch.web.login-page";
        /** Query parameter of the login redirect holding the return path. */
        public static final String RETURN_PARAMETER = "stytch.web.return-parameter";
        /** Path patterns that need a session. */
        public static final String PROTECTED_PATHS = "stytch.web.protected-paths";
        /** Path patterns that never need a session. */
        public static final String PUBLIC_PATHS = "stytch.web.public-paths";
        /** Permission rules {@code METHOD PATTERN RESOURCE:ACTION}. */
        public static final String PERMISSIONS = "stytch.web.permissions";
        /** {@code authenticated} or {@code deny}: requests to a rule's path with a method no rule names. */
        public static final String PERMISSIONS_UNMATCHED_METHODS = "stytch.web.permissions.unmatched-methods";
        /** The kinds of token a bearer header may carry: {@code session}, {@code m2m}, {@code connected-app}. */
        public static final String ACCESS_TOKENS = "stytch.web.access-tokens";
        /** Per-path kinds of bearer token: {@code PATTERN=KIND[,KIND...]} rules separated by {@code ;}. */
        public static final String ACCESS_TOKENS_PATHS = "stytch.web.access-tokens.paths";
        /** Path patterns where a Connected-App token is also confirmed with Stytch's introspection endpoint. */
        public static final String ACCESS_TOKENS_INTROSPECT = "stytch.web.access-tokens.introspect";
        /** Scope rules {@code METHOD PATTERN SCOPE[ SCOPE...]}: the access token must grant every scope. */
        public static final String SCOPES = "stytch.web.scopes";
        /** The resource URL of the RFC 9728 protected resource metadata; setting it serves the metadata. */
        public static final String RESOURCE_METADATA_RESOURCE = "stytch.web.resource-metadata.resource";
        /** The metadata's {@code scopes_supported}, comma-separated. */
        public static final String RESOURCE_METADATA_SCOPES = "stytch.web.resource-metadata.scopes";
        /** The metadata's authorization server (issuer URL). */
        public static final String RESOURCE_METADATA_AUTHORIZATION_SERVER = "stytch.web.resource-metadata.authorization-server";
        /** The metadata's human-readable {@code resource_name}. */
        public static final String RESOURCE_METADATA_RESOURCE_NAME = "stytch.web.resource-metadata.resource-name";
        /** Context-relative path of the logout endpoint. */
        public static final String LOGOUT_PATH = "stytch.web.logout-path";
        /** Whether GET also logs out. */
        public static final String LOGOUT_ALLOW_GET = "stytch.web.logout-allow-get";
        /** Where browser navigations go after logout. */
        public static final String LOGOUT_REDIRECT = "stytch.web.logout-redirect";
        /** The {@code WWW-Authenticate} realm. */
        public static final String REALM = "stytch.web.realm";
        /** Default {@code Retry-After} of a 503. */
        public static final String RETRY_AFTER = "stytch.web.retry-after";
        /** Whether the CSRF origin check is on. */
        public static final String CSRF_ENABLED = "stytch.web.csrf.enabled";
        /** Extra origins the CSRF check accepts. */
        public static final String CSRF_ALLOWED_ORIGINS = "stytch.web.csrf.allowed-origins";
        /** Whether re-issued session cookies are {@code HttpOnly}. */
        public static final String COOKIE_HTTP_ONLY = "stytch.web.cookie.http-only";
        /** {@code auto}, {@code always} or {@code never}. */
        public static final String COOKIE_SECURE = "stytch.web.cookie.secure";
        /** {@code Path} of session cookies. */
        public static final String COOKIE_PATH = "stytch.web.cookie.path";
        /** {@code Domain} of session cookies. */
        public static final String COOKIE_DOMAIN = "stytch.web.cookie.domain";
        /** Prefix of the role mapping keys: {@code stytch.roles.mapping.<stytch-role>}. */
        public static final String ROLE_MAPPING_PREFIX = "stytch.roles.mapping.";
        /** Every role mapping in one key: {@code <stytch-role>=<app-role>[,<app-role>...]}, separated by {@code ;}. */
        public static final String ROLE_MAPPINGS = "stytch.roles.mapping";
        /** Whether the {@code ServletContainerInitializer} registers the filter. */
        public static final String AUTO_REGISTER = "stytch.web.auto-register";
        /** {@code exclude} or {@code include}: whether organization custom roles become container roles. */
        public static final String ORGANIZATION_ROLES = "stytch.roles.organization-roles";

        /** Every key above but the role mapping prefix, for {@code ConfigKeys}. */
        public static final Set<String> ALL = Set.of(MODE, LOGIN_PAGE, RETURN_PARAMETER, PROTECTED_PATHS, PUBLIC_PATHS,
                PERMISSIONS, LOGOUT_PATH, LOGOUT_ALLOW_GET, LOGOUT_REDIRECT, REALM, RETRY_AFTER, CSRF_ENABLED,
                CSRF_ALLOWED_ORIGINS, COOKIE_HTTP_ONLY, COOKIE_SECURE, COOKIE_PATH, COOKIE_DOMAIN, ROLE_MAPPINGS,
                AUTO_REGISTER, PERMISSIONS_UNMATCHED_METHODS, ORGANIZATION_ROLES, ACCESS_TOKENS,
                ACCESS_TOKENS_PATHS, ACCESS_TOKENS_INTROSPECT, SCOPES, RESOURCE_METADATA_RESOURCE, RESOURCE_METADATA_SCOPES,
                RESOURCE_METADATA_AUTHORIZATION_SERVER, RESOURCE_METADATA_RESOURCE_NAME);

        private Keys() {
        }
    }

    /** How a request without an acceptable session is answered. */
    public enum Mode {
        /** Redirect browser navigations to the login page, answer 401 to everything else. */
        AUTO,
        /** Always 401 (and 403 / 503), never a redirect. */
        API,
        /** Redirect every GET and HEAD request without a bearer token to the login page. */
        BROWSER
    }

    /**
     * A kind of token an {@code Authorization: Bearer} header may carry. An access token's caller has no roles
     * ({@code isUserInRole} is {@code false}): its scopes decide, through the permission rules.
     */
    public enum AccessTokenKind {
        /** A session JWT: the caller is a {@link io.github.stytchjakarta.core.StytchPrincipal}. */
        SESSION,
        /** An M2M access token: the caller is an {@link io.github.stytchjakarta.core.M2mCaller}. */
        M2M,
        /** A Connected-App access token: the caller is a {@link io.github.stytchjakarta.core.ConnectedAppCaller}. */
        CONNECTED_APP
    }

    /** When re-issued and cleared session cookies carry {@code Secure}. */
    public enum SecureCookies {
        /**
         * Unless the request came over plain HTTP to a loopback address of the server, for the host
         * {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, and names no {@code https} forwarding
         * protocol: all of these, so that a client's {@code Host} header cannot remove {@code Secure}.
         */
        AUTO,
        /** Always. */
        ALWAYS,
        /** Never (plain-HTTP deployments behind nothing; not recommended). */
        NEVER
    }

    /** Whether a B2B organization's own custom roles become container roles (see ADR 008). */
    public enum OrganizationRoles {
        /** Only the roles the project's RBAC policy defines become container roles and are mapped. */
        EXCLUDE,
        /** Every role of the session, the organization's custom roles too. */
        INCLUDE
    }

    /**
     * What happens to a request whose path matches the pattern of at least one permission rule but
     * whose method matches none of them.
     */
    public enum UnmatchedMethods {
        /** Nothing special: the request is handled like one to a path without rules. */
        AUTHENTICATED,
        /** Refused with 403; the path needs an authenticated caller whatever the public paths say. */
        DENY
    }

    /**
     * Default for methods no permission rule of a path names: {@link UnmatchedMethods#AUTHENTICATED}, so
     * that adding the key changes nothing for existing rule sets; {@link UnmatchedMethods#DENY} is safer.
     */
    public static final UnmatchedMethods DEFAULT_PERMISSIONS_UNMATCHED_METHODS = UnmatchedMethods.AUTHENTICATED;
    /** Default bearer tokens: session JWTs only, so that access tokens are accepted only where configured. */
    public static final Set<AccessTokenKind> DEFAULT_ACCESS_TOKENS = Set.of(AccessTokenKind.SESSION);
    /**
     * Default introspection paths: none, so a Connected-App token is verified locally only (and a revoked one is
     * accepted until it expires) unless a path is listed.
     */
    public static final List<String> DEFAULT_ACCESS_TOKENS_INTROSPECT = List.of();
    /** How long clients and caches may keep the resource metadata ({@code Cache-Control: max-age}): five minutes. */
    public static final Duration RESOURCE_METADATA_MAX_AGE = Duration.ofMinutes(5);
    /** Default mode: {@link Mode#AUTO}. */
    public static final Mode DEFAULT_MODE = Mode.AUTO;
    /** Default login redirect parameter: {@code return_to}. */
    public static final String DEFAULT_RETURN_PARAMETER = "return_to";
    /** Default protected paths: everything ({@code /**}). */
    public static final List<String> DEFAULT_PROTECTED_PATHS = List.of("/**");
    /** Default public paths: none (the login page and the logout path are always public). */
    public static final List<String> DEFAULT_PUBLIC_PATHS = List.of();
    /** Default logout path: {@code /logout}. */
    public static final String DEFAULT_LOGOUT_PATH = "/logout";
    /** Default: only POST logs out; a GET logout can be triggered by prefetching or by any foreign page. */
    public static final boolean DEFAULT_LOGOUT_ALLOW_GET = false;
    /** Default target of browser navigations after logout: the context root {@code /}. */
    public static final String DEFAULT_LOGOUT_REDIRECT = "/";
    /** Default realm: {@code stytch}. */
    public static final String DEFAULT_REALM = "stytch";
    /** Default {@code Retry-After} of a 503 when Stytch named none: 10 seconds. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);
    /** Default: the CSRF origin check is on. */
    public static final boolean DEFAULT_CSRF_ENABLED = true;
    /** Default: cookies are not {@code HttpOnly}, like those Stytch's frontend SDK writes (it must read them). */
    public static final boolean DEFAULT_COOKIE_HTTP_ONLY = false;
    /** Default {@code Secure} policy: {@link SecureCookies#AUTO}, as Stytch's frontend SDK. */
    public static final SecureCookies DEFAULT_COOKIE_SECURE = SecureCookies.AUTO;
    /** Default cookie path: {@code /}, as Stytch's frontend SDK. */
    public static final String DEFAULT_COOKIE_PATH = "/";
    /** Default for {@code stytch.web.auto-register}: the initializer registers the filter (and checks the configuration). */
    public static final boolean DEFAULT_AUTO_REGISTER = true;
    /**
     * Default: {@link OrganizationRoles#EXCLUDE}, so that a tenant's administrator cannot grant an
     * application role by defining an organization role of that name.
     */
    public static final OrganizationRoles DEFAULT_ORGANIZATION_ROLES = OrganizationRoles.EXCLUDE;

    private final Mode mode;
    private final String loginPage;
    private final String returnParameter;
    private final List<String> protectedPaths;
    private final List<String> publicPaths;
    private final String realm;
    private final Duration retryAfter;
    private final PermissionSettings permissions;
    private final LogoutSettings logout;
    private final CsrfSettings csrf;
    private final CookieSettings cookies;
    private final RoleSettings roles;
    private final Set<AccessTokenKind> accessTokens;
    private final List<PathAccessTokens> accessTokenPaths;
    private final List<String> introspectionPaths;
    private final List<PathScopes> scopes;
    private final Optional<ResourceMetadataSettings> resourceMetadata;

    // only StytchWebConfigBuilder calls this, with validated values
    StytchWebConfig(Mode mode, String loginPage, String returnParameter, List<String> protectedPaths,
            List<String> publicPaths, String realm, Duration retryAfter, PermissionSettings permissions,
            LogoutSettings logout, CsrfSettings csrf, CookieSettings cookies, RoleSettings roles,
            Set<AccessTokenKind> accessTokens, List<PathAccessTokens> accessTokenPaths, List<String> introspectionPaths,
            List<PathScopes> scopes, Optional<ResourceMetadataSettings> resourceMetadata) {
        this.mode = mode;
        this.loginPage = loginPage;
        this.returnParameter = returnParameter;
        this.protectedPaths = List.copyOf(protectedPaths);
        this.publicPaths = List.copyOf(publicPaths);
        this.realm = realm;
        this.retryAfter = retryAfter;
        this.permissions = permissions;
        this.logout = logout;
        this.csrf = csrf;
        this.cookies = cookies;
        this.roles = roles;
        this.accessTokens = Collections.unmodifiableSet(EnumSet.copyOf(accessTokens));
        this.accessTokenPaths = List.copyOf(accessTokenPaths);
        this.introspectionPaths = List.copyOf(introspectionPaths);
        this.scopes = List.copyOf(scopes);
        this.resourceMetadata = resourceMetadata;
    }

    /**
     * Starts a builder with every default.
     *
     * @return a new builder
     */
    public static StytchWebConfigBuilder builder() {
        return new StytchWebConfigBuilder();
    }

    /** @return how failures are answered ({@code stytch.web.mode}) */
    public Mode mode() {
        return mode;
    }

    /** @return the login page path with optional query, if any ({@code stytch.web.login-page}) */
    public Optional<String> loginPage() {
        return Optional.ofNullable(loginPage);
    }

    /** @return the login redirect's return parameter ({@code stytch.web.return-parameter}) */
    public String returnParameter() {
        return returnParameter;
    }

    /** @return the patterns of paths that need a session ({@code stytch.web.protected-paths}) */
    public List<String> protectedPaths() {
        return protectedPaths;
    }

    /** @return the patterns of paths that never need one ({@code stytch.web.public-paths}) */
    public List<String> publicPaths() {
        return publicPaths;
    }

    /** @return the {@code WWW-Authenticate} realm ({@code stytch.web.realm}) */
    public String realm() {
        return realm;
    }

    /** @return the {@code Retry-After} of a 503 when Stytch named none ({@code stytch.web.retry-after}) */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return the {@code stytch.web.permissions*} settings: the rules and what unmatched methods get */
    public PermissionSettings permissions() {
        return permissions;
    }

    /** @return the {@code stytch.web.logout-*} settings */
    public LogoutSettings logout() {
        return logout;
    }

    /** @return the {@code stytch.web.csrf.*} settings */
    public CsrfSettings csrf() {
        return csrf;
    }

    /** @return the {@code stytch.web.cookie.*} settings */
    public CookieSettings cookies() {
        return cookies;
    }

    /** @return the kinds of token a bearer header may carry ({@code stytch.web.access-tokens}), never empty */
    public Set<AccessTokenKind> accessTokens() {
        return accessTokens;
    }

    /** @return the per-path kinds of bearer token ({@code stytch.web.access-tokens.paths}), in order */
    public List<PathAccessTokens> accessTokenPaths() {
        return accessTokenPaths;
    }

    /**
     * @return the path patterns where a Connected-App token is confirmed with Stytch's introspection endpoint
     *         ({@code stytch.web.access-tokens.introspect}); they need {@code stytch.connected-apps.introspection.*}
     */
    public List<String> introspectionPaths() {
        return introspectionPaths;
    }

    /** @return the scope rules ({@code stytch.web.scopes}), in order */
    public List<PathScopes> scopes() {
        return scopes;
    }

    /** @return the RFC 9728 protected resource settings ({@code stytch.web.resource-metadata.*}), when configured */
    public Optional<ResourceMetadataSettings> resourceMetadata() {
        return resourceMetadata;
    }

    /** @return the {@code stytch.roles.*} settings */
    public RoleSettings roles() {
        return roles;
    }

    /**
     * The roles a caller has in the application: what {@code isUserInRole} answers and what a
     * container is told as groups. With {@link OrganizationRoles#EXCLUDE} a member's roles are those the
     * project's RBAC policy defines ({@link StytchAuthorizer#projectRoles}); a consumer user's are all
     * project roles.
     *
     * @param principal  the caller
     * @param authorizer tells project roles from an organization's custom roles
     * @return its Stytch roles followed by the application roles they map to, without duplicates
     * @throws StytchUnavailableException when the project policy is needed and cannot be had
     */
    public Set<String> rolesOf(StytchPrincipal principal, StytchAuthorizer authorizer) {
        List<String> stytchRoles = roles.organizationRoles() == OrganizationRoles.INCLUDE ? principal.roles()
                : authorizer.projectRoles(principal);
        Set<String> result = new LinkedHashSet<>(stytchRoles);
        for (String role : stytchRoles) {
            result.addAll(roles.mapping().getOrDefault(role, Set.of()));
        }
        return Collections.unmodifiableSet(result);
    }

    @Override
    public String toString() {
        return "StytchWebConfig{mode=" + mode + ", loginPage=" + loginPage + ", returnParameter=" + returnParameter
                + ", protectedPaths=" + protectedPaths + ", publicPaths=" + publicPaths + ", realm=" + realm
                + ", retryAfter=" + retryAfter + ", " + permissions + ", " + logout + ", " + csrf + ", " + cookies
                + ", " + roles + ", accessTokens=" + accessTokens
                + ", accessTokenPaths=" + accessTokenPaths + ", introspectionPaths=" + introspectionPaths + ", scopes=" + scopes
                + ", resourceMetadata=" + resourceMetadata + '}';
    }
}
