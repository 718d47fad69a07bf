package io.github.stytchjakarta.core.internal.cache;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A bounded cache of verification results, keyed by a SHA-256 hash of the token (the caller's, see
 * {@link Key#of}) so that tokens are never stored. An entry carries its own expiry (the caller passes the earliest instant at which the
 * token would fail verification) and is never returned after it.
 *
 * <p>Two hard bounds, held at every instant whatever the number of threads: at most {@code maxEntries}
 * entries, and at most {@code maxBytes} of their {@linkplain #estimatedBytes estimated sizes}. Every change
 * of the entries happens under one lock, so no two puts can both see room for one more; a put happens
 * only after a signature verification of tens of microseconds, so the lock is rarely contended. Reads
 * take no lock and cost one map lookup. When a put would exceed a bound, it first drops expired
 * entries, then an arbitrary eighth of the rest (hash order, i.e. effectively random eviction: no
 * bookkeeping on the read path), until the new entry fits; an entry larger than {@code maxBytes} on its
 * own is not stored.
 *
 * <p>Thread-safe.
 *
 * @param <V> the cached value, immutable
 */
public final class VerifiedTokenCache<V> {

    /**
     * Estimated bytes of an entry besides what its token's claims make: the map node, the key, the entry
     * and the fixed fields of a principal and its session.
     */
    public static final long ENTRY_OVERHEAD_BYTES = 512;

    /**
     * Estimated bytes per character of the token: the cached principal keeps the token's claims as Java
     * strings, maps and lists. Measured for Stytch B2B session JWTs of 1,738 characters (heap growth over
     * 4,000 cached sessions): about 1,750 bytes per entry, all included, so this estimate with
     * {@link #ENTRY_OVERHEAD_BYTES} (2,250 bytes) is a quarter above it. Claims made of many tiny JSON
     * values would take more per character, but only a token Stytch signed is cached.
     */
    public static final long BYTES_PER_TOKEN_CHARACTER = 1;

    private final int maxEntries;
    private final long maxBytes;
    private final ConcurrentHashMap<Key, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private long bytes; // guarded by writeLock

    /**
     * @param maxEntries the largest number of entries; 0 disables the cache
     * @param maxBytes   the largest sum of the entries' estimated sizes; 0 disables the cache
     */
    public VerifiedTokenCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * The size an entry is assumed to take, from its token's length (see {@link #ENTRY_OVERHEAD_BYTES}
     * and {@link #BYTES_PER_TOKEN_CHARACTER}): the value holds what the token's claims hold.
     *
     * @param tokenLength the length of the token in characters
     * @return the estimated size in bytes
     */
    public static long estimatedBytes(int tokenLength) {
        return ENTRY_OVERHEAD_BYTES + BYTES_PER_TOKEN_CHARACTER * tokenLength;
    }

    /**
     * @param key       a token key
     * @param nowMillis the current time
     * @return the cached value, or {@code null} when absent or expired
     */
    public V get(Key key, long nowMillis) {
        Entry<V> entry = entries.get(key);
        // an expired entry is left for the next eviction: every removal happens under the lock
        return entry == null || nowMillis >= entry.expiresAtMillis ? null : entry.value;
    }

    /**
     * @param key             a token key
     * @param value           the verification result
     * @param estimatedBytes  the entry's size, {@link #estimatedBytes(int)}
     * @param expiresAtMillis the first instant at which the token is no longer valid
     * @param nowMillis       the current time
     */
    public void put(Key key, V value, long estimatedBytes, long expiresAtMillis, long nowMillis) {
        if (maxEntries == 0 || estimatedBytes > maxBytes || nowMillis >= expiresAtMillis) {
            return;
        }
        writeLock.lock();
        try {
            Entry<V> previous = entries.remove(key);
            if (previous != null) {
                bytes -= previous.bytes;
            }
            if (entries.size() >= maxEntries || bytes + estimatedBytes > maxBytes) {
                evictExpired(nowMillis);
            }
            while (entries.size() >= maxEntries || bytes + estimatedBytes > maxBytes) {
                evictEighth();
            }
            entries.put(key, new Entry<>(value, expiresAtMillis, estimatedBytes));
            bytes += estimatedBytes;
        } finally {
            writeLock.unlock();
        }
    }

    /** Drops every entry (the signing keys changed). */
    public void clear() {
        writeLock.lock();
        try {
            entries.clear();
            bytes = 0;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Drops the entries whose value matches (a webhook reported their session, user or member changed). Looks at
     * every entry under the lock: webhooks are rare, and requests only wait for it when they add an entry.
     *
     * @param matches which values to drop
     * @return how many entries were dropped
     */
    public int invalidate(Predicate<? super V> matches) {
        writeLock.lock();
        try {
            int dropped = 0;
            Iterator<Entry<V>> iterator = entries.values().iterator();
            while (iterator.hasNext()) {
                Entry<V> entry = iterator.next();
                if (matches.test(entry.value)) {
                    iterator.remove();
                    bytes -= entry.bytes;
                    dropped++;
                }
            }
            return dropped;
        } finally {
            writeLock.unlock();
        }
    }

    /** @return the number of entries, expired ones included */
    public int size() {
        return entries.size();
    }

    /** @return the sum of the entries' estimated sizes, expired ones included */
    public long estimatedBytes() {
        writeLock.lock();
        try {
            return bytes;
        } finally {
            writeLock.unlock();
        }
    }

    private void evictExpired(long nowMillis) {
        Iterator<Entry<V>> iterator = entries.values().iterator();
        while (iterator.hasNext()) {
            Entry<V> entry = iterator.next();
            if (nowMillis >= entry.expiresAtMillis) {
                iterator.remove();
                bytes -= entry.bytes;
            }
        }
    }

    private void evictEighth() {
        int excess = Math.max(1, entries.size() / 8);
        Iterator<Entry<V>> iterator = entries.values().iterator();
        while (excess-- > 0 && iterator.hasNext()) {
            bytes -= iterator.next().bytes;
            iterator.remove();
        }
    }

    /** A token's 256-bit hash as four longs: cheap to hash and compare. */
    public record Key(long a, long b, long c, long d) {

        /**
         * @param sha256 a collision-resistant 256-bit hash of the token, e.g. {@code CompactJws.tokenHash()}
         * @return the key
         */
        public static Key of(byte[] sha256) {
            if (sha256.length != 32) {
                throw new IllegalArgumentException("a key is 32 bytes");
            }
            ByteBuffer hash = ByteBuffer.wrap(sha256);
            return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
        }
    }

    private record Entry<V>(V value, long expiresAtMillis, long bytes) {
    }
}
