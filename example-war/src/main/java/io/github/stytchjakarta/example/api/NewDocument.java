package io.github.stytchjakarta.example.api;

/**
 * The body of {@code POST /api/documents}.
 *
 * @param title the title
 * @param body  the text, {@code null} for none
 */
public record NewDocument(String title, String body) {
}
