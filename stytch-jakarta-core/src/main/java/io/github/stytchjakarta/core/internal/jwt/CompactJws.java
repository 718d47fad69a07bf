package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.Sha256;
import java.nio.ByteBuffer;

/**
 * A token in the compact JWS form {@code header.payload.signature}, located in its bytes. Its
 * {@link #tokenHash()} is the verified-token cache key.
 *
 * <p>{@link #parse} checks the shape only: 1 to {@link #MAX_TOKEN_LENGTH} bytes, a non-empty header
 * before the first dot and another dot after it. It does not look for dots in between, as it need
 * not: base64url has no dot, so a token with more parts (a JWE has five) fails when its payload is
 * decoded, and {@link #isFiveParts()} then tells an encrypted token from garbage.
 *
 * <p>Immutable and thread-safe; the token array is shared, not copied, and must not be modified.
 */
public final class CompactJws {

    /** Longest token accepted, in bytes: Stytch session JWTs are 1-2 KiB, custom claims add at most 4 KiB. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final byte[] token;
    private final int headerEnd;
    private final int payloadEnd;

    private CompactJws(byte[] token, int headerEnd, int payloadEnd) {
        this.token = token;
        this.headerEnd = headerEnd;
        this.payloadEnd = payloadEnd;
    }

    /**
     * Locates the parts of a token.
     *
     * @param token the token as UTF-8 bytes; kept, not copied
     * @return the token
     * @throws InvalidTokenException {@code MALFORMED} when the token is empty, too long, or has no header
     *                               or fewer than three parts
     */
    public static CompactJws parse(byte[] token) {
        if (token.length == 0 || token.length > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        int firstDot = 0;
        while (firstDot < token.length && token[firstDot] != '.') {
            firstDot++;
        }
        int lastDot = token.length - 1;
        while (lastDot > firstDot && token[lastDot] != '.') {
            lastDot--;
        }
        if (firstDot == 0 || lastDot <= firstDot) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        return new CompactJws(token, firstDot, lastDot);
    }

    /**
     * The SHA-256 of the whole token: two tokens have the same hash only if they are equal (short of a
     * SHA-256 collision).
     *
     * @return 32 bytes, computed on each call
     */
    public byte[] tokenHash() {
        return Sha256.of(token);
    }

    /** @return the token bytes (shared: do not modify) */
    byte[] token() {
        return token;
    }

    /** @return the index of the first dot: the length of the encoded header */
    int headerEnd() {
        return headerEnd;
    }

    /** @return the index of the last dot: the length of the signing input */
    int payloadEnd() {
        return payloadEnd;
    }

    /** @return the base64url payload, a fresh view of the token bytes */
    ByteBuffer encodedPayload() {
        return ByteBuffer.wrap(token, headerEnd + 1, payloadEnd - headerEnd - 1);
    }

    /** @return the base64url signature, a fresh view of the token bytes */
    ByteBuffer encodedSignature() {
        return ByteBuffer.wrap(token, payloadEnd + 1, token.length - payloadEnd - 1);
    }

    /** @return whether the token has five parts, like a JWE, rather than three */
    boolean isFiveParts() {
        int dots = 0;
        for (byte b : token) {
            if (b == '.') {
                dots++;
            }
        }
        return dots == 4;
    }
}
