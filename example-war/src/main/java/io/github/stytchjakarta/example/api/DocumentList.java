package io.github.stytchjakarta.example.api;

import io.github.stytchjakarta.example.documents.Document;
import java.util.List;

/**
 * The answer of {@code GET /api/documents}.
 *
 * @param workspace the workspace label (organization slug, or {@code personal})
 * @param documents its documents, oldest first
 */
public record DocumentList(String workspace, List<Document> documents) {

    /** Copies the documents. */
    public DocumentList {
        documents = List.copyOf(documents);
    }
}
