package io.github.stytchjakarta.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.mcp.DocumentTools;
import io.github.stytchjakarta.example.support.ExampleApp;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp.ClientType;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testsupport.TestHttp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example's MCP server ({@code /mcp}) driven by the official MCP Java SDK client over streamable HTTP, with
 * Connected-App access tokens the emulator issues for demo members: an MCP client's discovery from the 401 (RFC 9728
 * metadata, then Stytch's authorization-server metadata) and its authorization-code grant with PKCE at the endpoints
 * that metadata names, a token's scopes deciding which tools work, its organization
 * as the workspace, and nothing but a Connected-App token with the server's scope getting in.
 */
class McpIT {

    @RegisterExtension
    static final ExampleApp APP = new ExampleApp(Vertical.B2B);

    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");

    private static final String INITIALIZE = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
            + "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"curl\", \"version\": \"1\"}}}";

    // a native MCP client's loopback redirect (RFC 8252 §7.3: registered without a port, any port matches)
    private static final String REDIRECT_URI = "http://127.0.0.1/callback";

    private static EmulatedConnectedApp agent;

    private final TestHttp http = TestHttp.browser();

    @BeforeAll
    static void registerAgent() {
        agent = APP.emulator().connectedApps().create(c -> c.name("Agent").type(ClientType.THIRD_PARTY_PUBLIC)
                .redirectUrls(REDIRECT_URI));
    }

