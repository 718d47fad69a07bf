package io.github.stytchjakarta.core.internal.jwt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * Verifies a JWS {@code RS256} signature (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3) given the
 * SHA-256 of the signing input rather than the signing input itself, so that the one hash of the
 * token's bulk serves both the signature and the verified-token cache key ({@link CompactJws}).
 *
 * <p>This is RSASSA-PKCS1-V1_5-VERIFY of RFC 8017 §8.2.2 with the hash already computed, step by step:
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
 * <p>Thread-safe: one {@link Cipher} per thread ({@code init} resets it).
 */
final class Rs256Signature {

    /** Length of a SHA-256 hash, in bytes. */
    static final int SHA_256_LENGTH = 32;

    /** DER of {@code DigestInfo ::= SEQUENCE { AlgorithmIdentifier { id-sha256, NULL }, OCTET STRING (32 bytes) }} up to the hash. */
    private static final byte[] SHA_256_DIGEST_INFO_PREFIX = {
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
        0x04, 0x20};

    /** The shortest padding string RFC 8017 allows, in bytes. */
    private static final int MIN_PADDING = 8;

    private static final int DIGEST_INFO_LENGTH = SHA_256_DIGEST_INFO_PREFIX.length + SHA_256_LENGTH;

    private static final ThreadLocal<Cipher> RSAVP1 = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("RSA/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no JCA provider offers RSA/ECB/NoPadding (the JDK's SunJCE does)", e);
        }
    });

    private Rs256Signature() {
    }

    /**
     * @param key       the RSA public key
     * @param sha256    the SHA-256 of the signing input, {@link #SHA_256_LENGTH} bytes
     * @param signature the signature bytes
     * @param offset    where the signature starts
     * @param length    its length
     * @return whether the signature is valid for that hash and key
     */
    static boolean verifies(RSAPublicKey key, byte[] sha256, byte[] signature, int offset, int length) {
        int modulusLength = (key.getModulus().bitLength() + 7) / 8;
        if (sha256.length != SHA_256_LENGTH || length != modulusLength
                || modulusLength < DIGEST_INFO_LENGTH + MIN_PADDING + 3) {
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
        return MessageDigest.isEqual(encodedMessage, expectedEncoding(sha256, modulusLength));
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
