package io.github.stytchjakarta.core.model;

/**
 * The answer of {@code POST /v1/public/{project_id}/oauth2/introspect} (RFC 7662 §2.2), the fields this library
 * reads: an inactive token's answer has only {@code active: false}; an active one's also the token's claims.
 *
 * @param active   whether the token is active (signed, unexpired, not revoked, its client and subject existing);
 *                 {@code null} when the answer lacks it, which no Stytch answer does
 * @param sub      the user or member id
 * @param clientId the Connected App the token was issued to
 * @param scope    the granted scopes, space-separated
 * @param exp      the token's expiry in epoch seconds
 */
public record TokenIntrospectionResponse(Boolean active, String sub, String clientId, String scope, Long exp) {
}