    @Test
    void initializeWhenNoTokenThen401PointingToMetadataThatLeadsToStytchAndWithItsTokenThenMcpSession() {
        HttpResponse<String> anonymous = http.send(initialize());
        String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElseThrow();
        Matcher metadataUrl = RESOURCE_METADATA.matcher(challenge);
        assertThat(metadataUrl.find()).as(challenge).isTrue();
        JsonNode resource = TestHttp.json(http.send(TestHttp.request(URI.create(metadataUrl.group(1)))));
        String authorizationServer = resource.path("authorization_servers").path(0).asText();
        JsonNode stytch = TestHttp.json(http.send(TestHttp.request(URI.create(authorizationServer
                + "/.well-known/oauth-authorization-server"))));
        // the emulator's authorization page stands in for the application's consent page, Carol approving
        APP.emulator().connectedApps().consentAs(APP.demo().carol());
        String token = authorizationCodeWithPkce(stytch, resource.path("resource").asText(), "read:documents");
        HttpResponse<String> withToken = http.send(initialize().header("Authorization", "Bearer " + token));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(challenge).startsWith("Bearer realm=");
        assertThat(TestHttp.json(anonymous).path("code").asText()).isEqualTo("stytch.missing_token");
        assertThat(metadataUrl.group(1)).isEqualTo(APP.uri(".well-known/oauth-protected-resource/mcp").toString());
        assertThat(resource.path("resource").asText()).isEqualTo(APP.uri("mcp").toString());
        assertThat(resource.path("scopes_supported").toString()).contains("read:documents", "write:documents");
        assertThat(authorizationServer).isEqualTo(APP.emulator().baseUrl().toString());
        assertThat(stytch.path("token_endpoint").asText()).startsWith(authorizationServer);
        assertThat(stytch.path("scopes_supported").toString()).contains("read:documents", "write:documents");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.headers().firstValue("Mcp-Session-Id")).isPresent();
        try (McpSyncClient client = client(null)) {
            assertThatThrownBy(client::initialize).as("the SDK client without a token").isInstanceOf(RuntimeException.class);
        }
        try (McpSyncClient client = client(token)) {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(Tool::name).contains("list_documents", "create_document");
            assertThat(client.callTool(call("list_documents", Map.of())).isError()).isNotEqualTo(Boolean.TRUE);
        }
    }

    @Test
    void initializeWhenAppTokenHasNoScopeForMcpThen403InsufficientScopeNamingIt() {
        HttpResponse<String> response = http.send(initialize().header("Authorization", "Bearer " + token(APP.demo().bob(), "openid")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .contains("error=\"insufficient_scope\"").contains("scope=\"read:documents\""));
    }

    @Test
    void toolsWhenAppTokenReadsAndWritesThenBothToolsWorkInTheMembersOrganization() {
        try (McpSyncClient client = client(token(APP.demo().bob(), "read:documents", "write:documents"))) {
            client.initialize();

            List<String> tools = client.listTools().tools().stream().map(Tool::name).toList();
            CallToolResult created = client.callTool(call(DocumentTools.CREATE,
                    Map.of("title", "Agent notes", "body", "Written over MCP.")));
            CallToolResult listed = client.callTool(call(DocumentTools.LIST, Map.of()));

            assertThat(tools).containsExactlyInAnyOrder(DocumentTools.LIST, DocumentTools.CREATE);
            assertThat(created.isError()).as(text(created)).isNotEqualTo(Boolean.TRUE);
            assertThat(structured(created)).containsEntry("title", "Agent notes")
                    .containsEntry("author", APP.demo().bob().memberId());
            assertThat(listed.isError()).as(text(listed)).isNotEqualTo(Boolean.TRUE);
            assertThat(structured(listed)).containsEntry("workspace", APP.demo().acme().organizationId());
            assertThat(text(listed)).contains("Agent notes");
        }
        HttpResponse<String> bySession = http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization",
                "Bearer " + APP.emulator().createMemberSession(APP.demo().carol(), s -> s.duration(Duration.ofHours(1))).sessionJwt()));
        assertThat(bySession.body()).as("the same organization's documents, seen with a session").contains("Agent notes");
    }

    @Test
    void createWhenAppTokenOnlyReadsThenToolErrorNamingTheScopeAndNothingWritten() {
        try (McpSyncClient client = client(token(APP.demo().alice(), "read:documents"))) {
            client.initialize();

            CallToolResult refused = client.callTool(call(DocumentTools.CREATE, Map.of("title", "Not allowed")));
            CallToolResult listed = client.callTool(call(DocumentTools.LIST, Map.of()));

            assertThat(refused.isError()).isTrue();
            assertThat(text(refused)).isEqualTo("Permission denied: documents:write needs one of the scopes write:documents.");
            assertThat(text(listed)).doesNotContain("Not allowed");
        }
    }

    @Test
    void listWhenAppTokenOfAnotherOrganizationThenOnlyItsOwnDocuments() {
        try (McpSyncClient acme = client(token(APP.demo().bob(), "read:documents", "write:documents"));
             McpSyncClient globex = client(token(APP.demo().dave(), "read:documents"))) {
            acme.initialize();
            globex.initialize();
            acme.callTool(call(DocumentTools.CREATE, Map.of("title", "Acme secret")));

            CallToolResult listed = globex.callTool(call(DocumentTools.LIST, Map.of()));

            assertThat(structured(listed)).containsEntry("workspace", APP.demo().globex().organizationId());
            assertThat(text(listed)).doesNotContain("Acme secret");
        }
    }

    @Test
    void initializeWhenSessionJwtOrM2mTokenThen401WrongTokenKind() {
        String sessionJwt = APP.emulator().createMemberSession(APP.demo().bob(), s -> s.duration(Duration.ofHours(1))).sessionJwt();
        String m2mToken = APP.emulator().tokens().m2mToken(APP.demo().reportingClient()).mint();

        for (String token : List.of(sessionJwt, m2mToken)) {
            HttpResponse<String> response = http.send(initialize().header("Authorization", "Bearer " + token));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(TestHttp.json(response).path("code").asText()).isEqualTo("stytch.invalid_token.wrong_token_kind");
            assertThat(response.body()).doesNotContain(token);
        }
    }

    @Test
    void mcpWhenBodyIsNotJsonOrSessionUnknownThen4xxWithoutStackTrace() {
        String token = "Bearer " + token(APP.demo().bob(), "read:documents");

        HttpResponse<String> notJson = http.send(TestHttp.request(APP.uri("mcp")).header("Authorization", token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\": ")));
        HttpResponse<String> unknownSession = http.send(TestHttp.request(APP.uri("mcp")).header("Authorization", token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", "no-such-session")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}")));

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(unknownSession.statusCode()).isEqualTo(404);
        assertThat(notJson.body() + unknownSession.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static HttpRequest.Builder initialize() {
        return TestHttp.request(APP.uri("mcp")).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
    }

    private static CallToolRequest call(String tool, Map<String, Object> arguments) {
        return CallToolRequest.builder(tool).arguments(arguments).build();
    }

    /**
     * What an MCP client's OAuth layer does with the authorization server's metadata (MCP authorization, OAuth 2.1):
     * PKCE S256, the authorization endpoint (a redirect carrying the code and the state), then the token endpoint.
     */
    private String authorizationCodeWithPkce(JsonNode stytch, String resource, String scope) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String state = "state-" + System.nanoTime();
        URI authorize = URI.create(stytch.path("authorization_endpoint").asText() + "?response_type=code&client_id="
                + form(agent.clientId()) + "&redirect_uri=" + form(REDIRECT_URI) + "&scope=" + form(scope) + "&state=" + state
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&resource=" + form(resource));
        HttpResponse<String> redirect = http.send(TestHttp.request(authorize));
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        URI callback = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/callback");
        Map<String, String> answer = new HashMap<>();
        for (String pair : callback.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            answer.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        assertThat(answer).containsEntry("state", state).containsKey("code");
        HttpResponse<String> tokens = http.send(TestHttp.request(URI.create(stytch.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + form(answer.get("code"))
                        + "&redirect_uri=" + form(REDIRECT_URI) + "&client_id=" + form(agent.clientId())
                        + "&code_verifier=" + verifier)));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return TestHttp.json(tokens).path("access_token").asText();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String token(EmulatedMember member, String... scopes) {
        return APP.emulator().connectedApps().accessToken(member, agent, scopes);
    }

    // the SDK's client on the JDK's HttpClient; the request customizer adds the token to every request it sends
    private static McpSyncClient client(String accessToken) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(APP.uri("/").toString())
                .endpoint("/mcp")
                .addHttpRequestCustomizer((request, method, uri, body, context) -> {
                    if (accessToken != null) {
                        request.header("Authorization", "Bearer " + accessToken);
                    }
                })
                .build();
        return McpClient.sync(transport).requestTimeout(TestHttp.TIMEOUT).initializationTimeout(TestHttp.TIMEOUT).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    private static String text(CallToolResult result) {
        return result.content().stream().filter(TextContent.class::isInstance).map(content -> ((TextContent) content).text())
                .findFirst().orElse("");
    }
}
