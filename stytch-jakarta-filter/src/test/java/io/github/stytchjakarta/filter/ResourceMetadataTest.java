package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.StytchWebConfig.AccessTokenKind;
import io.github.stytchjakarta.filter.internal.ResourceMetadata;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.IssuerStyle;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 9728 protected resource metadata in a real Jetty 12 ({@code stytch.web.resource-metadata.*}): the document is
 * public even under {@code /**}, built from configuration only (a hostile {@code Host} changes nothing), cacheable and
 * readable cross-origin; every {@code Bearer} challenge names it as {@code resource_metadata}; the default authorization
 * server is the project's Stytch domain, where the emulator (like Stytch on a custom domain) serves RFC 8414 metadata.
 */
class ResourceMetadataTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String RESOURCE = "https://mcp.example.com/mcp";
    private static final String METADATA_URL = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK)
            .issuerStyle(IssuerStyle.BASE_URL));

    private static StytchApp app;

    @BeforeAll
    static void startApp() throws Exception {
        StytchWebConfig web = StytchWebConfig.builder()
                .accessTokens(Set.of(AccessTokenKind.SESSION, AccessTokenKind.CONNECTED_APP))
                .scope(PathScopes.parse("GET /mcp/** read:documents"))
                .scope(PathScopes.parse("POST /mcp/** read:documents write:documents"))
                .resourceMetadata(RESOURCE, null)
                .resourceMetadataName("Documents MCP")
                .build();
        app = StytchApp.start(StytchApp.coreConfig(STYTCH.emulator(), Vertical.B2B).build(), web, CLOCK);
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @Test
    void getWhenPathSuffixedWellKnownThenExactDocumentPublicCacheableCrossOrigin() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/.well-known/oauth-protected-resource/mcp"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContent()).isEqualTo(expectedDocument());
        assertThat(response.get("Content-Type")).startsWith("application/json");
        assertThat(response.get("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.get("WWW-Authenticate")).isNull();
    }

    @Test
    void getWhenRootWellKnownThenSameDocument() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/.well-known/oauth-protected-resource"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContent()).isEqualTo(expectedDocument());
    }

    @Test
    void getWhenHostileHostAndForwardedHeadersThenConfiguredUrlsOnly() throws Exception {
        HttpTester.Response metadata = app.send(Requests.get("/app/.well-known/oauth-protected-resource/mcp")
                .host("evil.example").header("X-Forwarded-Host", "evil.example").header("Forwarded", "host=evil.example"));
        HttpTester.Response challenge = app.send(Requests.get("/app/mcp").host("evil.example"));

        assertThat(metadata.getContent()).isEqualTo(expectedDocument()).doesNotContain("evil");
        assertThat(challenge.get("WWW-Authenticate")).contains(METADATA_URL).doesNotContain("evil");
    }

    @Test
    void headWhenWellKnownThenHeadersWithoutBody() throws Exception {
        HttpTester.Response response = app.send(Requests.method("HEAD", "/app/.well-known/oauth-protected-resource/mcp"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.get("Content-Length")).isEqualTo(Integer.toString(expectedDocument().length()));
        assertThat(response.getContent()).isEmpty();
    }

    @Test
    void optionsWhenCorsPreflightThen204AllowingMcpProtocolVersion() throws Exception {
        HttpTester.Response response = app.send(Requests.method("OPTIONS", "/app/.well-known/oauth-protected-resource/mcp")
                .header("Origin", "https://client.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "mcp-protocol-version"));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.get("Access-Control-Allow-Headers")).isEqualTo("MCP-Protocol-Version");
    }

    @Test
    void postWhenWellKnownThen405WithAllow() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/.well-known/oauth-protected-resource/mcp"));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.get("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.method_not_allowed");
    }

    @Test
    void getWhenNoCredentialThen401NamingTheMetadata() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/mcp"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"stytch\", resource_metadata=\"" + METADATA_URL + "\"");
    }

    @Test
    void postWhenBadTokenThen401InvalidTokenNamingTheMetadata() throws Exception {
        HttpTester.Response response = app.send(Requests.post("/app/mcp").bearer("not.a-token"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", error=\"invalid_token\", "
                + "error_description=\"the token is malformed\", resource_metadata=\"" + METADATA_URL + "\"");
    }

    @Test
    void discoveryWhenDefaultAuthorizationServerThenItServesRfc8414MetadataWithThatIssuer() throws Exception {
        String server = STYTCH.emulator().baseUrl().toString();
        HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server + "/.well-known/oauth-authorization-server")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(EchoServlet.parse(discovery.body())).containsEntry("issuer", server);
    }

    @Test
    void defaultAuthorizationServerWhenSharedApiHostThenProjectsPublicPath() {
        StytchConfig test = StytchConfig.builder().projectId("project-test-00000000-0000-0000-0000-000000000000")
                .secret("secret-test-x").build();
        StytchConfig custom = StytchConfig.builder().projectId("project-live-00000000-0000-0000-0000-000000000000")
                .secret("secret-live-x").baseUrl(URI.create("https://login.example.com/")).build();

        assertThat(ResourceMetadata.defaultAuthorizationServer(test))
                .isEqualTo("https://test.stytch.com/v1/public/project-test-00000000-0000-0000-0000-000000000000");
        assertThat(ResourceMetadata.defaultAuthorizationServer(custom)).isEqualTo("https://login.example.com");
    }

    private static String expectedDocument() {
        return "{\"resource\":\"" + RESOURCE + "\",\"authorization_servers\":[\"" + STYTCH.emulator().baseUrl() + "\"],"
                + "\"scopes_supported\":[\"read:documents\",\"write:documents\"],\"bearer_methods_supported\":[\"header\"],"
                + "\"resource_name\":\"Documents MCP\"}";
    }
}
