package io.github.stytchjakarta.example.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * A document of a workspace. Immutable.
 *
 * @param id        {@code doc-} and a random UUID
 * @param title     the title, 1 to {@value DocumentStore#MAX_TITLE_LENGTH} characters
 * @param body      the text, at most {@value DocumentStore#MAX_BODY_LENGTH} characters
 * @param author    who wrote it (an email address or a Stytch member or user id)
 * @param createdAt when it was written
 */
public record Document(String id, String title, String body, String author, Instant createdAt) {

    /** Requires every part. */
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
