package io.github.stytchjakarta.testkit;

/**
 * Which {@code iss} claim the emulator puts into the JWTs it mints.
 *
 * <p>Stytch uses {@code stytch.com/{project_id}} unless the API was called through a custom domain, in which case
 * the issuer is that base URL with no trailing slash; the official SDKs accept either.
 */
public enum IssuerStyle {

    /** {@code iss = "stytch.com/{project_id}"}, what Stytch issues by default. */
    STYTCH,

    /** {@code iss} = the emulator's base URL ({@code http://127.0.0.1:PORT}), like a Stytch custom domain. */
    BASE_URL
}
