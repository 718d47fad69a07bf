package io.github.stytchjakarta.core.internal.jwt;

import java.util.Set;

/** Names of the claims Stytch puts in its JWTs. */
final class StytchClaims {

    /** The session claim object (both verticals). */
    static final String SESSION = "https://stytch.com/session";

    /** The organization claim object (B2B). */
    static final String ORGANIZATION = "https://stytch.com/organization";

    /** Prefix of every Stytch-owned claim; such claims are never custom claims. */
    static final String STYTCH_PREFIX = "https://stytch.com/";

    /** The scope claim of M2M and Connected-App access tokens: space-separated scopes. */
    static final String SCOPE = "scope";

    /** The Connected-App client an access token was issued to (an M2M token names its client in {@code sub}). */
    static final String CLIENT_ID = "client_id";

    /** Registered claims Stytch reserves; they are never custom claims. */
    static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    private StytchClaims() {
    }

    static boolean isCustom(String name) {
        return !RESERVED.contains(name) && !name.startsWith(STYTCH_PREFIX);
    }
}
