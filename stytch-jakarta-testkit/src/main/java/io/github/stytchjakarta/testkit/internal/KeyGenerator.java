package io.github.stytchjakarta.testkit.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import io.github.stytchjakarta.testkit.EmulatorKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes {@link EmulatorKey}s: RSA key pairs with a self-signed certificate in {@code x5c} (BouncyCastle is used only
 * to build the certificate; signing and verifying go through the JDK). Thread-safe.
 */
public final class KeyGenerator {

    /** RSA modulus size, as Stytch uses. */
    public static final int KEY_SIZE = 2048;

    /** How long the self-signed certificates are valid: long enough never to matter in a test. */
    public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3650);

    private KeyGenerator() {
    }

    /**
     * @param kid the key id
     * @return a new key with private part, {@code use=sig}, {@code key_ops=[verify]}, {@code alg=RS256}, {@code x5c},
     *         {@code x5t#S256}
     */
    public static EmulatorKey generate(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = selfSign(kid, pair);
            byte[] der = certificate.getEncoded();
            RSAKey rsaKey = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyOperations(Set.of(KeyOperation.VERIFY))
                    .algorithm(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(Base64.encode(der)))
                    .x509CertSHA256Thumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der)))
                    .build();
            return new EmulatorKey(kid, rsaKey);
        } catch (GeneralSecurityException | OperatorException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static X509Certificate selfSign(String kid, KeyPair pair) throws GeneralSecurityException, OperatorException {
        X500Name subject = new X500Name("CN=Stytch emulator " + kid);
        Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(Ids.randomHex(16), 16), Date.from(notBefore), Date.from(notBefore.plus(CERTIFICATE_VALIDITY)),
                subject, pair.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }
}
