package io.github.stytchjakarta.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link SessionAuthenticator#authenticate(SessionCredential)}.
 * {@code toString()} never shows the refreshed JWT.
 *
 * @param principal    who the session belongs to
 * @param refreshedJwt a fresh session JWT when Stytch was asked (the caller should hand it back to the
 *                     client, e.g. re-set the {@code stytch_session_jwt} cookie); empty after a local check
 * @param verifiedBy   how the credential was checked
 */
public record AuthenticatedSession(StytchPrincipal principal, Optional<String> refreshedJwt, VerifiedBy verifiedBy) {

    /** Requires every part. */
    public AuthenticatedSession {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(refreshedJwt, "refreshedJwt");
        Objects.requireNonNull(verifiedBy, "verifiedBy");
    }

    /** How a credential was checked. */
    public enum VerifiedBy {
        /** A JWT found in the verified-token cache (verified locally earlier). */
        CACHE,
        /** A JWT verified locally: signature and claims, no network call except a key set fetch. */
        LOCAL,
        /** Stytch's {@code sessions/authenticate} (an opaque token, or an expired or too old JWT). */
        REMOTE
    }

    @Override
    public String toString() {
        return "AuthenticatedSession[principal=" + principal + ", refreshedJwt="
                + (refreshedJwt.isPresent() ? "****" : "none") + ", verifiedBy=" + verifiedBy + ']';
    }
}
