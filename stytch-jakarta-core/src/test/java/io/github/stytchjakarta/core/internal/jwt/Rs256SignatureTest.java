package io.github.stytchjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Rs256Signature} accepts exactly what the JCA's {@code SHA256withRSA} accepts: every signature
 * it makes, and none of the near misses below, each an encoded message that differs from
 * EMSA-PKCS1-v1_5(SHA-256) in one way that a lax verifier has been known to let through.
 */
class Rs256SignatureTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SHA_256_PREFIX = HEX.parseHex("3031300d060960864801650304020105000420");
    private static final byte[] SHA_1_PREFIX = HEX.parseHex("3021300906052b0e03021a05000414");
    private static final byte[] SIGNING_INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLXRlc3QifQ".getBytes(StandardCharsets.US_ASCII);

    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        keys = rsa(2048);
        otherKeys = rsa(2048);
    }

    @ParameterizedTest(name = "{0}-bit key")
    @ValueSource(ints = {2048, 3072})
    void verifiesWhenSignedWithSha256WithRsaThenAccepted(int bits) throws GeneralSecurityException {
        KeyPair pair = bits == 2048 ? keys : rsa(bits);
        Random random = new Random(bits);
        for (int i = 0; i < 20; i++) {
            byte[] message = new byte[random.nextInt(3000)];
            random.nextBytes(message);
            byte[] signature = sha256WithRsa(pair, message);

            assertThat(verifies(pair, sha256(message), signature)).isTrue();
        }
    }

    @Test
    void verifiesWhenSignatureWithinALargerArrayThenOffsetAndLengthHonoured() throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);
        byte[] padded = new byte[signature.length + 10];
        System.arraycopy(signature, 0, padded, 7, signature.length);

        assertThat(Rs256Signature.verifies((RSAPublicKey) keys.getPublic(), sha256(SIGNING_INPUT), padded, 7,
                signature.length)).isTrue();
    }

    @Test
    void verifiesWhenHashDiffersInOneBitThenRejected() throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);
        byte[] hash = sha256(SIGNING_INPUT);
        for (int bit = 0; bit < 256; bit += 37) {
            byte[] flipped = hash.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));

            assertThat(verifies(keys, flipped, signature)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void verifiesWhenSignatureDiffersInOneBitThenRejected() throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);
        for (int bit = 0; bit < signature.length * 8; bit += 131) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));

            assertThat(verifies(keys, sha256(SIGNING_INPUT), flipped)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void verifiesWhenOtherKeyThenRejected() throws GeneralSecurityException {
        assertThat(verifies(otherKeys, sha256(SIGNING_INPUT), sha256WithRsa(keys, SIGNING_INPUT))).isFalse();
    }

    @Test
    void verifiesWhenDigestInfoNamesSha1ThenRejected() throws GeneralSecurityException {
        byte[] hash = sha256(SIGNING_INPUT);
        // the same 32 bytes under SHA-1's algorithm identifier (length byte adjusted)
        byte[] sha1Prefix = SHA_1_PREFIX.clone();
        sha1Prefix[1] = (byte) (sha1Prefix[1] + 12);
        sha1Prefix[sha1Prefix.length - 1] = 32;

        assertThat(verifies(keys, hash, rawPkcs1(keys, concat(sha1Prefix, hash)))).isFalse();
    }

    @Test
    void verifiesWhenHashSignedWithoutDigestInfoThenRejected() throws GeneralSecurityException {
        byte[] hash = sha256(SIGNING_INPUT);

        assertThat(verifies(keys, hash, rawPkcs1(keys, hash))).isFalse();
    }

    @Test
    void verifiesWhenDigestInfoHasNoNullParametersThenRejected() throws GeneralSecurityException {
        byte[] hash = sha256(SIGNING_INPUT);
        // DigestInfo with the AlgorithmIdentifier's NULL parameters omitted, which some verifiers accept
        byte[] withoutNull = HEX.parseHex("302f300b0609608648016503040201" + "0420");

        assertThat(verifies(keys, hash, rawPkcs1(keys, concat(withoutNull, hash)))).isFalse();
    }

    @Test
    void verifiesWhenGarbageFollowsTheHashThenRejected() throws GeneralSecurityException {
        byte[] hash = sha256(SIGNING_INPUT);
        byte[] digestInfo = concat(SHA_256_PREFIX, hash);

        assertThat(verifies(keys, hash, rawPkcs1(keys, concat(digestInfo, new byte[] {0x42})))).isFalse();
        assertThat(verifies(keys, hash, rawPkcs1(keys, concat(digestInfo, new byte[40])))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"block type 2, 1, 2", "a padding byte not FF, 20, 127", "no zero byte after the padding, 204, 255"})
    void verifiesWhenEncodedMessageDiffersInOneByteThenRejected(String change, int index, int value)
            throws GeneralSecurityException {
        byte[] hash = sha256(SIGNING_INPUT);
        byte[] encoded = emsaPkcs1(keys, concat(SHA_256_PREFIX, hash));
        encoded[index] = (byte) value;

        assertThat(verifies(keys, hash, rsaPrivate(keys, encoded))).isFalse();
    }

    @Test
    void verifiesWhenEncodedMessageIsRightThenAccepted() throws GeneralSecurityException {
        // the test's own EMSA-PKCS1-v1_5 encoding is right: the rejections above are not an artefact of it
        byte[] hash = sha256(SIGNING_INPUT);

        assertThat(rsaPrivate(keys, emsaPkcs1(keys, concat(SHA_256_PREFIX, hash))))
                .isEqualTo(sha256WithRsa(keys, SIGNING_INPUT));
    }

    @Test
    void verifiesWhenSignatureLongerThanModulusThenRejected() throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);

        assertThat(verifies(keys, sha256(SIGNING_INPUT), concat(new byte[1], signature))).isFalse();
        assertThat(verifies(keys, sha256(SIGNING_INPUT), new byte[0])).isFalse();
    }

    @Test
    void verifiesWhenLeadingZeroByteOfSignatureDroppedThenRejectedLikeTheJca() throws GeneralSecurityException {
        // about one signature in 256 starts with a zero byte; RFC 8017 requires the full length
        byte[] message;
        byte[] signature;
        long counter = 0;
        do {
            message = Arrays.copyOf(BigInteger.valueOf(counter++).toByteArray(), 8);
            signature = sha256WithRsa(keys, message);
        } while (signature[0] != 0);
        byte[] shortened = Arrays.copyOfRange(signature, 1, signature.length);

        assertThat(verifies(keys, sha256(message), signature)).isTrue();
        assertThat(verifies(keys, sha256(message), shortened)).isFalse();
        Signature jca = Signature.getInstance("SHA256withRSA");
        jca.initVerify(keys.getPublic());
        jca.update(message);
        boolean jcaAccepts;
        try {
            jcaAccepts = jca.verify(shortened);
        } catch (SignatureException e) {
            jcaAccepts = false;
        }
        assertThat(jcaAccepts).isFalse();
    }

    @Test
    void verifiesWhenHashNotThirtyTwoBytesThenRejected() throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);

        assertThat(verifies(keys, Arrays.copyOf(sha256(SIGNING_INPUT), 31), signature)).isFalse();
    }

    private static boolean verifies(KeyPair pair, byte[] hash, byte[] signature) {
        return Rs256Signature.verifies((RSAPublicKey) pair.getPublic(), hash, signature, 0, signature.length);
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static byte[] sha256(byte[] message) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(message);
    }

    private static byte[] sha256WithRsa(KeyPair pair, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    // PKCS #1 type 1 padding around any data, signed: what a forger who controls the data would produce
    private static byte[] rawPkcs1(KeyPair pair, byte[] data) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("NONEwithRSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        return signer.sign();
    }

    // 0x00 0x01 0xFF... 0x00 data, as long as the modulus
    private static byte[] emsaPkcs1(KeyPair pair, byte[] data) {
        int length = (((RSAPublicKey) pair.getPublic()).getModulus().bitLength() + 7) / 8;
        byte[] encoded = new byte[length];
        encoded[1] = 0x01;
        Arrays.fill(encoded, 2, length - data.length - 1, (byte) 0xff);
        System.arraycopy(data, 0, encoded, length - data.length, data.length);
        return encoded;
    }

    // the raw RSA private operation: lets a test sign an encoded message of its own making
    private static byte[] rsaPrivate(KeyPair pair, byte[] encoded) {
        RSAPrivateKey key = (RSAPrivateKey) pair.getPrivate();
        byte[] value = new BigInteger(1, encoded).modPow(key.getPrivateExponent(), key.getModulus()).toByteArray();
        int length = (key.getModulus().bitLength() + 7) / 8;
        byte[] signature = new byte[length];
        int copied = Math.min(value.length, length);
        System.arraycopy(value, value.length - copied, signature, length - copied, copied);
        return signature;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
