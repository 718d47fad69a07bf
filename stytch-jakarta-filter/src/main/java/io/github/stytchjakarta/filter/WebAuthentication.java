package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchPrincipal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
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
     * An authenticated request: by a session, or by an access token (M2M or Connected-App, bearer header only, where
     * {@code stytch.web.access-tokens} allows it). {@code toString()} never shows a token.
     *
     * @param caller  the caller: the session's {@link StytchPrincipal}, an {@link io.github.stytchjakarta.core.M2mCaller}
     *                or a {@link io.github.stytchjakarta.core.ConnectedAppCaller}
     * @param session the session core authenticated (principal, refreshed JWT, how it was verified); empty for an
     *                access token
     * @param source  where the credential came from
     * @param roles   the caller's roles: the session's Stytch roles (by default only project roles, see
     *                {@code stytch.roles.organization-roles}) followed by the application roles mapped from
     *                them ({@code stytch.roles.mapping.*}); none for an access token, which is authorized by its
     *                scopes
     */
    record Authenticated(StytchCaller caller, Optional<AuthenticatedSession> session, CredentialSource source,
                         Set<String> roles) implements WebAuthentication {

        /** Requires every part, a session's caller to be its principal; copies the roles. */
        public Authenticated {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(source, "source");
            if (session.isPresent() != caller instanceof StytchPrincipal
                    || session.isPresent() && !session.get().principal().equals(caller)) {
                throw new IllegalArgumentException("a session's caller is its principal, an access token's has no session");
            }
            roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        }

        /**
         * An authentication by a session.
         *
         * @param session the session core authenticated
         * @param source  where the credential came from
         * @param roles   the caller's roles
         */
        public Authenticated(AuthenticatedSession session, CredentialSource source, Set<String> roles) {
            this(session.principal(), Optional.of(session), source, roles);
        }

        /** @return the session's user or member; empty for an access token */
        public Optional<StytchPrincipal> principal() {
            return session.map(AuthenticatedSession::principal);
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
