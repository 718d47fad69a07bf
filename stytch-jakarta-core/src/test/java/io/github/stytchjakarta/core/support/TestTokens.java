package io.github.stytchjakarta.core.support;

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
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;

/** Hostile tokens the emulator's minter cannot make (it always signs RS256), built from a genuine token's parts. */
public final class TestTokens {

    private TestTokens() {
    }

    /**
     * @param genuine a valid token
     * @return the same claims with {@code alg: none} and no signature
     */
    public static String algNone(String genuine) {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        return header + "." + payloadOf(genuine) + ".";
    }

    /**
     * The classic key-confusion attack: HS256 keyed with the RSA public key the verifier trusts.
     *
     * @param genuine   a valid token
     * @param publicJwk the published key
     * @return the same claims, HMAC-signed with the public key's encoding
     */
    public static String hs256WithPublicKey(String genuine, RSAKey publicJwk) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(publicJwk.getKeyID()).build(), claimsOf(genuine));
            jwt.sign(new MACSigner(publicJwk.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param genuine   a valid token
     * @param publicJwk the published key
     * @return the claims encrypted to the published key (a JWE, five parts)
     */
    public static String jwe(String genuine, RSAKey publicJwk) {
        try {
            EncryptedJWT jwt = new EncryptedJWT(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM)
                    .keyID(publicJwk.getKeyID()).type(JOSEObjectType.JWT).build(), claimsOf(genuine));
            jwt.encrypt(new RSAEncrypter(publicJwk));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param genuine a valid token
     * @return the token with one signature character changed (not the last: its low bits are padding)
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
        String[] parts = genuine.split("\\.");
        return parts[0] + "." + payloadOf(otherToken) + "." + parts[2];
    }

    private static String payloadOf(String token) {
        return token.split("\\.")[1];
    }

    private static JWTClaimsSet claimsOf(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }
}
