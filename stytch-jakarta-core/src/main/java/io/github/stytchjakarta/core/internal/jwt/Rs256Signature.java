package io.github.stytchjakarta.core.internal.jwt;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

/**
 * Verifies the JWS {@code RS256} signature (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3) of a
 * {@link CompactJws} with the JCA's {@code SHA256withRSA} over its signing input. The library owns no
 * part of the check: padding, {@code DigestInfo}, the signature's length and {@code s < n} are all the
 * provider's (see ADR 003 for why the hand-written variant was removed).
 *
 * <p>Thread-safe: one {@link Signature} per thread, reset by {@code initVerify}.
 */
final class Rs256Signature {

    private static final ThreadLocal<Signature> SHA256_WITH_RSA = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA256withRSA", e);
        }
    });

    private Rs256Signature() {
    }

    /**
     * @param key       the RSA public key
     * @param jws       the token, whose signing input the signature must sign
     * @param signature the decoded signature bytes
     * @param offset    where the signature starts
     * @param length    its length
     * @return whether the signature is valid for that signing input and key
     */
    static boolean verifies(RSAPublicKey key, CompactJws jws, byte[] signature, int offset, int length) {
        try {
            Signature verifier = SHA256_WITH_RSA.get();
            verifier.initVerify(key);
            verifier.update(jws.token(), 0, jws.payloadEnd());
            return verifier.verify(signature, offset, length);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
