package io.github.stytchjakarta.example.documents;

/**
 * The RBAC resource and actions of documents, as defined in the Stytch project's policy (the demo data's
 * policy: {@code admin} may do everything, {@code editor} read and write, {@code viewer} read).
 */
public final class DocumentPermissions {

    /** The RBAC resource id. */
    public static final String RESOURCE = "documents";

    /** Listing and reading documents. */
    public static final String READ = "read";

    /** Writing new documents. */
    public static final String WRITE = "write";

    /** Deleting documents. */
    public static final String DELETE = "delete";

    private DocumentPermissions() {
    }
}
