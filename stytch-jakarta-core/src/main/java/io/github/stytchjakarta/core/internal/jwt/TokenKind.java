package io.github.stytchjakarta.core.internal.jwt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The kinds of JWT Stytch signs with a project's keys, all with the same issuer and {@code typ} and all but the
 * ID token with the same audience, so only their claims tell them apart (docs/adr-007-token-kinds.md):
 * <ul>
 * <li>a session JWT carries the {@code https://stytch.com/session} claim, and no other kind does;</li>
 * <li>a Connected-App access token carries {@code client_id}, with a user or member {@code sub};</li>
 * <li>an M2M access token carries {@code scope} with the client's id as {@code sub}, and neither
 *     {@code client_id} nor an organization claim;</li>
 * <li>anything else is {@link #OTHER}, Connected-App ID tokens (no {@code scope}, no {@code client_id}) among them.</li>
 * </ul>
 * {@link #peek} tells the kind of an unverified token, so that a caller accepting several kinds can hand it to the one
 * verifier for its kind (which checks the kind again, after the issuer). Stateless and thread-safe.
 */
public enum TokenKind {

    /** A session JWT. */
    SESSION,
    /** An M2M (client credentials) access token. */
    M2M_ACCESS,
    /** A Connected-App (OAuth / OIDC provider) access token issued to a client for a user or member. */
    CONNECTED_APP_ACCESS,
    /** Any other token, such as a Connected-App ID token. */
    OTHER;

    /**
     * The shape of the ids Stytch gives users and members ({@code user-test-…}, {@code member-live-…}). M2M client ids
     * may be chosen freely, so one of this shape would be indistinguishable from a user: such a {@code sub} is not an
     * M2M client.
     */
    private static final Pattern USER_OR_MEMBER_ID = Pattern.compile("^(user|member)-(test|live)-");

    /**
     * The kind an unverified token claims to be; nothing is verified, so the answer only chooses a verifier.
     *
     * @param token a compact JWS, e.g. from a bearer header; may be anything
     * @return the kind its claims mark, {@link #OTHER} when they cannot be read
     */
    public static TokenKind peek(String token) {
        try {
            CompactJws jws = CompactJws.parse(token.getBytes(StandardCharsets.UTF_8));
            ByteBuffer payload = Base64.getUrlDecoder().decode(jws.encodedPayload());
            return of(JwtClaims.read(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining()));
        } catch (RuntimeException e) {
            return OTHER; // the verifier says precisely what is wrong
        }
    }

    /**
     * @param claims the claims, verified or not
     * @return the kind they mark
     */
    static TokenKind of(JwtClaims claims) {
        if (claims.session() != null) {
            return SESSION;
        }
        if (claims.custom().containsKey(StytchClaims.CLIENT_ID)) {
            return CONNECTED_APP_ACCESS;
        }
        if (claims.custom().containsKey(StytchClaims.SCOPE) && claims.organization() == null
                && (claims.subject() == null || !USER_OR_MEMBER_ID.matcher(claims.subject()).lookingAt())) {
            return M2M_ACCESS;
        }
        return OTHER;
    }
}
