package io.github.stytchjakarta.testkit;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.stytchjakarta.testkit.internal.JwtSigner;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile variants of a genuine session JWT, for the attacks a verifier must refuse (RFC 8725) and the
 * garbage it must survive: things {@link JwtMinter} cannot make, since it always signs RS256 properly.
 * Each takes a token minted by the emulator and keeps its claims, so only the attack differs.
 *
 * <p>The kind swaps ({@link #relabelledAsM2m}, {@link #readdressed}) take any genuine token, of any kind, and
 * sign the changed claims again with a key the test holds: Stytch signs session JWTs, M2M, Connected-App
 * access and ID tokens with the same keys, so a verifier must tell them apart by their claims, signature or
 * not. Genuine tokens of the other kinds come from {@link EmulatorTokens#m2mToken},
 * {@link EmulatorTokens#connectedAppToken} and {@link EmulatorTokens#idToken}.
 *
 * <pre>
 * String genuine = emulator.tokens().jwt(session).mint();
 * String forged = HostileTokens.hs256WithPublicKey(genuine, emulator.keys().signingKey().publicJwk());
 * String userAsClient = HostileTokens.relabelledAsM2m(genuine, emulator.keys().signingKey());
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class HostileTokens {

    /** The {@code scope} {@link #relabelledAsM2m} gives a token without one. */
    public static final String RELABELLED_SCOPE = "read:*";

    private static final String STYTCH_CLAIM_PREFIX = "https://stytch.com/";

    private HostileTokens() {
    }

    /**
     * @param genuine a valid token
     * @return the same claims with {@code alg: none} and an empty signature
     */
    public static String algNone(String genuine) {
        return Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(genuine, 1) + ".";
    }

    /**
     * The key-confusion attack: HS256 keyed with the encoding of the RSA public key the verifier trusts.
     *
     * @param genuine   a valid token
     * @param publicJwk the published key
     * @return the same claims, HMAC-signed with the public key's X.509 encoding
     */
    public static String hs256WithPublicKey(String genuine, RSAKey publicJwk) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(publicJwk.getKeyID()).build(), claims(genuine));
            jwt.sign(new MACSigner(publicJwk.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalArgumentException("not a signed JWT with claims", e);
        }
    }

    /**
     * @param genuine   a valid token
     * @param publicJwk the published key
     * @return the same claims as a JWE (five parts) encrypted to the published key
     */
    public static String jwe(String genuine, RSAKey publicJwk) {
        try {
            EncryptedJWT jwt = new EncryptedJWT(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM)
                    .keyID(publicJwk.getKeyID()).type(JOSEObjectType.JWT).build(), claims(genuine));
            jwt.encrypt(new RSAEncrypter(publicJwk));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalArgumentException("not a signed JWT with claims", e);
        }
    }

    /**
     * @param genuine a valid token
     * @return the token with one signature character changed (not the last one, whose low bits are padding)
     */
    public static String tamperedSignature(String genuine) {
        int index = genuine.length() - 10;
        char changed = genuine.charAt(index) == 'A' ? 'B' : 'A';
        return genuine.substring(0, index) + changed + genuine.substring(index + 1);
    }

    /**
     * @param genuine    a valid token
     * @param otherToken a token whose payload is swapped in
     * @return the genuine header and signature around the other token's payload
     */
    public static String swappedPayload(String genuine, String otherToken) {
        return part(genuine, 0) + "." + part(otherToken, 1) + "." + part(genuine, 2);
    }

    /**
     * @param genuine a valid token
     * @return the token cut in the middle of its payload
     */
    public static String truncated(String genuine) {
        return genuine.substring(0, genuine.indexOf('.') + part(genuine, 1).length() / 2);
    }

    /**
     * @param genuine a valid token
     * @return the genuine header and signature around a payload that is not base64url
     */
    public static String badBase64Payload(String genuine) {
        return part(genuine, 0) + ".!!not*base64~~." + part(genuine, 2);
    }

    /**
     * @param genuine a valid token
     * @return the genuine header and signature around a payload that is not JSON
     */
    public static String notJsonPayload(String genuine) {
        return part(genuine, 0) + "." + Base64URL.encode("not json at all") + "." + part(genuine, 2);
    }

    /**
     * A user's token re-labelled as an M2M access token: the same header and claims without Stytch's
     * {@code https://stytch.com/} claims and {@code client_id}, with {@code scope} (kept, else
     * {@value #RELABELLED_SCOPE}), signed with {@code key}. Its {@code sub} is still the user's or member's,
     * which is what gives it away.
     *
     * @param genuine a valid token, e.g. a session JWT or a Connected-App access token
     * @param key     the key to sign with, e.g. the emulator's signing key
     * @return the re-labelled token
     */
    public static String relabelledAsM2m(String genuine, EmulatorKey key) {
        Map<String, Object> claims = payload(genuine);
        claims.keySet().removeIf(name -> name.startsWith(STYTCH_CLAIM_PREFIX) || name.equals("client_id"));
        claims.putIfAbsent("scope", RELABELLED_SCOPE);
        return JwtSigner.sign(header(genuine), claims, key);
    }

    /**
     * A token re-addressed: the same header and claims with {@code aud: [audience]}, signed with {@code key}; e.g.
     * an ID token (addressed to its client) addressed to the project, so that only its kind gives it away.
     *
     * @param genuine  a valid token
     * @param key      the key to sign with, e.g. the emulator's signing key
     * @param audience the new {@code aud}
     * @return the re-addressed token
     */
    public static String readdressed(String genuine, EmulatorKey key, String audience) {
        Map<String, Object> claims = payload(genuine);
        claims.put("aud", List.of(audience));
        return JwtSigner.sign(header(genuine), claims, key);
    }

    private static Map<String, Object> header(String token) {
        return json(part(token, 0));
    }

    private static Map<String, Object> payload(String token) {
        return json(part(token, 1));
    }

    private static Map<String, Object> json(String base64Url) {
        try {
            return new LinkedHashMap<>(JSONObjectUtils.parse(new Base64URL(base64Url).decodeToString()));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON object", e);
        }
    }

    private static String part(String token, int index) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        return parts[index];
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }
}
