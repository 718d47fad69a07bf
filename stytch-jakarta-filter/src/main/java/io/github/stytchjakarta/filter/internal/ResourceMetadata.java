package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.internal.json.Json;
import io.github.stytchjakarta.filter.Problem;
import io.github.stytchjakarta.filter.ResourceMetadataSettings;
import io.github.stytchjakarta.filter.StytchWebConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers requests for the RFC 9728 protected resource metadata: {@code GET} and {@code HEAD} get the JSON document
 * ({@code resource}, {@code authorization_servers}, {@code scopes_supported} unless empty,
 * {@code bearer_methods_supported: ["header"]}, {@code resource_name} if set), public and cacheable for
 * {@link StytchWebConfig#RESOURCE_METADATA_MAX_AGE}, readable from any origin (browser-based MCP clients fetch it; it
 * holds nothing secret); a CORS preflight gets 204; other methods 405. The document is rendered once from the
 * configuration: nothing in it comes from the request, so a forged {@code Host} header cannot point clients elsewhere.
 *
 * <p>The authorization server, unless configured, is the project's Stytch domain derived from core's configuration
 * ({@link #defaultAuthorizationServer}). Immutable and thread-safe.
 */
public final class ResourceMetadata {

    /** What a CORS preflight may ask to send: MCP clients send their protocol version on discovery requests. */
    public static final String ALLOWED_HEADERS = "MCP-Protocol-Version";

    private static final String ALLOW = "GET, HEAD, OPTIONS";

    private final byte[] document;
    private final String cacheControl;

    /**
     * Renders the document.
     *
     * @param core     core's configuration, for the default authorization server
     * @param settings the resource metadata settings
     */
    public ResourceMetadata(StytchConfig core, ResourceMetadataSettings settings) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("resource", settings.resource().toString());
        fields.put("authorization_servers", List.of(settings.authorizationServer()
                .map(URI::toString).orElseGet(() -> defaultAuthorizationServer(core))));
        if (!settings.scopes().isEmpty()) {
            fields.put("scopes_supported", settings.scopes());
        }
        fields.put("bearer_methods_supported", List.of("header"));
        settings.resourceName().ifPresent(name -> fields.put("resource_name", name));
        this.document = Json.write(fields);
        this.cacheControl = "public, max-age=" + StytchWebConfig.RESOURCE_METADATA_MAX_AGE.toSeconds();
    }

    /**
     * The project's Stytch domain, where Stytch serves its authorization server metadata: {@code stytch.base-url} when it
     * names a custom or project domain (Stytch answers there with that domain as issuer); on the shared API hosts
     * ({@link StytchConfig#TEST_BASE_URL}, {@link StytchConfig#LIVE_BASE_URL}) the project's legacy path
     * {@code /v1/public/{project_id}}, below which Stytch serves its OpenID configuration.
     *
     * @param core core's configuration
     * @return the authorization server's URL
     */
    public static String defaultAuthorizationServer(StytchConfig core) {
        URI base = core.baseUrl();
        boolean sharedHost = base.equals(StytchConfig.TEST_BASE_URL) || base.equals(StytchConfig.LIVE_BASE_URL);
        return sharedHost ? base + "/v1/public/" + core.projectId() : base.toString();
    }

    /**
     * Answers a request for the document.
     *
     * @param request  the request
     * @param response the uncommitted response
     * @throws IOException when the client went away
     */
    public void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        response.setHeader("Access-Control-Allow-Origin", "*");
        switch (method) {
            case "GET", "HEAD" -> {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setHeader("Cache-Control", cacheControl);
                response.setContentType("application/json");
                response.setContentLength(document.length);
                if (method.equals("GET")) {
                    response.getOutputStream().write(document);
                }
            }
            case "OPTIONS" -> {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                response.setHeader("Allow", ALLOW);
                response.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
                response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            }
            default -> {
                response.setHeader("Allow", ALLOW);
                ProblemResponses.write(response, Problem.of(HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        "stytch.method_not_allowed", "the protected resource metadata answers GET and HEAD only"));
            }
        }
    }
}
