package io.github.stytchjakarta.core.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a Svix webhook signature (docs/webhooks.md): the HMAC-SHA256, keyed with the base64 key after the
 * {@value #SECRET_PREFIX} prefix of the endpoint's secret, of {@code {svix-id}.{svix-timestamp}.{raw body}},
 * against every {@code v1,<base64>} entry of the space-separated {@code svix-signature} header (several
 * during a secret rotation; entries of other versions are skipped), compared in constant time; then
 * {@code svix-timestamp} (Unix seconds) within the tolerance of the clock either way.
 *
 * <p>Headers of impossible shape are {@link Verdict#MALFORMED}: an id of more than {@value #MAX_ID_LENGTH}
 * characters or other than letters, digits, {@code _} and {@code -} (a {@code .} would make the signed content
 * ambiguous), a timestamp that is not a number of seconds, a signature header longer than
 * {@value #MAX_SIGNATURE_HEADER_LENGTH} characters or with more than {@value #MAX_SIGNATURES} entries.
 *
 * <p>Immutable and thread-safe (a {@link Mac} is made per check).
 */
public final class SvixSignature {

    /** The prefix of a Svix endpoint secret. */
    public static final String SECRET_PREFIX = "whsec_";

    /** The shortest accepted key: 24 bytes, the length of the keys Svix generates. */
    public static final int MIN_KEY_BYTES = 24;

    /** The longest accepted {@code svix-id}; Svix's are about 30 characters. */
    public static final int MAX_ID_LENGTH = 128;

    /** The longest accepted {@code svix-signature} header. */
    public static final int MAX_SIGNATURE_HEADER_LENGTH = 4096;

    /** The most signatures looked at in one header. */
    public static final int MAX_SIGNATURES = 16;

    private static final String VERSION_PREFIX = "v1,";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private final byte[] key;
    private final long toleranceMillis;

    /** What a check found. */
    public enum Verdict {
        /** Signed with the key, timestamp within the tolerance. */
        VALID,
        /** A header is missing or of impossible shape. */
        MALFORMED,
        /** No signature matches. */
        BAD_SIGNATURE,
        /** Signed, but the timestamp is outside the tolerance. */
        STALE
    }

    /**
     * @param secret    a secret {@link #isValidSecret} accepts
     * @param tolerance the timestamp tolerance either way
     * @throws IllegalArgumentException when the secret is not valid
     */
    public SvixSignature(String secret, Duration tolerance) {
        if (!isValidSecret(secret)) {
            throw new IllegalArgumentException("not a Svix endpoint secret");
        }
        this.key = decodeKey(secret);
        this.toleranceMillis = tolerance.toMillis();
    }

    /**
     * @param secret a candidate secret; may be {@code null}
     * @return whether it is {@value #SECRET_PREFIX} followed by a base64 key of at least {@value #MIN_KEY_BYTES} bytes
     */
    public static boolean isValidSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            return decodeKey(secret).length >= MIN_KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks a message.
     *
     * @param id         the {@code svix-id} header, {@code null} when absent
     * @param timestamp  the {@code svix-timestamp} header, {@code null} when absent
     * @param signatures the {@code svix-signature} header, {@code null} when absent
     * @param body       the raw body
     * @param nowMillis  the current time
     * @return the verdict
     */
    public Verdict verify(String id, String timestamp, String signatures, byte[] body, long nowMillis) {
        if (!isValidId(id) || !isValidTimestamp(timestamp) || signatures == null
                || signatures.length() > MAX_SIGNATURE_HEADER_LENGTH) {
            return Verdict.MALFORMED;
        }
        String[] entries = signatures.trim().split(" +");
        if (entries.length > MAX_SIGNATURES) {
            return Verdict.MALFORMED;
        }
        byte[] expected = sign(id, timestamp, body);
        boolean matched = false;
        for (String entry : entries) {
            if (entry.startsWith(VERSION_PREFIX)) {
                // every entry is compared, so the time taken does not tell which one matched
                matched |= MessageDigest.isEqual(expected, decodeOrEmpty(entry.substring(VERSION_PREFIX.length())));
            }
        }
        if (!matched) {
            return Verdict.BAD_SIGNATURE;
        }
        long sentMillis = Long.parseLong(timestamp) * 1000;
        return Math.abs(nowMillis - sentMillis) > toleranceMillis ? Verdict.STALE : Verdict.VALID;
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + '.' + timestamp + '.').getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e); // every JDK has it
        }
    }

    private static byte[] decodeKey(String secret) {
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    private static byte[] decodeOrEmpty(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidTimestamp(String timestamp) {
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS) {
            return false;
        }
        for (int i = 0; i < timestamp.length(); i++) {
            if (timestamp.charAt(i) < '0' || timestamp.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
