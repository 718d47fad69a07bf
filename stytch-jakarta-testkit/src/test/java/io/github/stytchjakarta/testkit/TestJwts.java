package io.github.stytchjakarta.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;

/**
 * Test fixture: verifies JWTs the way a client does, against the JWKS fetched from the emulator over HTTP.
 */
final class TestJwts {

    private TestJwts() {
    }

    /**
     * @return the claims of a JWT whose signature verifies with a key of the emulator's published JWKS
     * @throws AssertionError if the key is not published or the signature is wrong
     */
    static JWTClaimsSet verifiedClaims(StytchEmulator emulator, String jwt) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            String body = new EmulatorHttp(emulator).getWithout("/v1/sessions/jwks/" + emulator.projectId(), null).response().body();
            RSAKey key = (RSAKey) JWKSet.parse(body).getKeyByKeyId(signed.getHeader().getKeyID());
            if (key == null || !signed.verify(new RSASSAVerifier(key))) {
                throw new AssertionError("JWT not verifiable with the published JWKS");
            }
            return signed.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("Unparseable JWT", e);
        }
    }

    static SignedJWT parse(String jwt) {
        try {
            return SignedJWT.parse(jwt);
        } catch (ParseException e) {
            throw new AssertionError("Unparseable JWT", e);
        }
    }
}
