package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.filter.internal.Origins;
import io.github.stytchjakarta.filter.internal.PathPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The web side of stytch-jakarta: which paths need a session, how failures are answered, the logout
 * endpoint, cookies, CSRF and path permissions. Immutable and validated; the Stytch side (project,
 * secret, cookie and header names, timeouts) is core's {@link io.github.stytchjakarta.core.StytchConfig}.
 *
 * <p>Build it with {@link #builder()} or read it with {@link #read(ConfigReader, Collection)}, which
 * records problems in the reader's {@link ConfigProblems} so that they are reported together with
 * core's. Either way every problem names its key and never repeats the configured value.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code stytch.web.mode}</td><td>{@code auto}</td><td>how a request without a valid session is
 *       answered: {@code api} always 401; {@code browser} redirects GET/HEAD requests to the login page;
 *       {@code auto} redirects browser navigations only ({@code Sec-Fetch-Mode: navigate} or an
 *       {@code Accept} naming {@code text/html}), 401 otherwise. Bearer requests always get 401.</td></tr>
 *   <tr><td>{@code stytch.web.login-page}</td><td>none (never redirect)</td><td>context-relative path of the
 *       login page, e.g. {@code /login}; always public</td></tr>
 *   <tr><td>{@code stytch.web.return-parameter}</td><td>{@code return_to}</td><td>query parameter of the login
 *       redirect carrying the same-origin path to come back to</td></tr>
 *   <tr><td>{@code stytch.web.protected-paths}</td><td>{@code /**}</td><td>path patterns that need a session</td></tr>
 *   <tr><td>{@code stytch.web.public-paths}</td><td>none</td><td>path patterns that never need one (they win
 *       over protected paths)</td></tr>
 *   <tr><td>{@code stytch.web.permissions}</td><td>none</td><td>permission rules, see below</td></tr>
 *   <tr><td>{@code stytch.web.permissions.unmatched-methods}</td><td>{@code authenticated}</td><td>what a
 *       request to a path some rule's pattern matches gets when no rule names its method:
 *       {@code authenticated} lets it through like any other request, {@code deny} refuses it with 403
 *       (and such a path always needs a session)</td></tr>
 *   <tr><td>{@code stytch.web.logout-path}</td><td>{@code /logout}</td><td>context-relative path of the logout
 *       endpoint (POST); always public</td></tr>
 *   <tr><td>{@code stytch.web.logout-allow-get}</td><td>{@code false}</td><td>also log out on GET (a prefetch or
 *       a foreign page can then log users out)</td></tr>
 *   <tr><td>{@code stytch.web.logout-redirect}</td><td>{@code /}</td><td>context-relative path browser
 *       navigations are sent to after logout (others get 204)</td></tr>
 *   <tr><td>{@code stytch.web.realm}</td><td>{@code stytch}</td><td>the {@code realm} of
 *       {@code WWW-Authenticate}</td></tr>
 *   <tr><td>{@code stytch.web.retry-after}</td><td>{@code PT10S}</td><td>{@code Retry-After} of a 503 when
 *       Stytch did not ask for a delay</td></tr>
 *   <tr><td>{@code stytch.web.csrf.enabled}</td><td>{@code true}</td><td>check the origin of cookie-authenticated
 *       state-changing requests</td></tr>
 *   <tr><td>{@code stytch.web.csrf.allowed-origins}</td><td>none</td><td>origins accepted besides the request's
 *       own, e.g. {@code https://app.example.com}</td></tr>
 *   <tr><td>{@code stytch.web.cookie.http-only}</td><td>{@code false}</td><td>set re-issued session cookies
 *       {@code HttpOnly} (Stytch's frontend SDK cannot read them then)</td></tr>
 *   <tr><td>{@code stytch.web.cookie.secure}</td><td>{@code auto}</td><td>{@code auto} ({@code Secure} unless a
 *       browser on the server's machine asked: plain HTTP received on a loopback address, for the host
 *       {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, without {@code X-Forwarded-Proto: https} or
 *       {@code Forwarded: proto=https}; the {@code Host} header alone cannot remove it),
 *       {@code always} or {@code never}. Cookies set or cleared carry {@code Cache-Control: no-store}</td></tr>
 *   <tr><td>{@code stytch.web.cookie.path}</td><td>{@code /}</td><td>{@code Path} of session cookies</td></tr>
 *   <tr><td>{@code stytch.web.cookie.domain}</td><td>none (host-only)</td><td>{@code Domain} of session cookies</td></tr>
 *   <tr><td>{@code stytch.roles.mapping.<stytch-role>}</td><td>none</td><td>application roles granted to holders
 *       of a Stytch role, comma-separated, e.g. {@code stytch.roles.mapping.stytch_admin=admin,auditor}</td></tr>
 *   <tr><td>{@code stytch.roles.mapping}</td><td>none</td><td>the same mappings in one key, entries separated by
 *       {@code ;} or new lines, e.g. {@code stytch_admin=admin,auditor;editor=writer}: the form for an
 *       environment variable ({@code STYTCH_ROLES_MAPPING}), since a role id cannot be recovered from a
 *       variable name; a role may be mapped by one key only</td></tr>
 *   <tr><td>{@code stytch.roles.organization-roles}</td><td>{@code exclude}</td><td>whether a B2B organization's
 *       own custom roles become container roles ({@code isUserInRole}, groups, {@code @RolesAllowed}) and
 *       are mapped: {@code exclude} keeps only the roles the project's RBAC policy defines (a tenant's
 *       administrator can name a custom role like an application role); {@code include} takes every
 *       session role. Permission checks use organization roles either way. Consumer projects have none</td></tr>
 *   <tr><td>{@code stytch.web.auto-register}</td><td>{@code true}</td><td>read by the filter module's
 *       {@code ServletContainerInitializer} only: {@code false} stops it registering the filter</td></tr>
 * </table>
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
                AUTO_REGISTER, PERMISSIONS_UNMATCHED_METHODS, ORGANIZATION_ROLES);

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
     * A permission rule: requests with this method and a path matching the pattern need the permission.
     *
     * @param method      an HTTP method of letters in any case, kept in upper case, or {@code *} for any
     *                    ({@code GET} also covers {@code HEAD})
     * @param pathPattern a path pattern (see the class documentation)
     * @param resourceId  the Stytch RBAC resource, e.g. {@code documents}
     * @param action      the action, e.g. {@code read}
     */
    public record PathPermission(String method, String pathPattern, String resourceId, String action) {

        private static final Pattern METHOD = Pattern.compile("\\*|[A-Za-z]+");

        /** Checks every part and puts the method in upper case. */
        public PathPermission {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathPattern, "pathPattern");
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(action, "action");
            if (!METHOD.matcher(method).matches()) {
                throw new IllegalArgumentException("the method must be an HTTP method (letters only) or *");
            }
            method = method.toUpperCase(Locale.ROOT);
            PathPattern.compile(pathPattern);
            if (resourceId.isBlank() || action.isBlank()) {
                throw new IllegalArgumentException("the resource and the action must not be blank");
            }
        }

        /**
         * Parses {@code METHOD PATTERN RESOURCE:ACTION}.
         *
         * @param rule the rule; must not be {@code null}
         * @return the permission
         * @throws IllegalArgumentException when the rule does not follow the syntax (the message does not repeat it)
         */
        public static PathPermission parse(String rule) {
            String[] parts = rule.trim().split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a permission rule must be METHOD PATTERN RESOURCE:ACTION");
            }
            int colon = parts[2].lastIndexOf(':');
            if (colon <= 0 || colon == parts[2].length() - 1) {
                throw new IllegalArgumentException("the permission of a rule must be RESOURCE:ACTION");
            }
            return new PathPermission(parts[0], parts[1], parts[2].substring(0, colon), parts[2].substring(colon + 1));
        }
    }

    /**
     * Default for methods no permission rule of a path names: {@link UnmatchedMethods#AUTHENTICATED}, so
     * that adding the key changes nothing for existing rule sets; {@link UnmatchedMethods#DENY} is safer.
     */
    public static final UnmatchedMethods DEFAULT_PERMISSIONS_UNMATCHED_METHODS = UnmatchedMethods.AUTHENTICATED;
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

    // RFC 7230 token: a query parameter name that needs no encoding
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final String DOMAIN_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile("\\.?" + DOMAIN_LABEL + "(?:\\." + DOMAIN_LABEL + ")*");
    private static final Pattern ROLE = Pattern.compile("[^\\s,]+");

    private final Mode mode;
    private final String loginPage;
    private final String returnParameter;
    private final List<String> protectedPaths;
    private final List<String> publicPaths;
    private final List<PathPermission> permissions;
    private final UnmatchedMethods permissionsUnmatchedMethods;
    private final String logoutPath;
    private final boolean logoutAllowGet;
    private final String logoutRedirect;
    private final String realm;
    private final Duration retryAfter;
    private final boolean csrfEnabled;
    private final Set<String> csrfAllowedOrigins;
    private final boolean cookieHttpOnly;
    private final SecureCookies cookieSecure;
    private final String cookiePath;
    private final String cookieDomain;
    private final Map<String, Set<String>> roleMapping;
    private final OrganizationRoles organizationRoles;

    private StytchWebConfig(Builder b, Set<String> origins) {
        this.mode = b.mode;
        this.loginPage = b.loginPage;
        this.returnParameter = b.returnParameter;
        this.protectedPaths = List.copyOf(b.protectedPaths);
        this.publicPaths = List.copyOf(b.publicPaths);
        this.permissions = List.copyOf(b.permissions);
        this.permissionsUnmatchedMethods = b.permissionsUnmatchedMethods;
        this.logoutPath = b.logoutPath;
        this.logoutAllowGet = b.logoutAllowGet;
        this.logoutRedirect = b.logoutRedirect;
        this.realm = b.realm;
        this.retryAfter = b.retryAfter;
        this.csrfEnabled = b.csrfEnabled;
        this.csrfAllowedOrigins = Collections.unmodifiableSet(origins);
        this.cookieHttpOnly = b.cookieHttpOnly;
        this.cookieSecure = b.cookieSecure;
        this.cookiePath = b.cookiePath;
        this.cookieDomain = b.cookieDomain;
        Map<String, Set<String>> mapping = new LinkedHashMap<>();
        b.roleMapping.forEach((role, appRoles) -> mapping.put(role, Collections.unmodifiableSet(new LinkedHashSet<>(appRoles))));
        this.roleMapping = Collections.unmodifiableMap(mapping);
        this.organizationRoles = b.organizationRoles;
    }

    /**
     * Starts a builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the web keys, recording problems in the reader's {@link ConfigProblems} instead of throwing,
     * so that a caller reading core's keys with the same reader reports everything at once.
     *
     * @param reader   the reader; must not be {@code null}
     * @param keyNames every key name the configuration source defines (or at least those starting with
     *                 {@value Keys#ROLE_MAPPING_PREFIX}): sources can only be asked for a key by name, so
     *                 role mappings are found through these; must not be {@code null}
     * @return the configuration, or empty when a problem was recorded for one of its keys
     */
    public static Optional<StytchWebConfig> read(ConfigReader reader, Collection<String> keyNames) {
        ConfigProblems problems = new ConfigProblems();
        ConfigReader own = new ConfigReader(reader.source(), problems);
        Builder builder = builder();
        own.enumValue(Keys.MODE, Mode.class).ifPresent(builder::mode);
        own.string(Keys.LOGIN_PAGE).ifPresent(builder::loginPage);
        own.string(Keys.RETURN_PARAMETER).ifPresent(builder::returnParameter);
        if (own.string(Keys.PROTECTED_PATHS).isPresent()) {
            builder.protectedPaths(own.list(Keys.PROTECTED_PATHS));
        }
        builder.publicPaths(own.list(Keys.PUBLIC_PATHS));
        readPermissions(own, builder);
        own.enumValue(Keys.PERMISSIONS_UNMATCHED_METHODS, UnmatchedMethods.class)
                .ifPresent(builder::permissionsUnmatchedMethods);
        own.string(Keys.LOGOUT_PATH).ifPresent(builder::logoutPath);
        own.bool(Keys.LOGOUT_ALLOW_GET).ifPresent(builder::logoutAllowGet);
        own.string(Keys.LOGOUT_REDIRECT).ifPresent(builder::logoutRedirect);
        own.string(Keys.REALM).ifPresent(builder::realm);
        own.duration(Keys.RETRY_AFTER).ifPresent(builder::retryAfter);
        own.bool(Keys.CSRF_ENABLED).ifPresent(builder::csrfEnabled);
        builder.csrfAllowedOrigins(own.list(Keys.CSRF_ALLOWED_ORIGINS));
        own.bool(Keys.COOKIE_HTTP_ONLY).ifPresent(builder::cookieHttpOnly);
        own.enumValue(Keys.COOKIE_SECURE, SecureCookies.class).ifPresent(builder::cookieSecure);
        own.string(Keys.COOKIE_PATH).ifPresent(builder::cookiePath);
        own.string(Keys.COOKIE_DOMAIN).ifPresent(builder::cookieDomain);
        for (String key : new TreeSet<>(keyNames)) {
            if (key.startsWith(Keys.ROLE_MAPPING_PREFIX)) {
                builder.roleMapping(key.substring(Keys.ROLE_MAPPING_PREFIX.length()), own.list(key));
            }
        }
        readRoleMappings(own, builder);
        own.enumValue(Keys.ORGANIZATION_ROLES, OrganizationRoles.class).ifPresent(builder::organizationRoles);
        Optional<StytchWebConfig> config = builder.build(problems);
        problems.list().forEach(problem -> reader.problems().add(problem.key(), problem.message()));
        return problems.isEmpty() ? config : Optional.empty();
    }

    private static void readRoleMappings(ConfigReader reader, Builder builder) {
        Optional<String> value = reader.string(Keys.ROLE_MAPPINGS);
        if (value.isEmpty()) {
            return;
        }
        List<String> entries = entries(value.get(), "[;\\n]");
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int equals = entry.indexOf('=');
            String role = equals < 0 ? "" : entry.substring(0, equals).trim();
            List<String> appRoles = equals < 0 ? List.of() : entries(entry.substring(equals + 1), ",");
            if (!ROLE.matcher(role).matches() || appRoles.isEmpty()
                    || appRoles.stream().anyMatch(appRole -> !ROLE.matcher(appRole).matches())) {
                reader.problems().add(Keys.ROLE_MAPPINGS,
                        "entry " + (i + 1) + ": must be <stytch-role>=<app-role>[,<app-role>...]");
            } else if (builder.roleMapping.containsKey(role)) {
                reader.problems().add(Keys.ROLE_MAPPINGS, "entry " + (i + 1) + ": maps a Stytch role that is already mapped");
            } else {
                builder.roleMapping(role, appRoles);
            }
        }
    }

    private static void readPermissions(ConfigReader reader, Builder builder) {
        Optional<String> value = reader.string(Keys.PERMISSIONS);
        if (value.isEmpty()) {
            return;
        }
        List<String> rules = entries(value.get(), "[,\\n]");
        for (int i = 0; i < rules.size(); i++) {
            try {
                builder.permission(PathPermission.parse(rules.get(i)));
            } catch (IllegalArgumentException e) {
                reader.problems().add(Keys.PERMISSIONS, "rule " + (i + 1) + ": " + e.getMessage());
            }
        }
    }

    // the non-blank items of a list, trimmed
    private static List<String> entries(String value, String separatorRegex) {
        return Arrays.stream(value.split(separatorRegex)).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /** @return how failures are answered */
    public Mode mode() {
        return mode;
    }

    /** @return the context-relative login page path (may carry a query), if configured */
    public Optional<String> loginPage() {
        return Optional.ofNullable(loginPage);
    }

    /** @return the query parameter of the login redirect that carries the return path */
    public String returnParameter() {
        return returnParameter;
    }

    /** @return the protected path patterns */
    public List<String> protectedPaths() {
        return protectedPaths;
    }

    /** @return the public path patterns */
    public List<String> publicPaths() {
        return publicPaths;
    }

    /** @return the permission rules, first match wins */
    public List<PathPermission> permissions() {
        return permissions;
    }

    /** @return what requests to a rule's path get when no rule names their method */
    public UnmatchedMethods permissionsUnmatchedMethods() {
        return permissionsUnmatchedMethods;
    }

    /** @return the context-relative logout path */
    public String logoutPath() {
        return logoutPath;
    }

    /** @return whether GET also logs out */
    public boolean logoutAllowGet() {
        return logoutAllowGet;
    }

    /** @return the context-relative path navigations are redirected to after logout */
    public String logoutRedirect() {
        return logoutRedirect;
    }

    /** @return the {@code WWW-Authenticate} realm */
    public String realm() {
        return realm;
    }

    /** @return the {@code Retry-After} of a 503 when Stytch named none */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return whether the CSRF origin check is on */
    public boolean csrfEnabled() {
        return csrfEnabled;
    }

    /** @return the extra accepted origins, normalised ({@code scheme://host[:port]}, lower case, no default port) */
    public Set<String> csrfAllowedOrigins() {
        return csrfAllowedOrigins;
    }

    /** @return whether re-issued and cleared session cookies are {@code HttpOnly} */
    public boolean cookieHttpOnly() {
        return cookieHttpOnly;
    }

    /** @return when session cookies are {@code Secure} */
    public SecureCookies cookieSecure() {
        return cookieSecure;
    }

    /** @return the session cookies' {@code Path} */
    public String cookiePath() {
        return cookiePath;
    }

    /** @return the session cookies' {@code Domain}, if any */
    public Optional<String> cookieDomain() {
        return Optional.ofNullable(cookieDomain);
    }

    /** @return application roles by Stytch role */
    public Map<String, Set<String>> roleMapping() {
        return roleMapping;
    }

    /** @return whether organization custom roles become container roles */
    public OrganizationRoles organizationRoles() {
        return organizationRoles;
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
        List<String> stytchRoles = organizationRoles == OrganizationRoles.INCLUDE ? principal.roles()
                : authorizer.projectRoles(principal);
        Set<String> roles = new LinkedHashSet<>(stytchRoles);
        for (String role : stytchRoles) {
            roles.addAll(roleMapping.getOrDefault(role, Set.of()));
        }
        return Collections.unmodifiableSet(roles);
    }

    @Override
    public String toString() {
        return "StytchWebConfig{mode=" + mode + ", loginPage=" + loginPage + ", returnParameter=" + returnParameter
                + ", protectedPaths=" + protectedPaths + ", publicPaths=" + publicPaths + ", permissions=" + permissions
                + ", permissionsUnmatchedMethods=" + permissionsUnmatchedMethods + ", logoutPath=" + logoutPath
                + ", logoutAllowGet=" + logoutAllowGet + ", logoutRedirect=" + logoutRedirect + ", realm=" + realm
                + ", retryAfter=" + retryAfter + ", csrfEnabled=" + csrfEnabled + ", csrfAllowedOrigins="
                + csrfAllowedOrigins + ", cookieHttpOnly=" + cookieHttpOnly
                + ", cookieSecure=" + cookieSecure + ", cookiePath=" + cookiePath + ", cookieDomain=" + cookieDomain
                + ", roleMapping=" + roleMapping + ", organizationRoles=" + organizationRoles + '}';
    }

    /**
     * Builds a {@link StytchWebConfig}. Every setting starts at its documented default; {@link #build()}
     * validates them all together. Not thread-safe.
     */
    public static final class Builder {

        private Mode mode = DEFAULT_MODE;
        private String loginPage;
        private String returnParameter = DEFAULT_RETURN_PARAMETER;
        private List<String> protectedPaths = DEFAULT_PROTECTED_PATHS;
        private List<String> publicPaths = DEFAULT_PUBLIC_PATHS;
        private final List<PathPermission> permissions = new ArrayList<>();
        private UnmatchedMethods permissionsUnmatchedMethods = DEFAULT_PERMISSIONS_UNMATCHED_METHODS;
        private String logoutPath = DEFAULT_LOGOUT_PATH;
        private boolean logoutAllowGet = DEFAULT_LOGOUT_ALLOW_GET;
        private String logoutRedirect = DEFAULT_LOGOUT_REDIRECT;
        private String realm = DEFAULT_REALM;
        private Duration retryAfter = DEFAULT_RETRY_AFTER;
        private boolean csrfEnabled = DEFAULT_CSRF_ENABLED;
        private List<String> csrfAllowedOrigins = List.of();
        private boolean cookieHttpOnly = DEFAULT_COOKIE_HTTP_ONLY;
        private SecureCookies cookieSecure = DEFAULT_COOKIE_SECURE;
        private String cookiePath = DEFAULT_COOKIE_PATH;
        private String cookieDomain;
        private final Map<String, List<String>> roleMapping = new LinkedHashMap<>();
        private OrganizationRoles organizationRoles = DEFAULT_ORGANIZATION_ROLES;

        private Builder() {
        }

        /** @param mode how failures are answered; must not be {@code null} @return this builder */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** @param loginPage context-relative login page path, {@code null} for none @return this builder */
        public Builder loginPage(String loginPage) {
            this.loginPage = loginPage;
            return this;
        }

        /** @param name the return path query parameter @return this builder */
        public Builder returnParameter(String name) {
            this.returnParameter = name;
            return this;
        }

        /** @param patterns protected path patterns; must not be {@code null} @return this builder */
        public Builder protectedPaths(List<String> patterns) {
            this.protectedPaths = List.copyOf(patterns);
            return this;
        }

        /** @param patterns public path patterns; must not be {@code null} @return this builder */
        public Builder publicPaths(List<String> patterns) {
            this.publicPaths = List.copyOf(patterns);
            return this;
        }

        /** @param permission a rule, added after the ones given before; must not be {@code null} @return this builder */
        public Builder permission(PathPermission permission) {
            this.permissions.add(Objects.requireNonNull(permission, "permission"));
            return this;
        }

        /**
         * @param unmatched what requests to a rule's path get when no rule names their method; must not be
         *                  {@code null}
         * @return this builder
         */
        public Builder permissionsUnmatchedMethods(UnmatchedMethods unmatched) {
            this.permissionsUnmatchedMethods = Objects.requireNonNull(unmatched, "unmatched");
            return this;
        }

        /** @param path the context-relative logout path @return this builder */
        public Builder logoutPath(String path) {
            this.logoutPath = path;
            return this;
        }

        /** @param allow whether GET also logs out @return this builder */
        public Builder logoutAllowGet(boolean allow) {
            this.logoutAllowGet = allow;
            return this;
        }

        /** @param path the context-relative path navigations go to after logout @return this builder */
        public Builder logoutRedirect(String path) {
            this.logoutRedirect = path;
            return this;
        }

        /** @param realm the {@code WWW-Authenticate} realm @return this builder */
        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /** @param retryAfter the default {@code Retry-After}; must not be {@code null} @return this builder */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
            return this;
        }

        /** @param enabled whether the CSRF origin check is on @return this builder */
        public Builder csrfEnabled(boolean enabled) {
            this.csrfEnabled = enabled;
            return this;
        }

        /** @param origins extra accepted origins; must not be {@code null} @return this builder */
        public Builder csrfAllowedOrigins(List<String> origins) {
            this.csrfAllowedOrigins = List.copyOf(origins);
            return this;
        }

        /** @param httpOnly whether session cookies are {@code HttpOnly} @return this builder */
        public Builder cookieHttpOnly(boolean httpOnly) {
            this.cookieHttpOnly = httpOnly;
            return this;
        }

        /** @param secure when session cookies are {@code Secure}; must not be {@code null} @return this builder */
        public Builder cookieSecure(SecureCookies secure) {
            this.cookieSecure = Objects.requireNonNull(secure, "secure");
            return this;
        }

        /** @param path the session cookies' {@code Path} @return this builder */
        public Builder cookiePath(String path) {
            this.cookiePath = path;
            return this;
        }

        /** @param domain the session cookies' {@code Domain}, {@code null} for host-only @return this builder */
        public Builder cookieDomain(String domain) {
            this.cookieDomain = domain;
            return this;
        }

        /**
         * Grants application roles to holders of a Stytch role (replacing an earlier mapping of that role).
         *
         * @param stytchRole a Stytch role id, e.g. {@code stytch_admin}
         * @param appRoles   application roles; must not be {@code null}
         * @return this builder
         */
        public Builder roleMapping(String stytchRole, Collection<String> appRoles) {
            this.roleMapping.put(stytchRole, List.copyOf(appRoles));
            return this;
        }

        /**
         * @param organizationRoles whether organization custom roles become container roles; must not be
         *                          {@code null}
         * @return this builder
         */
        public Builder organizationRoles(OrganizationRoles organizationRoles) {
            this.organizationRoles = Objects.requireNonNull(organizationRoles, "organizationRoles");
            return this;
        }

        /**
         * Validates every setting and builds the configuration.
         *
         * @return the configuration
         * @throws StytchConfigException listing every problem, each with its key
         */
        public StytchWebConfig build() {
            ConfigProblems problems = new ConfigProblems();
            Optional<StytchWebConfig> config = build(problems);
            problems.throwIfAny();
            return config.orElseThrow();
        }

        Optional<StytchWebConfig> build(ConfigProblems problems) {
            if (loginPage != null) {
                checkLocalTarget(problems, Keys.LOGIN_PAGE, loginPage);
                if (!isPlainPath(pathOf(loginPage))) {
                    problems.add(Keys.LOGIN_PAGE, "must be a plain path starting with /, optionally with a query");
                }
            }
            if (returnParameter == null || !PARAMETER_NAME.matcher(returnParameter).matches()) {
                problems.add(Keys.RETURN_PARAMETER, "must be a name of letters, digits and . _ ~ -");
            }
            checkPatterns(problems, Keys.PROTECTED_PATHS, protectedPaths);
            checkPatterns(problems, Keys.PUBLIC_PATHS, publicPaths);
            if (logoutPath == null || !isPlainPath(logoutPath)) {
                problems.add(Keys.LOGOUT_PATH, "must be a plain path starting with /, without * or a query");
            }
            checkLocalTarget(problems, Keys.LOGOUT_REDIRECT, logoutRedirect);
            if (realm == null || realm.isEmpty() || !isQuotable(realm)) {
                problems.add(Keys.REALM, "must be printable ASCII without \" or \\");
            }
            if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
                problems.add(Keys.RETRY_AFTER, "must be at least one second");
            }
            Set<String> origins = new LinkedHashSet<>();
            for (String origin : csrfAllowedOrigins) {
                Optional<String> normalised = Origins.normalise(origin);
                if (normalised.isEmpty()) {
                    problems.add(Keys.CSRF_ALLOWED_ORIGINS, "must list origins such as https://app.example.com"
                            + " (scheme, host and optional port only)");
                }
                normalised.ifPresent(origins::add);
            }
            if (cookiePath == null || !cookiePath.startsWith("/") || !isCookieAttributeValue(cookiePath)) {
                problems.add(Keys.COOKIE_PATH, "must start with / and hold no ; , spaces or control characters");
            }
            if (cookieDomain != null && !DOMAIN.matcher(cookieDomain).matches()) {
                problems.add(Keys.COOKIE_DOMAIN, "must be a host name such as example.com");
            }
            roleMapping.forEach((role, appRoles) -> {
                String key = Keys.ROLE_MAPPING_PREFIX + role;
                if (role == null || !ROLE.matcher(role).matches()) {
                    problems.add(Keys.ROLE_MAPPING_PREFIX + "*", "must name a Stytch role after the prefix");
                } else if (appRoles.isEmpty() || appRoles.stream().anyMatch(r -> r == null || !ROLE.matcher(r).matches())) {
                    problems.add(key, "must list application role names, comma-separated");
                }
            });
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StytchWebConfig(this, origins));
        }

        private static void checkPatterns(ConfigProblems problems, String key, List<String> patterns) {
            for (String pattern : patterns) {
                try {
                    PathPattern.compile(pattern);
                } catch (IllegalArgumentException e) {
                    problems.add(key, "must list path patterns such as /api/**: " + e.getMessage());
                }
            }
        }

        private static String pathOf(String target) {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        private static boolean isPlainPath(String path) {
            if (path.contains("*")) {
                return false;
            }
            try {
                PathPattern.compile(path);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static void checkLocalTarget(ConfigProblems problems, String key, String target) {
            if (target == null || !StytchWebAuthenticator.isSafeReturnTarget(target)) {
                problems.add(key, "must be a path inside the application starting with a single /");
            }
        }

        private static boolean isQuotable(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }

        private static boolean isCookieAttributeValue(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c <= 0x20 || c >= 0x7f || c == ';' || c == ',') {
                    return false;
                }
            }
            return true;
        }
    }
}
