package io.github.stytchjakarta.testkit;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An RSA-2048 signing key of the emulator: a Nimbus {@link RSAKey} with the private part, {@code use=sig},
 * {@code key_ops=[verify]}, {@code alg=RS256}, and a real self-signed X.509 certificate for the same key in
 * {@code x5c} (with its {@code x5t#S256}). Immutable and thread-safe; {@link #toString()} shows only the key id.
 *
 * @param kid    the key id, {@code jwk-test-<uuid>}
 * @param rsaKey the key pair as a JWK, including the private key
 */
public record EmulatorKey(String kid, RSAKey rsaKey) {

    public EmulatorKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(rsaKey, "rsaKey");
        if (!rsaKey.isPrivate() || !kid.equals(rsaKey.getKeyID())) {
            throw new IllegalArgumentException("An emulator key is a private RSA JWK with the same kid");
        }
    }

    /**
     * @return the public JWK, as published in the JWKS
     */
    public RSAKey publicJwk() {
        return rsaKey.toPublicJWK();
    }

    /**
     * @return the self-signed certificate published in {@code x5c}
     */
    public X509Certificate certificate() {
        return rsaKey.getParsedX509CertChain().get(0);
    }

    @Override
    public String toString() {
        return "EmulatorKey[kid=" + kid + "]";
    }
}
