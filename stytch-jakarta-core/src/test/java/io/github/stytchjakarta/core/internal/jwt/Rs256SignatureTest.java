package io.github.stytchjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Rs256Signature} accepts every signature the JCA's {@code SHA256withRSA} makes and none of the
 * near misses below, each an encoded message that differs from EMSA-PKCS1-v1_5(SHA-256) in one way that a
 * lax verifier has been known to let through: the check is the provider's, these tests pin what we rely on.
 */
class Rs256SignatureTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] SHA_256_PREFIX = HEX.parseHex("3031300d060960864801650304020105000420");
    private static final byte[] SHA_1_PREFIX = HEX.parseHex("3021300906052b0e03021a05000414");
    private static final String SIGNING_INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLXRlc3QifQ";

    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        keys = rsa(2048);
        otherKeys = rsa(2048);
    }

    @Test
    void verifiesWhenSignedWithSha256WithRsaThenAccepted() throws GeneralSecurityException {
        Random random = new Random(42);
        for (KeyPair pair : new KeyPair[] {keys, rsa(3072)}) {
            for (int i = 0; i < 10; i++) {
                String signingInput = randomPart(random) + "." + randomPart(random);
                byte[] signature = sha256WithRsa(pair, signingInput);

                assertThat(verifies(pair, signingInput, signature)).isTrue();
            }
        }
    }

    @Test
    void verifiesWhenSignatureWithinALargerArrayThenOffsetAndLengthHonoured()
            throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);
        byte[] padded = new byte[signature.length + 10];
        System.arraycopy(signature, 0, padded, 7, signature.length);

        assertThat(Rs256Signature.verifies((RSAPublicKey) keys.getPublic(), jws(SIGNING_INPUT), padded, 7, signature.length)).isTrue();
    }

    @Test
    void verifiesWhenSigningInputDiffersInOneCharacterThenRejected() throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);
        for (int index = 0; index < SIGNING_INPUT.length(); index += 7) {
            char[] changed = SIGNING_INPUT.toCharArray();
            changed[index] = changed[index] == '.' ? '.' : changed[index] == 'A' ? 'B' : 'A';
            String forged = new String(changed);

            assertThat(verifies(keys, forged, signature)).as("character %d", index)
                    .isEqualTo(forged.equals(SIGNING_INPUT));
        }
    }

    @Test
    void verifiesWhenSignatureDiffersInOneBitThenRejected() throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);
        for (int bit = 0; bit < signature.length * 8; bit += 131) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));

            assertThat(verifies(keys, SIGNING_INPUT, flipped)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void verifiesWhenOtherKeyThenRejected() throws GeneralSecurityException {
        assertThat(verifies(otherKeys, SIGNING_INPUT, sha256WithRsa(keys, SIGNING_INPUT))).isFalse();
    }

    @Test
    void verifiesWhenDigestInfoNamesSha1ThenRejected() throws GeneralSecurityException {
        // the same 32 bytes under SHA-1's algorithm identifier (length bytes adjusted)
        byte[] sha1Prefix = SHA_1_PREFIX.clone();
        sha1Prefix[1] = (byte) (sha1Prefix[1] + 12);
        sha1Prefix[sha1Prefix.length - 1] = 32;

        assertThat(verifies(keys, SIGNING_INPUT, rawPkcs1(keys, concat(sha1Prefix, sha256(SIGNING_INPUT))))).isFalse();
    }

    @Test
    void verifiesWhenHashSignedWithoutDigestInfoThenRejected() throws GeneralSecurityException {
        assertThat(verifies(keys, SIGNING_INPUT, rawPkcs1(keys, sha256(SIGNING_INPUT)))).isFalse();
    }

    @Test
    void verifiesWhenGarbageFollowsTheHashThenRejected() throws GeneralSecurityException {
        byte[] digestInfo = concat(SHA_256_PREFIX, sha256(SIGNING_INPUT));

        assertThat(verifies(keys, SIGNING_INPUT, rawPkcs1(keys, concat(digestInfo, new byte[] {0x42})))).isFalse();
        assertThat(verifies(keys, SIGNING_INPUT, rawPkcs1(keys, concat(digestInfo, new byte[40])))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"block type 2, 1, 2", "a padding byte not FF, 20, 127", "no zero byte after the padding, 204, 255"})
    void verifiesWhenEncodedMessageDiffersInOneByteThenRejected(String change, int index, int value)
            throws GeneralSecurityException {
        byte[] encoded = emsaPkcs1(keys, concat(SHA_256_PREFIX, sha256(SIGNING_INPUT)));
        encoded[index] = (byte) value;

        assertThat(verifies(keys, SIGNING_INPUT, rsaPrivate(keys, encoded))).isFalse();
    }

    @Test
    void verifiesWhenEncodedMessageIsRightThenAccepted() throws GeneralSecurityException {
        // the test's own EMSA-PKCS1-v1_5 encoding is right: the rejections above are not an artefact of it
        assertThat(rsaPrivate(keys, emsaPkcs1(keys, concat(SHA_256_PREFIX, sha256(SIGNING_INPUT)))))
                .isEqualTo(sha256WithRsa(keys, SIGNING_INPUT));
    }

    @Test
    void verifiesWhenSignatureLongerThanModulusThenRejected() throws GeneralSecurityException {
        byte[] signature = sha256WithRsa(keys, SIGNING_INPUT);

        assertThat(verifies(keys, SIGNING_INPUT, concat(new byte[1], signature))).isFalse();
        assertThat(verifies(keys, SIGNING_INPUT, new byte[0])).isFalse();
    }

    @Test
    void verifiesWhenLeadingZeroByteOfSignatureDroppedThenRejected() throws GeneralSecurityException {
        // about one signature in 256 starts with a zero byte; RFC 8017 requires the full length
        String signingInput;
        byte[] signature;
        int counter = 0;
        do {
            signingInput = SIGNING_INPUT + counter++;
            signature = sha256WithRsa(keys, signingInput);
        } while (signature[0] != 0);

        assertThat(verifies(keys, signingInput, signature)).isTrue();
        assertThat(verifies(keys, signingInput, Arrays.copyOfRange(signature, 1, signature.length))).isFalse();
    }

    private static boolean verifies(KeyPair pair, String signingInput, byte[] signature) {
        return Rs256Signature.verifies((RSAPublicKey) pair.getPublic(), jws(signingInput), signature, 0, signature.length);
    }

    // the signature part of the token is not read: the verifier gets the decoded signature separately
    private static CompactJws jws(String signingInput) {
        return CompactJws.parse((signingInput + ".c2ln").getBytes(StandardCharsets.US_ASCII));
    }

    private static String randomPart(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(1500)];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static byte[] sha256(String signingInput) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256WithRsa(KeyPair pair, String signingInput) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
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
