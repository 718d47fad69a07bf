package io.github.stytchjakarta.example.documents;

import io.github.stytchjakarta.core.ConnectedAppCaller;
import io.github.stytchjakarta.core.M2mCaller;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUser;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose documents a caller works with: a B2B member shares the documents of their organization (the
 * tenant); a consumer user has documents of their own. Machine callers work in the workspace their token names:
 * a Connected-App token in its member's organization (or its user's own documents), an M2M client in the
 * organization of its custom claim {@value #M2M_ORGANIZATION_CLAIM}; an M2M client without that claim has none.
 * Never from the request: always from the verified credential.
 *
 * @param id    the organization id or the user id
 * @param label the organization slug (a session's), the organization id (an access token's, which carries no
 *              slug), or {@value #PERSONAL}
 */
public record Workspace(String id, String label) {

    /** The label of a consumer user's own workspace. */
    public static final String PERSONAL = "personal";

    /**
     * The custom claim of an M2M client's tokens that names the organization it works for (set as a custom claim of
     * the client in Stytch); a client without it reaches no documents.
     */
    public static final String M2M_ORGANIZATION_CLAIM = "organization_id";

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

    /**
     * @param caller the authenticated caller, of any kind
     * @return the caller's workspace; empty for an M2M client without {@value #M2M_ORGANIZATION_CLAIM}
     */
    public static Optional<Workspace> forCaller(StytchCaller caller) {
        if (caller instanceof StytchPrincipal principal) {
            return Optional.of(of(principal));
        }
        if (caller instanceof ConnectedAppCaller app) {
            return Optional.of(app.organizationId().map(id -> new Workspace(id, id))
                    .orElseGet(() -> new Workspace(app.subject(), PERSONAL)));
        }
        Object organization = ((M2mCaller) caller).customClaims().get(M2M_ORGANIZATION_CLAIM);
        return organization instanceof String id && !id.isBlank() ? Optional.of(new Workspace(id, id)) : Optional.empty();
    }
}
