package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.KeyRing;
import java.util.List;

/**
 * The emulator's signing keys ({@link StytchEmulator#keys()}): which keys the JWKS publishes and which key signs new
 * JWTs. The API side ({@code sessions/authenticate}, {@code sessions/revoke}) accepts JWTs signed by any key the
 * emulator ever generated or was given, published or not. Keys are RSA-2048; generating one takes a moment.
 * Thread-safe.
 *
 * <pre>
 * EmulatorKey next = emulator.keys().rotate();               // two keys published, the new one signs
 * emulator.keys().unpublish(oldKid);                          // rotation finished
 * EmulatorKey early = emulator.keys().generateUnpublished();  // sign with it: clients see an unknown kid
 * emulator.keys().useForSigning(early);
 * </pre>
 */
public final class EmulatorKeys {

    private final KeyRing ring;

    EmulatorKeys(KeyRing ring) {
        this.ring = ring;
    }

    /** @return the key that signs new JWTs */
    public EmulatorKey signingKey() {
        return ring.signingKey();
    }

    /** @return the keys in the JWKS, in publication order */
    public List<EmulatorKey> published() {
        return ring.published();
    }

    /**
     * Generates a key, publishes it after the current ones and signs with it from now on. The old keys stay
     * published, as during a Stytch rotation.
     *
     * @return the new key
     */
    public EmulatorKey rotate() {
        EmulatorKey key = ring.generate();
        ring.publish(key);
        ring.useForSigning(key);
        return key;
    }

    /**
     * @return a new key that the JWKS does not list and that does not sign (until {@link #useForSigning})
     */
    public EmulatorKey generateUnpublished() {
        return ring.generate();
    }

    /**
     * Adds a key to the JWKS (no-op if published).
     *
     * @param key the key
     */
    public void publish(EmulatorKey key) {
        ring.publish(key);
    }

    /**
     * Removes a key from the JWKS. It may still sign, if it is the signing key.
     *
     * @param kid the key id
     * @return whether it was published
     */
    public boolean unpublish(String kid) {
        return ring.unpublish(kid);
    }

    /**
     * Signs new JWTs with a key, published or not.
     *
     * @param key the key
     */
    public void useForSigning(EmulatorKey key) {
        ring.useForSigning(key);
    }
}
