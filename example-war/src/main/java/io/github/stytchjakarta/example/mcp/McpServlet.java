package io.github.stytchjakarta.example.mcp;

import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.example.documents.DocumentStore;
import io.github.stytchjakarta.filter.StytchAttributes;
import io.github.stytchjakarta.filter.WebAuthentication;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;

/**
 * The MCP server at {@value #PATH}: the MCP Java SDK's streamable-HTTP transport
 * ({@link HttpServletStreamableServerTransportProvider}, which cannot be deployed by itself: its constructor is
 * private) with the {@link DocumentTools}. stytch-jakarta's filter (or mechanism) authenticates every request before
 * it gets here; which tokens it accepts for {@value #PATH} is configuration ({@code stytch.web.access-tokens.paths}).
 * The transport's context extractor hands each request's authenticated caller to the tools, read on the request's
 * own thread before the SDK goes asynchronous. Started with the application, so that a server that cannot be built
 * fails the deployment rather than the first agent's call. Thread-safe once initialised.
 */
@WebServlet(urlPatterns = McpServlet.PATH, asyncSupported = true, loadOnStartup = 1)
public final class McpServlet extends HttpServlet {

    /** Where the MCP server answers. */
    public static final String PATH = "/mcp";

    /** The server's name in the MCP handshake. */
    public static final String SERVER_NAME = "stytch-jakarta-example";

    /** The server's version in the MCP handshake. */
    public static final String SERVER_VERSION = "1.0";

    private static final long serialVersionUID = 1L;

    private transient HttpServletStreamableServerTransportProvider transport;
    private transient McpSyncServer server;

    @Override
    public void init() throws ServletException {
        // looked up, not injected: not every servlet container with CDI injects into servlets (embedded Jetty does not)
        DocumentStore store = CDI.current().select(DocumentStore.class).get();
        StytchAuthorizer authorizer = CDI.current().select(StytchAuthorizer.class).get();
        McpJsonMapper json = McpJsonDefaults.getMapper();
        transport = HttpServletStreamableServerTransportProvider.builder().jsonMapper(json).mcpEndpoint(PATH)
                .contextExtractor(McpServlet::callerContext).build();
        server = McpServer.sync(transport).serverInfo(SERVER_NAME, SERVER_VERSION)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(new DocumentTools(store, authorizer, json).specifications()).build();
        transport.init(getServletConfig());
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        transport.service(request, response);
    }

    @Override
    public void destroy() {
        // null when init failed: the container still destroys the servlet
        if (server != null) {
            server.close();
        }
        if (transport != null) {
            transport.destroy();
        }
    }

    private static McpTransportContext callerContext(HttpServletRequest request) {
        Object authentication = request.getAttribute(StytchAttributes.AUTHENTICATION);
        return authentication instanceof WebAuthentication.Authenticated authenticated
                ? McpTransportContext.create(Map.of(DocumentTools.CALLER, authenticated.caller()))
                : McpTransportContext.EMPTY;
    }
}
