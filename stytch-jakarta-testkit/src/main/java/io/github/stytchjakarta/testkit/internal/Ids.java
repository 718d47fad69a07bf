package io.github.stytchjakarta.testkit.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Stytch-shaped identifiers: {@code <prefix>-test-<uuid>} (or {@code -live-} for a {@code project-live-} project),
 * and random secrets. Thread-safe.
 */
public final class Ids {

    /** Bytes in a session token: 33 bytes are exactly 44 base64url characters, the length of Stytch's tokens. */
    public static final int SESSION_TOKEN_BYTES = 33;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String environment;

    /**
     * @param projectId the project id; {@code project-live-…} gives {@code -live-} ids, anything else {@code -test-}
     */
    public Ids(String projectId) {
        this.environment = projectId.startsWith("project-live-") ? "live" : "test";
    }

    /**
     * @param prefix e.g. {@code user}
     * @return e.g. {@code user-test-<uuid>}
     */
    public String next(String prefix) {
        return prefix + "-" + environment + "-" + UUID.randomUUID();
    }

    /**
     * @param prefix e.g. {@code email}
     * @return {@code <prefix>-test-<uuid>}
     */
    public static String forTest(String prefix) {
        return prefix + "-test-" + UUID.randomUUID();
    }

    /**
     * @return a new opaque session token: 44 characters of base64url
     */
    public static String sessionToken() {
        return randomBase64Url(SESSION_TOKEN_BYTES);
    }

    /**
     * @param bytes how many random bytes
     * @return them as unpadded base64url
     */
    public static String randomBase64Url(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * @param bytes how many random bytes
     * @return them
     */
    public static byte[] randomBytes(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }

    /**
     * @param bytes how many random bytes
     * @return them as lower-case hex
     */
    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
