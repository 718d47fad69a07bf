package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The result of {@link StytchWebAuthenticator#authenticate}: the request carried no credential, a
 * credential that authenticated, or one that did not (or could not be checked now).
 */
public sealed interface WebAuthentication
        permits WebAuthentication.Anonymous, WebAuthentication.Authenticated, WebAuthentication.Failed {

    /** No Stytch credential in the request. */
    record Anonymous() implements WebAuthentication {

        /** The one instance. */
        public static final Anonymous INSTANCE = new Anonymous();
    }

    /**
     * An authenticated request. {@code toString()} never shows a token.
     *
     * @param session the session core authenticated (principal, refreshed JWT, how it was verified)
     * @param source  where the credential came from
     * @param roles   the caller's roles: the session's Stytch roles (by default only project roles, see
     *                {@code stytch.roles.organization-roles}) followed by the application roles mapped from
     *                them ({@code stytch.roles.mapping.*})
     */
    record Authenticated(AuthenticatedSession session, CredentialSource source, Set<String> roles)
            implements WebAuthentication {

        /** Requires every part; copies the roles. */
        public Authenticated {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(source, "source");
            roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        }

        /** @return the caller */
        public StytchPrincipal principal() {
            return session.principal();
        }
    }

    /**
     * The credential was rejected, was ambiguous, or could not be checked because Stytch is unavailable.
     *
     * @param failure why
     */
    record Failed(WebFailure failure) implements WebAuthentication {

        /** Requires the failure. */
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
