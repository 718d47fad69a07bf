package io.github.stytchjakarta.filter;

import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_ACCESS_TOKENS;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_ACCESS_TOKENS_INTROSPECT;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_COOKIE_HTTP_ONLY;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_COOKIE_PATH;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_COOKIE_SECURE;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_CSRF_ENABLED;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_LOGOUT_ALLOW_GET;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_LOGOUT_PATH;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_LOGOUT_REDIRECT;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_MODE;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_ORGANIZATION_ROLES;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_PERMISSIONS_UNMATCHED_METHODS;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_PROTECTED_PATHS;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_PUBLIC_PATHS;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_REALM;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_RETRY_AFTER;
import static io.github.stytchjakarta.filter.StytchWebConfig.DEFAULT_RETURN_PARAMETER;

import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.filter.StytchWebConfig.AccessTokenKind;
import io.github.stytchjakarta.filter.StytchWebConfig.Keys;
import io.github.stytchjakarta.filter.StytchWebConfig.Mode;
import io.github.stytchjakarta.filter.StytchWebConfig.OrganizationRoles;
import io.github.stytchjakarta.filter.StytchWebConfig.SecureCookies;
import io.github.stytchjakarta.filter.StytchWebConfig.UnmatchedMethods;
import io.github.stytchjakarta.filter.internal.Origins;
import io.github.stytchjakarta.filter.internal.PathPattern;
import io.github.stytchjakarta.filter.internal.ResourceMetadataValidation;
import io.github.stytchjakarta.filter.internal.RoleNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link StytchWebConfig}. Every setting starts at its documented default (the {@code DEFAULT_*}
 * constants of {@link StytchWebConfig}); {@link #build()} validates them all together and reports every
 * problem at once, each naming its key and never the value.
 *
 * <p>Not thread-safe.
 */
public final class StytchWebConfigBuilder {

    // RFC 7230 token: a query parameter name that needs no encoding
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final String DOMAIN_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile("\\.?" + DOMAIN_LABEL + "(?:\\." + DOMAIN_LABEL + ")*");

    private Mode mode = DEFAULT_MODE;
    private String loginPage;
    private String returnParameter = DEFAULT_RETURN_PARAMETER;
    private List<String> protectedPaths = DEFAULT_PROTECTED_PATHS;
    private List<String> publicPaths = DEFAULT_PUBLIC_PATHS;
    private final List<PathPermission> permissions = new ArrayList<>();
    private UnmatchedMethods permissionsUnmatchedMethods = DEFAULT_PERMISSIONS_UNMATCHED_METHODS;
    private Set<AccessTokenKind> accessTokens = EnumSet.copyOf(DEFAULT_ACCESS_TOKENS);
    private final List<PathAccessTokens> accessTokenPaths = new ArrayList<>();
    private List<String> introspectionPaths = DEFAULT_ACCESS_TOKENS_INTROSPECT;
    private final List<PathScopes> scopes = new ArrayList<>();
    private String resource;
    private List<String> resourceScopes;
    private String authorizationServer;
    private String resourceName;
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

    StytchWebConfigBuilder() {
    }

    /** @param mode how failures are answered; must not be {@code null} @return this builder */
    public StytchWebConfigBuilder mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** @param loginPage context-relative login page path, {@code null} for none @return this builder */
    public StytchWebConfigBuilder loginPage(String loginPage) {
        this.loginPage = loginPage;
        return this;
    }

    /** @param name the return path query parameter @return this builder */
    public StytchWebConfigBuilder returnParameter(String name) {
        this.returnParameter = name;
        return this;
    }

    /** @param patterns protected path patterns; must not be {@code null} @return this builder */
    public StytchWebConfigBuilder protectedPaths(List<String> patterns) {
        this.protectedPaths = List.copyOf(patterns);
        return this;
    }

    /** @param patterns public path patterns; must not be {@code null} @return this builder */
    public StytchWebConfigBuilder publicPaths(List<String> patterns) {
        this.publicPaths = List.copyOf(patterns);
        return this;
    }

    /** @param permission a rule, added after the ones given before; must not be {@code null} @return this builder */
    public StytchWebConfigBuilder permission(PathPermission permission) {
        this.permissions.add(Objects.requireNonNull(permission, "permission"));
        return this;
    }

    /**
     * @param unmatched what requests to a rule's path get when no rule names their method; must not be
     *                  {@code null}
     * @return this builder
     */
    public StytchWebConfigBuilder permissionsUnmatchedMethods(UnmatchedMethods unmatched) {
        this.permissionsUnmatchedMethods = Objects.requireNonNull(unmatched, "unmatched");
        return this;
    }

    /**
     * @param kinds the kinds of token a bearer header may carry; not empty
     * @return this builder
     */
    public StytchWebConfigBuilder accessTokens(Collection<AccessTokenKind> kinds) {
        this.accessTokens = EnumSet.noneOf(AccessTokenKind.class);
        this.accessTokens.addAll(kinds);
        return this;
    }

    /**
     * @param rule kinds of bearer token for the paths of a pattern, after the rules given before; must not be {@code null}
     * @return this builder
     */
    public StytchWebConfigBuilder accessTokens(PathAccessTokens rule) {
        this.accessTokenPaths.add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /** @param rule a scope rule, added after the ones given before; must not be {@code null} @return this builder */
    public StytchWebConfigBuilder scope(PathScopes rule) {
        this.scopes.add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /**
     * Serves the RFC 9728 protected resource metadata of this resource.
     *
     * @param resource            the absolute resource URL clients call, e.g. {@code https://mcp.example.com/mcp}
     * @param authorizationServer the authorization server's URL, {@code null} for the project's Stytch domain
     * @return this builder
     */
    public StytchWebConfigBuilder resourceMetadata(String resource, String authorizationServer) {
        this.resource = resource;
        this.authorizationServer = authorizationServer;
        return this;
    }

    /** @param scopes the metadata's {@code scopes_supported}, {@code null} for the scope rules' ones @return this builder */
    public StytchWebConfigBuilder resourceMetadataScopes(List<String> scopes) {
        this.resourceScopes = scopes == null ? null : List.copyOf(scopes);
        return this;
    }

    /** @param name the metadata's {@code resource_name}, {@code null} for none @return this builder */
    public StytchWebConfigBuilder resourceMetadataName(String name) {
        this.resourceName = name;
        return this;
    }

    /**
     * @param patterns path patterns where a Connected-App token is also confirmed with Stytch's introspection endpoint
     *                 (the core configuration must then name the introspection client); must not be {@code null}
     * @return this builder
     */
    public StytchWebConfigBuilder introspectionPaths(List<String> patterns) {
        this.introspectionPaths = List.copyOf(patterns);
        return this;
    }

    /** @param path the context-relative logout path @return this builder */
    public StytchWebConfigBuilder logoutPath(String path) {
        this.logoutPath = path;
        return this;
    }

    /** @param allow whether GET also logs out @return this builder */
    public StytchWebConfigBuilder logoutAllowGet(boolean allow) {
        this.logoutAllowGet = allow;
        return this;
    }

    /** @param path the context-relative path navigations go to after logout @return this builder */
    public StytchWebConfigBuilder logoutRedirect(String path) {
        this.logoutRedirect = path;
        return this;
    }

    /** @param realm the {@code WWW-Authenticate} realm @return this builder */
    public StytchWebConfigBuilder realm(String realm) {
        this.realm = realm;
        return this;
    }

    /** @param retryAfter the default {@code Retry-After}; must not be {@code null} @return this builder */
    public StytchWebConfigBuilder retryAfter(Duration retryAfter) {
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        return this;
    }

    /** @param enabled whether the CSRF origin check is on @return this builder */
    public StytchWebConfigBuilder csrfEnabled(boolean enabled) {
        this.csrfEnabled = enabled;
        return this;
    }

    /** @param origins extra accepted origins; must not be {@code null} @return this builder */
    public StytchWebConfigBuilder csrfAllowedOrigins(List<String> origins) {
        this.csrfAllowedOrigins = List.copyOf(origins);
        return this;
    }

    /** @param httpOnly whether session cookies are {@code HttpOnly} @return this builder */
    public StytchWebConfigBuilder cookieHttpOnly(boolean httpOnly) {
        this.cookieHttpOnly = httpOnly;
        return this;
    }

    /** @param secure when session cookies are {@code Secure}; must not be {@code null} @return this builder */
    public StytchWebConfigBuilder cookieSecure(SecureCookies secure) {
        this.cookieSecure = Objects.requireNonNull(secure, "secure");
        return this;
    }

    /** @param path the session cookies' {@code Path} @return this builder */
    public StytchWebConfigBuilder cookiePath(String path) {
        this.cookiePath = path;
        return this;
    }

    /** @param domain the session cookies' {@code Domain}, {@code null} for host-only @return this builder */
    public StytchWebConfigBuilder cookieDomain(String domain) {
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
    public StytchWebConfigBuilder roleMapping(String stytchRole, Collection<String> appRoles) {
        this.roleMapping.put(stytchRole, List.copyOf(appRoles));
        return this;
    }

    /**
     * @param organizationRoles whether organization custom roles become container roles; must not be
     *                          {@code null}
     * @return this builder
     */
    public StytchWebConfigBuilder organizationRoles(OrganizationRoles organizationRoles) {
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
        Set<String> origins = check(problems);
        Optional<ResourceMetadataSettings> resourceMetadata = ResourceMetadataValidation.settings(problems, resource,
                resourceScopes, scopes, authorizationServer, resourceName);
        problems.throwIfAny();
        Map<String, Set<String>> mapping = new LinkedHashMap<>();
        roleMapping.forEach((role, appRoles) -> mapping.put(role, new LinkedHashSet<>(appRoles)));
        return new StytchWebConfig(mode, loginPage, returnParameter, protectedPaths, publicPaths, realm, retryAfter,
                new PermissionSettings(permissions, permissionsUnmatchedMethods),
                new LogoutSettings(logoutPath, logoutAllowGet, logoutRedirect),
                new CsrfSettings(csrfEnabled, origins),
                new CookieSettings(cookieHttpOnly, cookieSecure, cookiePath, Optional.ofNullable(cookieDomain)),
                new RoleSettings(mapping, organizationRoles), accessTokens, accessTokenPaths, introspectionPaths, scopes,
                resourceMetadata);
    }

    // records every problem; returns the allowed origins, normalised
    private Set<String> check(ConfigProblems problems) {
        if (accessTokens.isEmpty()) {
            problems.add(Keys.ACCESS_TOKENS, "must name at least one of session, m2m, connected-app");
        }
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
        checkPatterns(problems, Keys.ACCESS_TOKENS_INTROSPECT, introspectionPaths);
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
            if (!RoleNames.isValid(role)) {
                problems.add(Keys.ROLE_MAPPING_PREFIX + "*", "must name a Stytch role after the prefix");
            } else if (appRoles.isEmpty() || appRoles.stream().anyMatch(r -> !RoleNames.isValid(r))) {
                problems.add(key, "must list application role names, comma-separated");
            }
        });
        return origins;
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
