package io.github.stytchjakarta.example.documents;

import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUser;
import java.util.Objects;

/**
 * Whose documents a caller works with: a B2B member shares the documents of their organization (the
 * tenant); a consumer user has documents of their own.
 *
 * @param id    the organization id or the user id
 * @param label the organization slug, or {@value #PERSONAL}
 */
public record Workspace(String id, String label) {

    /** The label of a consumer user's own workspace. */
    public static final String PERSONAL = "personal";

    /** Requires every part. */
    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }

    /**
     * @param caller the authenticated caller
     * @return the caller's organization, or the consumer user's own workspace
     */
    public static Workspace of(StytchPrincipal caller) {
        if (caller instanceof StytchMember member) {
            return new Workspace(member.organizationId(), member.organizationSlug());
        }
        return new Workspace(((StytchUser) caller).userId(), PERSONAL);
    }
}
