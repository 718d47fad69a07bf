package io.github.stytchjakarta.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of the JCA, one digest per thread (a digest is not thread-safe, and a new one costs a provider lookup). */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    });

    private Sha256() {
    }

    /**
     * @param bytes the input
     * @return its 32-byte SHA-256 hash
     */
    public static byte[] of(byte[] bytes) {
        return DIGEST.get().digest(bytes);
    }
}
