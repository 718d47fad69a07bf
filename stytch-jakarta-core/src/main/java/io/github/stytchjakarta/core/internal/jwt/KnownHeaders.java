package io.github.stytchjakarta.core.internal.jwt;

import java.util.Arrays;

/**
 * The encoded JWS headers (the base64url text, byte for byte) of tokens whose signature verified,
 * mapped to their {@code kid}, so that a known header is not decoded and checked again: a Stytch
 * project signs with one or two keys, hence has one or two headers. The header checks are a function
 * of these bytes alone, so a known header would pass them again; only a verified token's header is
 * added, so a forger cannot add any, and at most {@link #MAX_ENTRIES} are kept (the oldest is
 * replaced), so neither can anything else grow it.
 *
 * <p>Thread-safe: lookups read an immutable array; additions replace it under a lock.
 */
final class KnownHeaders {

    /** Most headers remembered. */
    static final int MAX_ENTRIES = 16;

    private volatile Entry[] entries = new Entry[0];

    /**
     * @param token  the compact JWS as bytes
     * @param length the length of its header part (the index of the first dot)
     * @return the {@code kid} of a known header, or {@code null} when the header is not known
     */
    String keyId(byte[] token, int length) {
        for (Entry entry : entries) {
            if (Arrays.equals(entry.encodedHeader, 0, entry.encodedHeader.length, token, 0, length)) {
                return entry.keyId;
            }
        }
        return null;
    }

    /**
     * Remembers the header of a token whose signature verified.
     *
     * @param token  the compact JWS as bytes
     * @param length the length of its header part
     * @param keyId  the header's {@code kid}
     */
    synchronized void add(byte[] token, int length, String keyId) {
        if (keyId(token, length) != null) {
            return;
        }
        Entry[] current = entries;
        int kept = Math.min(current.length, MAX_ENTRIES - 1);
        Entry[] next = new Entry[kept + 1];
        System.arraycopy(current, current.length - kept, next, 0, kept);
        next[kept] = new Entry(Arrays.copyOf(token, length), keyId);
        entries = next;
    }

    /** @return the number of headers remembered */
    int size() {
        return entries.length;
    }

    private static final class Entry {

        private final byte[] encodedHeader;
        private final String keyId;

        private Entry(byte[] encodedHeader, String keyId) {
            this.encodedHeader = encodedHeader;
            this.keyId = keyId;
        }
    }
}
