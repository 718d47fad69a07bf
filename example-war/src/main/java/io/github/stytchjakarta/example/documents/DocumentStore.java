package io.github.stytchjakarta.example.documents;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The documents, in memory, kept apart by {@link Workspace}: nothing here takes a document of one
 * workspace from another, so tenancy holds by construction (the caller's workspace comes from the Stytch
 * session, never from the request). A workspace starts with a welcome document.
 *
 * <p>Checked on the way in: a title of 1 to {@value #MAX_TITLE_LENGTH} characters, a body of at most
 * {@value #MAX_BODY_LENGTH}, no control characters other than line breaks and tabs in the body, and at most
 * {@value #MAX_DOCUMENTS_PER_WORKSPACE} documents per workspace. Thread-safe.
 */
@ApplicationScoped
public class DocumentStore {

    /** Longest title, in characters. */
    public static final int MAX_TITLE_LENGTH = 120;

    /** Longest body, in characters. */
    public static final int MAX_BODY_LENGTH = 5_000;

    /** Most documents a workspace may hold, so that memory stays bounded. */
    public static final int MAX_DOCUMENTS_PER_WORKSPACE = 100;

    /** The author of the welcome document. */
    public static final String WELCOME_AUTHOR = "stytch-jakarta";

    private final ConcurrentMap<String, Map<String, Document>> workspaces = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /**
     * @param workspace whose documents
     * @return the documents, oldest first
     */
    public List<Document> list(Workspace workspace) {
        Map<String, Document> documents = documents(workspace);
        synchronized (documents) {
            return List.copyOf(documents.values());
        }
    }

    /**
     * @param workspace whose document
     * @param id        the document id
     * @return the document, empty if the workspace has none with that id
     */
    public Optional<Document> find(Workspace workspace, String id) {
        Map<String, Document> documents = documents(workspace);
        synchronized (documents) {
            return Optional.ofNullable(documents.get(id));
        }
    }

    /**
     * Adds a document.
     *
     * @param workspace where
     * @param author    who writes it
     * @param title     the title (trimmed)
     * @param body      the text ({@code null} for none)
     * @return the new document
     * @throws InvalidDocumentException when the title or body is not acceptable or the workspace is full
     */
    public Document add(Workspace workspace, String author, String title, String body) {
        String cleanTitle = title == null ? "" : title.strip();
        String cleanBody = body == null ? "" : body.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE_LENGTH || hasControlCharacters(cleanTitle, false)) {
            throw new InvalidDocumentException("A title has 1 to " + MAX_TITLE_LENGTH + " characters on one line.");
        }
        if (cleanBody.length() > MAX_BODY_LENGTH || hasControlCharacters(cleanBody, true)) {
            throw new InvalidDocumentException("A text has at most " + MAX_BODY_LENGTH + " characters.");
        }
        Map<String, Document> documents = documents(workspace);
        synchronized (documents) {
            if (documents.size() >= MAX_DOCUMENTS_PER_WORKSPACE) {
                throw new InvalidDocumentException("This workspace is full: delete a document first.");
            }
            Document document = new Document("doc-" + UUID.randomUUID(), cleanTitle, cleanBody, author, clock.instant());
            documents.put(document.id(), document);
            return document;
        }
    }

    /**
     * Deletes a document.
     *
     * @param workspace whose document
     * @param id        the document id
     * @return whether the workspace had it
     */
    public boolean delete(Workspace workspace, String id) {
        Map<String, Document> documents = documents(workspace);
        synchronized (documents) {
            return documents.remove(id) != null;
        }
    }

    private Map<String, Document> documents(Workspace workspace) {
        return workspaces.computeIfAbsent(workspace.id(), id -> {
            Map<String, Document> documents = new LinkedHashMap<>();
            Document welcome = new Document("doc-" + UUID.randomUUID(), "Welcome to " + workspace.label(),
                    "Documents here are shared by everyone in this workspace, and only by them. Who may read, write or "
                            + "delete them is decided by the roles of each Stytch session.",
                    WELCOME_AUTHOR, clock.instant());
            documents.put(welcome.id(), welcome);
            return documents;
        });
    }

    private static boolean hasControlCharacters(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowed) {
                return true;
            }
        }
        return false;
    }
}
