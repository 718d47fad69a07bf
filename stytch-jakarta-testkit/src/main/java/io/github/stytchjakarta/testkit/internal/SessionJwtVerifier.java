package io.github.stytchjakarta.testkit.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.stytchjakarta.testkit.EmulatorKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Verifies a session JWT the way the Stytch API does (not the way the library does): RS256 signature by any key the
 * emulator knows (published or not), issuer and audience; {@code exp} is ignored (an expired JWT of a live session is
 * refreshed). Thread-safe: stateless over thread-safe parts.
 */
public final class SessionJwtVerifier {

    private final String projectId;
    private final KeyRing keys;
    private final SessionStore sessions;
    private final Predicate<Object> acceptedIssuer;

    /**
     * @param projectId      the audience a JWT must have
     * @param keys           the keys a JWT may be signed with
     * @param sessions       the sessions a JWT may belong to
     * @param acceptedIssuer whether an {@code iss} claim is one of the emulator's
     */
    public SessionJwtVerifier(String projectId, KeyRing keys, SessionStore sessions, Predicate<Object> acceptedIssuer) {
        this.projectId = projectId;
        this.keys = keys;
        this.sessions = sessions;
        this.acceptedIssuer = acceptedIssuer;
    }

    /**
     * @param jwt      the JWT
     * @param vertical the vertical of the endpoint
     * @return the active session the JWT belongs to
     * @throws ApiException 400 {@code unable_to_parse_session_jwt} (malformed, not RS256, bad signature, unknown key),
     *                      400 {@code jwt_invalid_issuer}, 400 {@code jwt_invalid_audience},
     *                      400 {@code jwt_invalid_claims} (no session claim, wrong subject), or
     *                      404 {@code session_not_found}
     */
    public SessionData activeSession(String jwt, Vertical vertical) {
        JWTClaimsSet claims = verify(jwt).orElseThrow(
                () -> ApiException.of(400, "unable_to_parse_session_jwt", "Unable to parse the session JWT."));
        if (!acceptedIssuer.test(claims.getClaim("iss"))) {
            throw ApiException.of(400, "jwt_invalid_issuer", "The JWT has an invalid issuer.");
        }
        Object audience = claims.getClaim("aud");
        if (!(projectId.equals(audience) || audience instanceof List<?> list && list.contains(projectId))) {
            throw ApiException.of(400, "jwt_invalid_audience", "The JWT has an invalid audience.");
        }
        if (!(claims.getClaim(SubjectClaims.SESSION_CLAIM) instanceof Map<?, ?> sessionClaim
                && sessionClaim.get("id") instanceof String sessionId)) {
            throw ApiException.of(400, "jwt_invalid_claims", "The JWT has no Stytch session claim.");
        }
        SessionData session = sessions.activeSessionById(sessionId, vertical);
        if (!session.subjectId().equals(claims.getClaim("sub"))) {
            throw ApiException.of(400, "jwt_invalid_claims", "The JWT subject does not match its session.");
        }
        return session;
    }

    private Optional<JWTClaimsSet> verify(String jwt) {
        return signedClaims(jwt, keys.known());
    }

    /**
     * @param jwt  a JWT
     * @param keys the keys it may be signed with
     * @return its claims if it is an RS256 JWS signed by one of them (the one its {@code kid} names, if it has one);
     *         empty for anything else, malformed input included
     */
    public static Optional<JWTClaimsSet> signedClaims(String jwt, List<EmulatorKey> keys) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            String kid = signed.getHeader().getKeyID();
            List<EmulatorKey> candidates = kid == null ? keys : keys.stream().filter(key -> key.kid().equals(kid)).toList();
            for (EmulatorKey key : candidates) {
                if (signed.verify(new RSASSAVerifier(key.rsaKey().toRSAPublicKey()))) {
                    return Optional.of(signed.getJWTClaimsSet());
                }
            }
            return Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty(); // any malformed input is "unparseable", never a 500
        }
    }
}
