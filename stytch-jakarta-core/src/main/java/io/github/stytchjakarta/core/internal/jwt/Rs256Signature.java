package io.github.stytchjakarta.core.internal.jwt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * Verifies a JWS {@code RS256} signature (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3) of a
 * {@link CompactJws}, in one of two ways; {@link #PREFERRED} is the first the platform can do. They accept
 * the same signatures but one: the JDK's {@code SHA256withRSA} also takes a {@code DigestInfo} whose
 * {@code NULL} parameters are omitted (RFC 8017 A.2.4), which §9.2 rules out and Stytch never sends.
 *
 * <p>{@link #PRECOMPUTED_HASH} uses the SHA-256 of the signing input that {@link CompactJws} already
 * computed for the verified-token cache key, so the token's bulk is hashed once. It is
 * RSASSA-PKCS1-V1_5-VERIFY of RFC 8017 §8.2.2 with the hashing step done, step by step:
 * <ol>
 *   <li>the signature is exactly as long as the modulus, {@code k} bytes;</li>
 *   <li>RSAVP1, {@code s^e mod n}, by the JCA ({@code RSA/ECB/NoPadding} with the public key), which
 *       also refuses {@code s >= n};</li>
 *   <li>EMSA-PKCS1-v1_5 encoding of the hash (§9.2): {@code 0x00 0x01}, {@code 0xFF} bytes,
 *       {@code 0x00}, the DER {@code DigestInfo} prefix of SHA-256 (§9.2 note 1) and the 32 hash bytes,
 *       {@code k} bytes in all;</li>
 *   <li>the two are compared whole, in constant time.</li>
 * </ol>
 * Encoding and comparing, rather than parsing the decrypted block, is how the RFC specifies it and
 * how the JDK's own {@code SHA256withRSA} verifies: exactly one encoded message is accepted per hash,
 * so no variant (another digest algorithm, missing parameters, trailing data, short padding) can slip
 * through, and a mistake in the encoding could only reject valid signatures, never accept others.
 *
 * <p>{@link #JCA_SIGNATURE} is the JCA's {@code SHA256withRSA} over the signing input (hashing it a second
 * time), for platforms whose providers offer no raw RSA cipher: {@code RSA/ECB/NoPadding} is not among
 * the algorithms every Java platform must provide, and FIPS configurations may leave it out.
 *
 * <p>Thread-safe: one {@link Cipher} or {@link Signature} per thread (their {@code init} resets them).
 */
enum Rs256Signature {

    /** Encode-and-compare over the signing input hash that {@link CompactJws} computed. */
    PRECOMPUTED_HASH {
        @Override
        boolean verifies(RSAPublicKey key, CompactJws jws, byte[] signature, int offset, int length) {
            int modulusLength = (key.getModulus().bitLength() + 7) / 8;
            if (length != modulusLength || modulusLength < DIGEST_INFO_LENGTH + MIN_PADDING + 3) {
                return false;
            }
            byte[] encodedMessage;
            try {
                Cipher rsavp1 = RSAVP1.get();
                rsavp1.init(Cipher.ENCRYPT_MODE, key);
                encodedMessage = rsavp1.doFinal(signature, offset, length);
            } catch (GeneralSecurityException e) {
                return false;
            }
            return MessageDigest.isEqual(encodedMessage, expectedEncoding(jws.signingInputHash(), modulusLength));
        }
    },

    /** The JCA's {@code SHA256withRSA} over the signing input. */
    JCA_SIGNATURE {
        @Override
        boolean verifies(RSAPublicKey key, CompactJws jws, byte[] signature, int offset, int length) {
            try {
                Signature verifier = SHA256_WITH_RSA.get();
                verifier.initVerify(key);
                verifier.update(jws.token(), 0, jws.payloadEnd());
                return verifier.verify(signature, offset, length);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    };

    /** The way this platform verifies: {@link #PRECOMPUTED_HASH} when a provider offers raw RSA. */
    static final Rs256Signature PREFERRED = rawRsaAvailable() ? PRECOMPUTED_HASH : JCA_SIGNATURE;

    private static final String RAW_RSA = "RSA/ECB/NoPadding";

    /** DER of {@code DigestInfo ::= SEQUENCE { AlgorithmIdentifier { id-sha256, NULL }, OCTET STRING (32 bytes) }} up to the hash. */
    private static final byte[] SHA_256_DIGEST_INFO_PREFIX = {
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
        0x04, 0x20};

    private static final int SHA_256_LENGTH = 32;

    /** The shortest padding string RFC 8017 allows, in bytes. */
    private static final int MIN_PADDING = 8;

    private static final int DIGEST_INFO_LENGTH = SHA_256_DIGEST_INFO_PREFIX.length + SHA_256_LENGTH;

    private static final ThreadLocal<Cipher> RSAVP1 = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(RAW_RSA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(RAW_RSA + " was available when this class was loaded", e);
        }
    });

    private static final ThreadLocal<Signature> SHA256_WITH_RSA = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA256withRSA", e);
        }
    });

    /**
     * @param key       the RSA public key
     * @param jws       the token, whose signing input the signature must sign
     * @param signature the decoded signature bytes
     * @param offset    where the signature starts
     * @param length    its length
     * @return whether the signature is valid for that signing input and key
     */
    abstract boolean verifies(RSAPublicKey key, CompactJws jws, byte[] signature, int offset, int length);

    private static boolean rawRsaAvailable() {
        try {
            Cipher.getInstance(RAW_RSA);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] expectedEncoding(byte[] sha256, int modulusLength) {
        byte[] encoded = new byte[modulusLength];
        int digestInfoStart = modulusLength - DIGEST_INFO_LENGTH;
        encoded[1] = 0x01;
        Arrays.fill(encoded, 2, digestInfoStart - 1, (byte) 0xff);
        System.arraycopy(SHA_256_DIGEST_INFO_PREFIX, 0, encoded, digestInfoStart, SHA_256_DIGEST_INFO_PREFIX.length);
        System.arraycopy(sha256, 0, encoded, modulusLength - SHA_256_LENGTH, SHA_256_LENGTH);
        return encoded;
    }
}
