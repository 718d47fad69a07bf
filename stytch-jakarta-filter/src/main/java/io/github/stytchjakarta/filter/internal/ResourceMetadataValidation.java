package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.internal.config.ConfigChecks;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.filter.PathScopes;
import io.github.stytchjakarta.filter.ResourceMetadataSettings;
import io.github.stytchjakarta.filter.StytchWebConfig.Keys;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the {@code stytch.web.resource-metadata.*} settings for {@code StytchWebConfigBuilder}: the resource and the
 * authorization server must be absolute {@code http(s)} URLs without user info, query or fragment, {@code https}
 * unless the host is a loopback name or address (a token must not travel in clear); the resource's path must be plain
 * (letters, digits, {@code - . _ ~ /}), since it becomes a path the filter serves and part of a header. Problems name
 * the key, never the value. Stateless and thread-safe.
 */
public final class ResourceMetadataValidation {

    private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*/?");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private ResourceMetadataValidation() {
    }

    /**
     * Validates the settings and builds them.
     *
     * @param problems            where problems are recorded
     * @param resource            the resource URL, {@code null} when the metadata is off
     * @param scopes              the {@code scopes_supported}, {@code null} for those of the scope rules
     * @param rules               the scope rules
     * @param authorizationServer the authorization server URL, {@code null} for the project's Stytch domain
     * @param resourceName        the {@code resource_name}, {@code null} for none
     * @return the settings, empty when the metadata is off or a problem was recorded
     */
    public static Optional<ResourceMetadataSettings> settings(ConfigProblems problems, String resource, List<String> scopes,
                                                             List<PathScopes> rules, String authorizationServer,
                                                             String resourceName) {
        if (resource == null) {
            if (scopes != null || authorizationServer != null || resourceName != null) {
                problems.add(Keys.RESOURCE_METADATA_RESOURCE, "must be set when other stytch.web.resource-metadata keys are");
            }
            return Optional.empty();
        }
        boolean valid = true;
        Optional<URI> resourceUrl = url(resource);
        if (resourceUrl.isEmpty() || !PLAIN_PATH.matcher(resourceUrl.get().getRawPath()).matches()) {
            problems.add(Keys.RESOURCE_METADATA_RESOURCE, "must be an absolute https URL (http only for localhost) without"
                    + " query or fragment, its path of letters, digits and - . _ ~ /");
            valid = false;
        }
        Optional<URI> server = Optional.empty();
        if (authorizationServer != null) {
            server = url(authorizationServer);
            if (server.isEmpty()) {
                problems.add(Keys.RESOURCE_METADATA_AUTHORIZATION_SERVER,
                        "must be an absolute https URL (http only for localhost) without query or fragment");
                valid = false;
            }
        }
        List<String> supported = scopes != null ? scopes
                : List.copyOf(rules.stream().flatMap(rule -> rule.scopes().stream()).collect(LinkedHashSet<String>::new,
                        Set::add, Set::addAll));
        if (!supported.stream().allMatch(PathScopes::isScope)) {
            problems.add(Keys.RESOURCE_METADATA_SCOPES, "must list scopes of printable ASCII without spaces, \" or \\");
            valid = false;
        }
        if (resourceName != null && (resourceName.isBlank() || resourceName.chars().anyMatch(Character::isISOControl))) {
            problems.add(Keys.RESOURCE_METADATA_RESOURCE_NAME, "must be a non-blank name without control characters");
            valid = false;
        }
        return valid ? Optional.of(new ResourceMetadataSettings(resourceUrl.get(), supported, server,
                Optional.ofNullable(resourceName))) : Optional.empty();
    }

    // an http(s) URL as core's checks accept one, and https unless to a loopback host
    private static Optional<URI> url(String value) {
        try {
            URI url = new URI(value);
            boolean acceptable = ConfigChecks.isHttpUrl(url) && ("https".equalsIgnoreCase(url.getScheme())
                    || LOOPBACK_HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT)));
            return acceptable ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
