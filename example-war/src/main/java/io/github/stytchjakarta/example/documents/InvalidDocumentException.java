package io.github.stytchjakarta.example.documents;

/**
 * A document the store does not accept; the message is a fixed sentence for the user and never
 * repeats the input.
 */
public final class InvalidDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, for the user
     */
    public InvalidDocumentException(String message) {
        super(message);
    }
}
