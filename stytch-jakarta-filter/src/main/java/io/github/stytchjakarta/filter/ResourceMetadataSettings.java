package io.github.stytchjakarta.filter;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code stytch.web.resource-metadata.*} settings of a {@link StytchWebConfig}: this application as an OAuth
 * protected resource (RFC 9728), e.g. an MCP server whose authorization server is Stytch. Present only when
 * {@code stytch.web.resource-metadata.resource} is set; validated by {@link StytchWebConfigBuilder#build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param resource            the resource identifier: the absolute URL clients call (RFC 9728 {@code resource}, the RFC
 *                            8707 {@code resource} parameter), without query or fragment
 * @param scopes              the {@code scopes_supported}, in order (empty: the member is left out)
 * @param authorizationServer the authorization server's issuer URL when configured; otherwise the authenticator
 *                            derives the project's Stytch domain from core's configuration
 * @param resourceName        the human-readable {@code resource_name}, if any
 */
public record ResourceMetadataSettings(URI resource, List<String> scopes, Optional<URI> authorizationServer,
                                       Optional<String> resourceName) {

    /** RFC 9728 §3: the well-known URI suffix, inserted between the resource's host and its path. */
    public static final String WELL_KNOWN_PATH = "/.well-known/oauth-protected-resource";

    /** Requires every part; copies the scopes. */
    public ResourceMetadataSettings {
        Objects.requireNonNull(resource, "resource");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(authorizationServer, "authorizationServer");
        Objects.requireNonNull(resourceName, "resourceName");
    }

    /**
     * The path of the metadata document as RFC 9728 §3 forms it: {@value #WELL_KNOWN_PATH} followed by the resource's
     * path, if it has one other than {@code /}.
     *
     * @return e.g. {@code /.well-known/oauth-protected-resource/mcp} for {@code https://mcp.example.com/mcp}
     */
    public String metadataPath() {
        String path = resource.getRawPath();
        return path == null || path.isEmpty() || path.equals("/") ? WELL_KNOWN_PATH : WELL_KNOWN_PATH + path;
    }

    /**
     * The URL of the metadata document on the resource's origin, sent as {@code resource_metadata} in
     * {@code WWW-Authenticate} (RFC 9728 §5.1).
     *
     * @return e.g. {@code https://mcp.example.com/.well-known/oauth-protected-resource/mcp}
     */
    public URI metadataUrl() {
        return resource.resolve(metadataPath());
    }
}
