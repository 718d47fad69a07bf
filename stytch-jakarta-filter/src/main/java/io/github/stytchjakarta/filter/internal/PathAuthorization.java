package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.AuthorizationDecision;
import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.filter.PathPermission;
import io.github.stytchjakarta.filter.PathScopes;
import io.github.stytchjakarta.filter.ResourceMetadataSettings;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.WebAuthentication;
import io.github.stytchjakarta.filter.WebFailure;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The path rules of the web configuration, compiled once: which requests need an authenticated caller
 * (the login page, the logout path, the webhook endpoint and the protected resource metadata never do; a request matching
 * a permission or scope rule always does, and so,
 * with {@link StytchWebConfig.UnmatchedMethods#DENY}, does any request to a path a rule's pattern matches;
 * then public paths win over protected paths), which ask to log out, whether an authenticated caller's access token
 * grants every scope of the first scope rule matching the method and path (M2M scopes as Stytch's SDKs compare them,
 * Connected-App scopes by name; a session grants none), and whether it
 * holds the permission of the first rule matching the method and path (checked by core's authorizer: a session by its
 * roles, an access token by its scopes; an access token refused gets the scopes that would grant it, RFC 6750 §3.1).
 * Paths are normalised ({@link RequestPath}); an unacceptable one ({@link Optional#empty()}) counts as
 * protected. Immutable and thread-safe.
 */
public final class PathAuthorization {

    private final StytchWebConfig config;
    private final StytchAuthorizer authorizer;
    private final WebLog log;
    private final List<PathPattern> protectedPaths;
    private final List<PathPattern> publicPaths;
    private final List<CompiledPermission> permissions;
    private final List<CompiledScopes> scopes;
    private final List<PathPattern> metadataPaths;
    private final PathPattern logoutPath;
    private final Optional<PathPattern> loginPath;
    private final Optional<String> webhookPath;

    /**
     * Compiles the rules.
     *
     * @param config     the web configuration
     * @param authorizer  core's authorizer, for the permission rules
     * @param webhookPath the webhook endpoint's path, when there is one: Stytch authenticates by signature
     * @param log         the log
     */
    public PathAuthorization(StytchWebConfig config, StytchAuthorizer authorizer, Optional<String> webhookPath, WebLog log) {
        this.config = config;
        this.authorizer = authorizer;
        this.log = log;
        this.protectedPaths = config.protectedPaths().stream().map(PathPattern::compile).toList();
        this.publicPaths = config.publicPaths().stream().map(PathPattern::compile).toList();
        this.permissions = config.permissions().rules().stream()
                .map(rule -> new CompiledPermission(rule, PathPattern.compile(rule.pathPattern()))).toList();
        this.scopes = config.scopes().stream()
                .map(rule -> new CompiledScopes(rule, PathPattern.compile(rule.pathPattern()))).toList();
        this.metadataPaths = config.resourceMetadata().stream()
                .flatMap(metadata -> Stream.of(ResourceMetadataSettings.WELL_KNOWN_PATH, metadata.metadataPath()))
                .map(PathPattern::compile).toList();
        this.logoutPath = PathPattern.compile(config.logout().path());
        this.loginPath = config.loginPage().map(page -> PathPattern.compile(page.split("\\?", 2)[0]));
        this.webhookPath = webhookPath;
    }

    /**
     * @param method     the request's method
     * @param normalised the normalised path, empty when unacceptable
     * @return {@code true} if the request needs an authenticated caller
     */
    public boolean isProtected(String method, Optional<String> normalised) {
        if (normalised.isEmpty()) {
            return true;
        }
        String path = normalised.get();
        if (logoutPath.matches(path) || loginPath.isPresent() && loginPath.get().matches(path)
                || webhookPath.isPresent() && webhookPath.get().equals(path) || isResourceMetadata(path)) {
            return false;
        }
        if (permissionFor(method, path).isPresent() || scopesFor(method, path).isPresent() || isUnmatchedMethod(path)) {
            return true;
        }
        return !anyMatches(publicPaths, path) && anyMatches(protectedPaths, path);
    }

    /**
     * @param method the request's method
     * @param path   the normalised path, empty when unacceptable
     * @return {@code true} for {@code POST} (or, if allowed, {@code GET}) to the logout path
     */
    public boolean isLogoutRequest(String method, Optional<String> path) {
        // in any case, like the permission rules' methods
        boolean logoutMethod = "POST".equalsIgnoreCase(method)
                || config.logout().allowGet() && "GET".equalsIgnoreCase(method);
        return logoutMethod && path.isPresent() && logoutPath.matches(path.get());
    }

    /**
     * @param path the normalised path
     * @return whether it is one where the protected resource metadata is served
     */
    public boolean isResourceMetadata(String path) {
        return anyMatches(metadataPaths, path);
    }

    /**
     * Checks the first scope rule and the first permission rule matching the method and path; in deny mode, refuses a
     * method no permission rule of a governed path names.
     *
     * @param method         the request's method
     * @param path           the normalised path, empty when unacceptable
     * @param authentication the caller
     * @return the failure (403, or 503 when the RBAC policy cannot be had), when the request must be refused
     */
    public Optional<WebFailure> authorize(String method, Optional<String> path, WebAuthentication.Authenticated authentication) {
        Optional<PathScopes> scopeRule = path.flatMap(normalised -> scopesFor(method, normalised));
        if (scopeRule.isPresent() && !authorizer.missingScopes(authentication.caller(), scopeRule.get().scopes()).isEmpty()) {
            log.debug(() -> "scopes " + scopeRule.get().scopes() + " not all granted");
            return Optional.of(WebFailures.insufficientScope(scopeRule.get().scopes(), authentication.source()));
        }
        Optional<PathPermission> rule = path.flatMap(normalised -> permissionFor(method, normalised));
        if (rule.isEmpty()) {
            if (path.isEmpty() || !isUnmatchedMethod(path.get())) {
                return Optional.empty();
            }
            log.debug("method named by no permission rule of the path refused");
            return Optional.of(WebFailures.unmatchedMethod(authentication.source()));
        }
        AuthorizationDecision decision;
        StytchCaller caller = authentication.caller();
        List<String> scopes = List.of();
        try {
            decision = authorizer.check(caller, rule.get().permission());
            if (!decision.granted() && authentication.session().isEmpty()) {
                scopes = authorizer.scopesGranting(caller, rule.get().permission());
            }
        } catch (StytchUnavailableException e) {
            log.throttledWarning("RBAC policy unavailable: " + e.getMessage());
            return Optional.of(WebFailures.unavailable(e.retryAfter().orElse(config.retryAfter())));
        } catch (StytchApiException e) {
            log.throttledWarning("Stytch refused the RBAC policy request: HTTP " + e.statusCode() + " " + e.errorType());
            return Optional.of(WebFailures.unavailable(config.retryAfter()));
        }
        if (decision.granted()) {
            return Optional.empty();
        }
        log.debug(() -> "permission " + rule.get().permission() + " refused: " + decision.outcome());
        return Optional.of(authentication.session().isPresent() ? WebFailures.forbidden(decision.outcome(), authentication.source())
                : WebFailures.insufficientScope(decision.outcome(), scopes));
    }

    private Optional<PathScopes> scopesFor(String method, String path) {
        for (CompiledScopes rule : scopes) {
            if (matchesMethod(rule.rule().method(), method) && rule.pattern().matches(path)) {
                return Optional.of(rule.rule());
            }
        }
        return Optional.empty();
    }

    // the rule's method is upper case; the request's is compared in any case; GET covers HEAD
    private static boolean matchesMethod(String ruleMethod, String method) {
        return ruleMethod.equals("*") || ruleMethod.equalsIgnoreCase(method) || ruleMethod.equals("GET") && "HEAD".equalsIgnoreCase(method);
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
        if (config.permissions().unmatchedMethods() != StytchWebConfig.UnmatchedMethods.DENY) {
            return false;
        }
        for (CompiledPermission permission : permissions) {
            if (permission.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(List<PathPattern> patterns, String path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** A permission rule with its compiled pattern. */
    private record CompiledPermission(PathPermission rule, PathPattern pattern) {

        boolean matches(String method, String path) {
            return matchesMethod(rule.method(), method) && pattern.matches(path);
        }
    }

    /** A scope rule with its compiled pattern. */
    private record CompiledScopes(PathScopes rule, PathPattern pattern) {
    }
}
