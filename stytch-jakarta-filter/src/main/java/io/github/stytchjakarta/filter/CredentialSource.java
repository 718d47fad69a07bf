package io.github.stytchjakarta.filter;

/**
 * Where a request's Stytch session credential came from. It decides the CSRF check (cookies only),
 * whether refreshed cookies are written (cookies only), whether a failure may be answered with a
 * login redirect (not for bearer requests), and {@code HttpServletRequest.getAuthType()}.
 */
public enum CredentialSource {

    /** A session JWT in {@code Authorization: Bearer} (header name: {@code stytch.token.header}). */
    BEARER_HEADER(CredentialSource.BEARER_AUTH),

    /** A session JWT in the {@code stytch_session_jwt} cookie (name: {@code stytch.token.cookie}). */
    JWT_COOKIE(CredentialSource.COOKIE_AUTH),

    /** An opaque session token in the {@code stytch_session} cookie (name: {@code stytch.session.cookie}). */
    SESSION_COOKIE(CredentialSource.COOKIE_AUTH);

    /** {@code getAuthType()} of a request authenticated by a bearer header. */
    public static final String BEARER_AUTH = "STYTCH_BEARER";

    /** {@code getAuthType()} of a request authenticated by a Stytch session cookie. */
    public static final String COOKIE_AUTH = "STYTCH_COOKIE";

    private final String authType;

    CredentialSource(String authType) {
        this.authType = authType;
    }

    /** @return {@link #BEARER_AUTH} or {@link #COOKIE_AUTH} */
    public String authType() {
        return authType;
    }

    /** @return whether the browser sent the credential on its own (so CSRF matters) */
    public boolean isCookie() {
        return this != BEARER_HEADER;
    }
}
