package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.internal.config.ConfigReader;
import io.github.stytchjakarta.filter.PathAccessTokens;
import io.github.stytchjakarta.filter.PathPermission;
import io.github.stytchjakarta.filter.PathScopes;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.StytchWebConfig.AccessTokenKind;
import io.github.stytchjakarta.filter.StytchWebConfig.Keys;
import io.github.stytchjakarta.filter.StytchWebConfig.Mode;
import io.github.stytchjakarta.filter.StytchWebConfig.OrganizationRoles;
import io.github.stytchjakarta.filter.StytchWebConfig.SecureCookies;
import io.github.stytchjakarta.filter.StytchWebConfig.UnmatchedMethods;
import io.github.stytchjakarta.filter.StytchWebConfigBuilder;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the web keys ({@code stytch.web.*}, {@code stytch.roles.*}) into a {@link StytchWebConfig}: every
 * value through core's {@link ConfigReader}, then the builder's validation, so that unreadable and invalid
 * values are reported together, each naming its key and never the value.
 *
 * <p>Stateless and thread-safe.
 */
public final class WebConfigReading {

    private WebConfigReading() {
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
        StytchWebConfigBuilder builder = StytchWebConfig.builder();
        own.enumValue(Keys.MODE, Mode.class).ifPresent(builder::mode);
        own.string(Keys.LOGIN_PAGE).ifPresent(builder::loginPage);
        own.string(Keys.RETURN_PARAMETER).ifPresent(builder::returnParameter);
        if (own.string(Keys.PROTECTED_PATHS).isPresent()) {
            builder.protectedPaths(own.list(Keys.PROTECTED_PATHS));
        }
        builder.publicPaths(own.list(Keys.PUBLIC_PATHS));
        readRules(own, Keys.PERMISSIONS, "[,\\n]", PathPermission::parse, builder::permission);
        own.enumValue(Keys.PERMISSIONS_UNMATCHED_METHODS, UnmatchedMethods.class)
                .ifPresent(builder::permissionsUnmatchedMethods);
        readAccessTokens(own, builder);
        readRules(own, Keys.ACCESS_TOKENS_PATHS, "[;\\n]", PathAccessTokens::parse, builder::accessTokens);
        builder.introspectionPaths(own.list(Keys.ACCESS_TOKENS_INTROSPECT));
        readRules(own, Keys.SCOPES, "[,\\n]", PathScopes::parse, builder::scope);
        builder.resourceMetadata(own.string(Keys.RESOURCE_METADATA_RESOURCE).orElse(null),
                own.string(Keys.RESOURCE_METADATA_AUTHORIZATION_SERVER).orElse(null));
        if (own.string(Keys.RESOURCE_METADATA_SCOPES).isPresent()) {
            builder.resourceMetadataScopes(own.list(Keys.RESOURCE_METADATA_SCOPES));
        }
        own.string(Keys.RESOURCE_METADATA_RESOURCE_NAME).ifPresent(builder::resourceMetadataName);
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
        Set<String> mapped = new HashSet<>();
        for (String key : new TreeSet<>(keyNames)) {
            if (key.startsWith(Keys.ROLE_MAPPING_PREFIX)) {
                String role = key.substring(Keys.ROLE_MAPPING_PREFIX.length());
                builder.roleMapping(role, own.list(key));
                mapped.add(role);
            }
        }
        readRoleMappings(own, builder, mapped);
        own.enumValue(Keys.ORGANIZATION_ROLES, OrganizationRoles.class).ifPresent(builder::organizationRoles);
        Optional<StytchWebConfig> config = problems.validated(builder::build);
        reader.problems().addAll(problems.list());
        return problems.isEmpty() ? config : Optional.empty();
    }

    private static void readRoleMappings(ConfigReader reader, StytchWebConfigBuilder builder, Set<String> mapped) {
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
            if (!RoleNames.isValid(role) || appRoles.isEmpty() || appRoles.stream().anyMatch(appRole -> !RoleNames.isValid(appRole))) {
                reader.problems().add(Keys.ROLE_MAPPINGS,
                        "entry " + (i + 1) + ": must be <stytch-role>=<app-role>[,<app-role>...]");
            } else if (!mapped.add(role)) {
                reader.problems().add(Keys.ROLE_MAPPINGS, "entry " + (i + 1) + ": maps a Stytch role that is already mapped");
            } else {
                builder.roleMapping(role, appRoles);
            }
        }
    }

    private static void readAccessTokens(ConfigReader reader, StytchWebConfigBuilder builder) {
        Optional<String> value = reader.string(Keys.ACCESS_TOKENS);
        if (value.isEmpty()) {
            return;
        }
        Set<AccessTokenKind> kinds = EnumSet.noneOf(AccessTokenKind.class);
        for (String entry : entries(value.get(), ",")) {
            try {
                kinds.add(PathAccessTokens.kind(entry));
            } catch (IllegalArgumentException e) {
                reader.problems().add(Keys.ACCESS_TOKENS, "must be a comma list of session, m2m, connected-app");
                return;
            }
        }
        builder.accessTokens(kinds);
    }

    // rule lists: each rule parsed on its own, every bad one reported with its position
    private static <T> void readRules(ConfigReader reader, String key, String separatorRegex, Function<String, T> parse,
                                      Consumer<T> add) {
        List<String> rules = reader.string(key).map(value -> entries(value, separatorRegex)).orElse(List.of());
        for (int i = 0; i < rules.size(); i++) {
            try {
                add.accept(parse.apply(rules.get(i)));
            } catch (IllegalArgumentException e) {
                reader.problems().add(key, "rule " + (i + 1) + ": " + e.getMessage());
            }
        }
    }

    // the non-blank items of a list, trimmed
    private static List<String> entries(String value, String separatorRegex) {
        return Arrays.stream(value.split(separatorRegex)).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
