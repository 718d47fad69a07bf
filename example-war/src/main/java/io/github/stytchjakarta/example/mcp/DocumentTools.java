package io.github.stytchjakarta.example.mcp;

import io.github.stytchjakarta.core.AuthorizationDecision;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.example.documents.Document;
import io.github.stytchjakarta.example.documents.DocumentPermissions;
import io.github.stytchjakarta.example.documents.DocumentStore;
import io.github.stytchjakarta.example.documents.InvalidDocumentException;
import io.github.stytchjakarta.example.documents.Workspace;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The MCP tools over the {@link DocumentStore}: {@value #LIST} ({@code documents:read}) and {@value #CREATE}
 * ({@code documents:write}). Each call takes its caller from the HTTP request that carried it (the transport context
 * under {@link #CALLER}, put there by {@link McpServlet} from what stytch-jakarta authenticated), never from the MCP
 * session, which any holder of its id may use. The workspace is the caller's ({@link Workspace#forCaller}: the
 * organization of a Connected-App token). A permission the token's scopes do not grant, a caller without a
 * workspace, bad arguments, or Stytch being unavailable are tool errors ({@code isError}) with a fixed sentence,
 * never an HTTP error. Immutable and thread-safe.
 */
public final class DocumentTools {

    /** The tool that lists the caller's documents. */
    public static final String LIST = "list_documents";

    /** The tool that writes a document. */
    public static final String CREATE = "create_document";

    /** The transport-context key of the request's {@link StytchCaller}. */
    public static final String CALLER = "stytch.caller";

    private static final Permission READ = new Permission(DocumentPermissions.RESOURCE, DocumentPermissions.READ);
    private static final Permission WRITE = new Permission(DocumentPermissions.RESOURCE, DocumentPermissions.WRITE);

    private final DocumentStore store;
    private final StytchAuthorizer authorizer;
    private final McpJsonMapper json;

    /**
     * @param store      the documents
     * @param authorizer checks each call's permission
     * @param json       writes the tools' text results
     */
    public DocumentTools(DocumentStore store, StytchAuthorizer authorizer, McpJsonMapper json) {
        this.store = Objects.requireNonNull(store, "store");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** @return the two tools, to register with the MCP server */
    public List<SyncToolSpecification> specifications() {
        Tool list = Tool.builder(LIST, Map.of("type", "object", "properties", Map.of())).title("List documents")
                .description("Lists the documents of your workspace (needs documents:read).").build();
        Tool create = Tool.builder(CREATE, Map.of("type", "object", "required", List.of("title"), "properties", Map.of(
                        "title", Map.of("type", "string", "maxLength", DocumentStore.MAX_TITLE_LENGTH),
                        "body", Map.of("type", "string", "maxLength", DocumentStore.MAX_BODY_LENGTH))))
                .title("Create a document").description("Writes a new document into your workspace (needs documents:write).")
                .build();
        return List.of(
                SyncToolSpecification.builder().tool(list).callHandler((exchange, request) -> call(exchange, READ,
                        workspace -> result(Map.of("workspace", workspace.label(),
                                "documents", store.list(workspace).stream().map(DocumentTools::fields).toList())))).build(),
                SyncToolSpecification.builder().tool(create).callHandler((exchange, request) -> call(exchange, WRITE,
                        workspace -> create(exchange, request, workspace))).build());
    }

    private CallToolResult call(McpSyncServerExchange exchange, Permission permission, Function<Workspace, CallToolResult> tool) {
        Optional<StytchCaller> caller = callerOf(exchange.transportContext());
        if (caller.isEmpty()) {
            return error("Not authenticated.");
        }
        try {
            AuthorizationDecision decision = authorizer.check(caller.get(), permission);
            if (!decision.granted()) {
                List<String> scopes = authorizer.scopesGranting(caller.get(), permission);
                return error("Permission denied: " + permission + " needs "
                        + (scopes.isEmpty() ? "a role that grants it." : "one of the scopes " + String.join(", ", scopes) + "."));
            }
        } catch (StytchUnavailableException e) {
            return error("Permissions cannot be checked right now; try again later.");
        }
        return Workspace.forCaller(caller.get()).map(tool)
                .orElseGet(() -> error("This client belongs to no workspace (its tokens carry no "
                        + Workspace.M2M_ORGANIZATION_CLAIM + ")."));
    }

    private CallToolResult create(McpSyncServerExchange exchange, CallToolRequest request, Workspace workspace) {
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        Object body = arguments.get("body");
        if (!(arguments.get("title") instanceof String title) || body != null && !(body instanceof String)) {
            return error("Send a title and optionally a body, both strings.");
        }
        StytchCaller caller = callerOf(exchange.transportContext()).orElseThrow();
        try {
            return result(fields(store.add(workspace, caller.getName(), title, (String) body)));
        } catch (InvalidDocumentException e) {
            return error(e.getMessage());
        }
    }

    private static Optional<StytchCaller> callerOf(McpTransportContext context) {
        return context.get(CALLER) instanceof StytchCaller caller ? Optional.of(caller) : Optional.empty();
    }

    // structured content for clients that read it, the same JSON as text for those that do not (MCP's advice)
    private CallToolResult result(Map<String, Object> content) {
        try {
            return CallToolResult.builder().structuredContent(content).addTextContent(json.writeValueAsString(content)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CallToolResult error(String sentence) {
        return CallToolResult.builder().isError(true).addTextContent(sentence).build();
    }

    private static Map<String, Object> fields(Document document) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", document.id());
        fields.put("title", document.title());
        fields.put("body", document.body());
        fields.put("author", document.author());
        fields.put("createdAt", document.createdAt().toString());
        return fields;
    }
}
